import { describe, expect, it } from 'vitest';
import { quorumFor, tallyRound, type CountedBallot } from '../../../../shared/model/prioritisation/tally.ts';
import type { Ballot } from '../../../../shared/schemas/ballots.ts';
import { buildTallyInput } from './factories.ts';

const named = (ballot: Ballot, organisation: string | null = null): CountedBallot => ({ ballot, organisation });

describe('tallyRound', () => {
  it('counts dots: total, mean, spread and distribution, best first', () => {
    const results = tallyRound(
      buildTallyInput(
        { method: 'dots', dotsPerVoter: 5, maxPerCandidate: null },
        {
          ballots: [
            named({ method: 'dots', dots: { c1: 3, c2: 2 } }),
            named({ method: 'dots', dots: { c2: 5 } }),
            named({ method: 'dots', dots: { c1: 1, c3: 4 } }),
          ],
          turnout: { voted: 3, eligible: 6 },
        },
      ),
    );
    expect(results.candidates.map((c) => [c.candidateId, c.aggregate, c.rank])).toEqual([
      ['c2', 7, 1],
      ['c1', 4, 2],
      ['c3', 4, 2],
    ]);
    const c2 = results.candidates[0]!;
    expect(c2.mean).toBe(2.33);
    expect(c2.spread).toBe(2.05);
    expect(c2.distribution).toEqual([
      { label: '0 dots', count: 1 },
      { label: '1 dot', count: 0 },
      { label: '2 dots', count: 1 },
      { label: '3 dots', count: 0 },
      { label: '4 dots', count: 0 },
      { label: '5 dots', count: 1 },
    ]);
    expect(results.aggregateLabel).toBe('Total dots');
    expect(results.quorum).toEqual({ required: 0.5, needed: 3, met: true });
  });

  it('weights criteria in scores, and reports each criterion', () => {
    const results = tallyRound(
      buildTallyInput(
        {
          method: 'scores',
          criteria: [
            { id: 'severity', label: 'Severity', weight: 3 },
            { id: 'trend', label: 'Trend', weight: 1 },
          ],
        },
        {
          candidates: buildTallyInput({ method: 'ranking' }).candidates.slice(0, 2),
          ballots: [
            named({ method: 'scores', scores: { c1: { severity: 5, trend: 1 }, c2: { severity: 1, trend: 5 } } }),
            named({ method: 'scores', scores: { c1: { severity: 3, trend: 3 }, c2: { severity: 2, trend: 2 } } }),
          ],
        },
      ),
    );
    const [first, second] = results.candidates;
    // c1: (3·5 + 1)/4 = 4 and 3 → mean 3.5; c2: (3 + 5)/4 = 2 and 2 → mean 2.
    expect(first).toMatchObject({ candidateId: 'c1', aggregate: 3.5, spread: 0.5, rank: 1 });
    expect(second).toMatchObject({ candidateId: 'c2', aggregate: 2, spread: 0, rank: 2 });
    expect(first!.criteria).toEqual([
      { criterionId: 'severity', label: 'Severity', mean: 4, spread: 1 },
      { criterionId: 'trend', label: 'Trend', mean: 2, spread: 1 },
    ]);
  });

  it('gives Borda points in ranking: n − 1 for first, none for last', () => {
    const results = tallyRound(
      buildTallyInput(
        { method: 'ranking' },
        {
          ballots: [
            named({ method: 'ranking', order: ['c1', 'c2', 'c3'] }),
            named({ method: 'ranking', order: ['c2', 'c1', 'c3'] }),
            named({ method: 'ranking', order: ['c1', 'c3', 'c2'] }),
          ],
        },
      ),
    );
    expect(results.candidates.map((c) => [c.candidateId, c.aggregate])).toEqual([
      ['c1', 5],
      ['c2', 3],
      ['c3', 1],
    ]);
    expect(results.candidates[0]!.distribution.slice(0, 2)).toEqual([
      { label: 'Ranked 1st', count: 2 },
      { label: 'Ranked 2nd', count: 1 },
    ]);
  });

  it('plots the matrix at the mean with each axis’s spread', () => {
    const results = tallyRound(
      buildTallyInput(
        { method: 'matrix' },
        {
          candidates: buildTallyInput({ method: 'matrix' }).candidates.slice(0, 2),
          ballots: [
            named({ method: 'matrix', placements: { c1: { need: 5, influence: 4 }, c2: { need: 1, influence: 5 } } }),
            named({ method: 'matrix', placements: { c1: { need: 3, influence: 4 }, c2: { need: 3, influence: 1 } } }),
          ],
        },
      ),
    );
    const c1 = results.candidates.find((c) => c.candidateId === 'c1')!;
    expect(c1.need).toEqual({ mean: 4, spread: 1 });
    expect(c1.influence).toEqual({ mean: 4, spread: 0 });
    expect(c1.aggregate).toBe(16);
    expect(c1.distribution[0]).toEqual({ label: 'High need, high influence', count: 2 });
    expect(results.candidates[0]!.candidateId).toBe('c1');
  });

  it('breaks results down by organisation in named rounds only', () => {
    const settings = { method: 'dots' as const, dotsPerVoter: 3, maxPerCandidate: null };
    const namedRound = tallyRound(
      buildTallyInput(settings, {
        ballots: [
          named({ method: 'dots', dots: { c1: 3 } }, 'NHS'),
          named({ method: 'dots', dots: { c1: 1, c2: 2 } }, 'Council'),
          named({ method: 'dots', dots: { c2: 3 } }, 'NHS'),
        ],
      }),
    );
    expect(namedRound.candidates.find((c) => c.candidateId === 'c1')!.byOrganisation).toEqual([
      { organisation: 'Council', aggregate: 1, ballots: 1 },
      { organisation: 'NHS', aggregate: 3, ballots: 2 },
    ]);
    const anonymous = tallyRound(buildTallyInput(settings, { ballots: [named({ method: 'dots', dots: { c1: 3 } })] }));
    expect(anonymous.candidates.every((c) => c.byOrganisation.length === 0)).toBe(true);
  });

  it('ignores ballots of another method rather than miscounting them', () => {
    const results = tallyRound(
      buildTallyInput({ method: 'ranking' }, { ballots: [named({ method: 'dots', dots: { c1: 3 } })] }),
    );
    expect(results.ballots).toBe(0);
  });
});

describe('quorumFor', () => {
  it('needs the share of eligible voters, rounded up', () => {
    expect(quorumFor(0.5, { voted: 8, eligible: 17 })).toEqual({ required: 0.5, needed: 9, met: false });
    expect(quorumFor(0.5, { voted: 9, eligible: 17 }).met).toBe(true);
  });

  it('is always met with no quorum, never met with nobody voting', () => {
    expect(quorumFor(0, { voted: 0, eligible: 10 }).met).toBe(true);
    expect(quorumFor(0.1, { voted: 0, eligible: 0 }).met).toBe(false);
  });
});
