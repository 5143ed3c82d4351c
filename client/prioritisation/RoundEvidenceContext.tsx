import { createContext, use, useCallback, type ReactNode } from 'react';
import type { CandidateEvidence } from '../../shared/schemas/candidateEvidence.ts';
import { useApiData, type ApiData } from '../api/useApiData.ts';
import { fetchRoundEvidence } from './roundsApi.ts';

const RoundEvidenceContext = createContext<ApiData<Map<string, CandidateEvidence>> | null>(null);

/** Loads the evidence beside each candidate of a round once, for every ballot, result and decision under it. */
export function RoundEvidenceProvider({ roundId, children }: { roundId: string; children: ReactNode }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchRoundEvidence(roundId, signal).then(
        (evidence) => new Map(evidence.candidates.map((candidate) => [candidate.candidateId, candidate])),
      ),
    [roundId],
  );
  const evidence = useApiData(load);
  return <RoundEvidenceContext value={evidence}>{children}</RoundEvidenceContext>;
}

/** The evidence beside one candidate, once the round's has loaded (undefined until then, or outside a provider). */
export function useCandidateEvidence(candidateId: string): CandidateEvidence | undefined {
  const evidence = use(RoundEvidenceContext);
  return evidence?.status === 'ready' ? evidence.data.get(candidateId) : undefined;
}
