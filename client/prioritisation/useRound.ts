import { useCallback, useEffect } from 'react';
import type { RoundProjection } from '../../shared/model/prioritisation/projection.ts';
import type { Round, Turnout } from '../../shared/schemas/rounds.ts';
import { useApiData, type ApiData } from '../api/useApiData.ts';
import { useRoundProjection } from './BallotsProjectionContext.ts';
import { fetchRound } from './roundsApi.ts';

/** A round as the API describes it to me, with the live figures from the projection laid over it. */
export interface LiveRound {
  round: Round;
  projection: RoundProjection | null;
  state: Round['state'];
  turnout: Turnout;
  closesAt: string | null;
  /** Moves on every accepted ballot. */
  version: number;
}

/**
 * Loads a round and keeps it current: turnout, state and countdown come live from the projection; the round is
 * fetched again when its state or decision changes there, since what I may do (vote, see results) follows them.
 */
export function useRound(roundId: string): ApiData<LiveRound> & { reload: () => void } {
  const load = useCallback((signal: AbortSignal) => fetchRound(roundId, signal), [roundId]);
  const data = useApiData(load);
  const projection = useRoundProjection(roundId);
  const { reload } = data;
  const fetched = data.status === 'ready' ? data.data : null;
  const stale =
    fetched !== null &&
    projection !== null &&
    (projection.state !== fetched.state ||
      projection.hasDecision !== fetched.hasDecision ||
      projection.closesAt !== fetched.closesAt);
  useEffect(() => {
    if (stale) reload();
  }, [stale, reload]);

  if (data.status !== 'ready') return data;
  const round = data.data;
  // The projection moves first; the API answer catches up after the reload above.
  const live: LiveRound = {
    round,
    projection,
    state: projection?.state ?? round.state,
    turnout: projection?.turnout ?? round.turnout,
    closesAt: projection ? projection.closesAt : round.closesAt,
    version: Math.max(projection?.version ?? 0, round.version),
  };
  return { status: 'ready', data: live, reload };
}
