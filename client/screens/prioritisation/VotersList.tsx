import { useCallback } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { fetchVoters } from '../../prioritisation/roundsApi.ts';

/**
 * Who has voted and who has not, for the facilitator to verify turnout (and nudge). Fetched when opened and again
 * when another ballot arrives. In anonymous rounds: names only, in alphabetical order.
 */
export function VotersList({ roundId, version, anonymous }: { roundId: string; version: number; anonymous: boolean }) {
  return (
    <details className="breakdown">
      <summary>Who has voted</summary>
      <VotersTable roundId={roundId} version={version} anonymous={anonymous} />
    </details>
  );
}

function VotersTable({ roundId, version, anonymous }: { roundId: string; version: number; anonymous: boolean }) {
  // `version` is part of the loader so a new ballot fetches the list again.
  const load = useCallback(
    (signal: AbortSignal) => fetchVoters(roundId, signal).then((voters) => ({ voters, version })),
    [roundId, version],
  );
  const data = useApiData(load);
  if (data.status === 'loading') return <p role="status">Loading…</p>;
  if (data.status === 'failed') return <p className="notice notice--problem">The list could not be loaded.</p>;
  const { voters } = data.data;
  return (
    <div className="voters">
      {anonymous ? <p className="hint">Anonymous round: this shows who voted, never how.</p> : null}
      <h3>Voted ({voters.voted.length})</h3>
      {voters.voted.length === 0 ? (
        <p>Nobody yet.</p>
      ) : (
        <ul>
          {voters.voted.map((voter) => (
            <li key={`${voter.name}-${voter.organisation}`}>
              {voter.name} <span className="muted">({voter.organisation})</span>
            </li>
          ))}
        </ul>
      )}
      <h3>Not voted yet ({voters.notVoted.length})</h3>
      {voters.notVoted.length === 0 ? (
        <p>Everyone has voted.</p>
      ) : (
        <ul>
          {voters.notVoted.map((voter) => (
            <li key={`${voter.name}-${voter.organisation}`}>
              {voter.name} <span className="muted">({voter.organisation})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
