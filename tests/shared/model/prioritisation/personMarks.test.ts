import { describe, expect, it } from 'vitest';
import { personMarks } from '../../../../shared/model/prioritisation/personMarks.ts';
import { buildCandidates } from './factories.ts';

const candidates = buildCandidates(3);

describe('personMarks', () => {
  it('gives each candidate what one ballot gave it, in the round’s order', () => {
    expect(
      personMarks({ method: 'dots', dotsPerVoter: 5, maxPerCandidate: null }, candidates, {
        method: 'dots',
        dots: { c2: 3 },
      }),
    ).toEqual([
      { candidateId: 'c1', value: 0 },
      { candidateId: 'c2', value: 3 },
      { candidateId: 'c3', value: 0 },
    ]);
    // A ranking gives places, 1 first — not Borda points.
    expect(
      personMarks({ method: 'ranking' }, candidates, { method: 'ranking', order: ['c3', 'c1', 'c2'] }).map(
        (mark) => mark.value,
      ),
    ).toEqual([2, 3, 1]);
  });

  it('weighs scores by the criteria, and multiplies need by influence', () => {
    const criteria = [
      { id: 'severity', label: 'Severity', weight: 3 },
      { id: 'reach', label: 'Reach', weight: 1 },
    ];
    // (3 × 4 + 1 × 1) / 4 = 3.25
    expect(
      personMarks({ method: 'scores', criteria }, candidates.slice(0, 1), {
        method: 'scores',
        scores: { c1: { severity: 4, reach: 1 } },
      }),
    ).toEqual([{ candidateId: 'c1', value: 3.25, criteria: { severity: 4, reach: 1 } }]);
    expect(
      personMarks({ method: 'matrix' }, candidates.slice(0, 1), {
        method: 'matrix',
        placements: { c1: { need: 4, influence: 2 } },
      }),
    ).toEqual([{ candidateId: 'c1', value: 8, need: 4, influence: 2 }]);
  });
});
