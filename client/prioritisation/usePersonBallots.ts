import { useEffect, useState } from 'react';
import type { PersonBallot } from '../../shared/schemas/roundResults.ts';
import { isAbort } from '../api/ApiError.ts';
import type { ApiData } from '../api/useApiData.ts';
import { fetchResults } from './roundsApi.ts';
import type { LiveRound } from './useRound.ts';

/**
 * Who voted how, for a facilitator of a named round while its results are visible to them; null otherwise. The
 * projection's results never carry it (everyone reads the projection), so it is fetched, and fetched again whenever
 * a ballot is accepted — the previous rows staying on screen meanwhile.
 */
export function usePersonBallots(live: LiveRound, resultsShown: boolean): ApiData<PersonBallot[]> | null {
  const { round } = live;
  const wanted = resultsShown && round.me.canRun && !round.anonymous && live.state !== 'draft';
  const key = `${round.id}:${live.version}:${live.state}`;
  const [fetched, setFetched] = useState<ApiData<PersonBallot[]>>({ status: 'loading' });

  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    fetchResults(round.id, controller.signal).then(
      (results) => setFetched({ status: 'ready', data: results.byPerson ?? [] }),
      (error: unknown) => {
        if (!isAbort(error)) setFetched({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [wanted, round.id, key]);

  return wanted ? fetched : null;
}
