import { useMemo } from 'react';
import { ballotOrderFor, candidateOrderOf } from '../../shared/model/prioritisation/candidateOrder.ts';
import type { Round } from '../../shared/schemas/rounds.ts';
import { useMe } from '../session/useSession.ts';

/**
 * The round as my ballot shows it: its candidates in my own order when the round shuffles them (seeded by round and
 * me, so a reload or another device shows the same order), else as listed. Only the screen's order changes.
 */
export function useBallotOrder(round: Round): { round: Round; shuffled: boolean } {
  const { user } = useMe();
  return useMemo(() => {
    const shuffled = candidateOrderOf(round.settings) === 'shuffled';
    return { round: shuffled ? { ...round, candidates: ballotOrderFor(round, user.id) } : round, shuffled };
  }, [round, user.id]);
}
