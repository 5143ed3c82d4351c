import { useEffect, useState } from 'react';
import type { RoundResults } from '../../shared/schemas/roundResults.ts';
import { isAbort } from '../api/ApiError.ts';
import { fetchResults } from './roundsApi.ts';
import type { LiveRound } from './useRound.ts';

/** Results I may see now, or why not. */
export type ResultsState =
  | { kind: 'hidden'; reason: string }
  | { kind: 'loading' }
  | { kind: 'shown'; results: RoundResults }
  | { kind: 'failed'; error: unknown };

function hiddenReason(live: LiveRound): string {
  const { round } = live;
  if (live.state === 'draft') return 'Voting has not started yet.';
  if (round.visibility === 'after-vote') {
    return round.me.isEligible
      ? 'Results are shown once you have voted.'
      : 'Results are shown to each voter once they have voted, and to everyone when voting closes.';
  }
  return 'Results are shown when voting closes.';
}

/**
 * The round's results when I may see them. Results everyone may see arrive live in the projection; results only
 * voters may see ("after you vote") are fetched, and fetched again whenever another ballot is accepted.
 */
export function useRoundResults(live: LiveRound): ResultsState {
  const published = live.projection?.results ?? null;
  const mayFetch = published === null && live.round.me.canSeeResults && live.state !== 'draft';
  const [fetched, setFetched] = useState<{ key: string; state: ResultsState } | null>(null);
  const key = `${live.round.id}:${live.version}:${live.state}`;

  useEffect(() => {
    if (!mayFetch) return;
    const controller = new AbortController();
    fetchResults(live.round.id, controller.signal).then(
      (results) => setFetched({ key, state: { kind: 'shown', results } }),
      (error: unknown) => {
        if (!isAbort(error)) setFetched({ key, state: { kind: 'failed', error } });
      },
    );
    return () => controller.abort();
  }, [mayFetch, live.round.id, key]);

  if (published) return { kind: 'shown', results: published };
  if (!mayFetch) return { kind: 'hidden', reason: hiddenReason(live) };
  // While the newest figures load, the previous ones stay on screen rather than flashing away.
  if (fetched) return fetched.state;
  return { kind: 'loading' };
}
