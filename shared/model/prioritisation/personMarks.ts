import type { Ballot } from '../../schemas/ballots.ts';
import type { PersonBallot } from '../../schemas/roundResults.ts';
import type { Candidate, MethodSettings } from '../../schemas/rounds.ts';
import { roundFigure } from './statistics.ts';

/**
 * What one ballot gave each candidate, in the method's own terms (dots, weighted score, place, need × influence), in
 * the round's candidate order: the row a facilitator reads in a named round's "how each person voted". Pure.
 */
export function personMarks(
  settings: MethodSettings,
  candidates: readonly Pick<Candidate, 'id'>[],
  ballot: Ballot,
): PersonBallot['marks'] {
  return candidates.map(({ id }) => {
    switch (ballot.method) {
      case 'dots':
        return { candidateId: id, value: ballot.dots[id] ?? 0 };
      case 'ranking':
        return { candidateId: id, value: ballot.order.indexOf(id) + 1 };
      case 'scores': {
        const criteria = settings.method === 'scores' ? settings.criteria : [];
        const scores = ballot.scores[id] ?? {};
        const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
        const weighted = criteria.reduce((sum, c) => sum + c.weight * (scores[c.id] ?? 0), 0);
        return { candidateId: id, value: roundFigure(totalWeight > 0 ? weighted / totalWeight : 0), criteria: scores };
      }
      case 'matrix': {
        const placement = ballot.placements[id];
        if (!placement) return { candidateId: id, value: 0 };
        const { need, influence } = placement;
        return { candidateId: id, value: need * influence, need, influence };
      }
    }
  });
}
