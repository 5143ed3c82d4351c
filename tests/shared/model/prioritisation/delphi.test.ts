import { describe, expect, it } from 'vitest';
import { ballotProblems } from '../../../../shared/model/prioritisation/ballotRules.ts';
import {
  candidatesFarFromGroup,
  isFarFromGroup,
  reasonsByCandidate,
} from '../../../../shared/model/prioritisation/delphi.ts';
import { tallyRound } from '../../../../shared/model/prioritisation/tally.ts';
import { BallotSchema, type Ballot } from '../../../../shared/schemas/ballots.ts';
import type { MethodSettings } from '../../../../shared/schemas/rounds.ts';
import { buildCandidates, buildTallyInput } from './factories.ts';

const candidates = buildCandidates(3);
const dots: MethodSettings = { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 };

/** Round 1's results from these ballots, counted by the real tally. */
const roundOne = (settings: MethodSettings, ballots: Ballot[]) =>
  tallyRound(
    buildTallyInput(settings, { state: 'closed', ballots: ballots.map((ballot) => ({ ballot, organisation: null })) }),
  ).candidates;

// Round 1, dots: c1 got 1, 2 and 3 (mean 2, spread √(2/3) = 0.82); c2 got 2 from everyone (mean 2, spread 0);
// c3 got 2, 1 and 0 (mean 1, spread 0.82).
const dotsRoundOne = roundOne(dots, [
  { method: 'dots', dots: { c1: 1, c2: 2, c3: 2 } },
  { method: 'dots', dots: { c1: 2, c2: 2, c3: 1 } },
  { method: 'dots', dots: { c1: 3, c2: 2 } },
]);

describe('isFarFromGroup', () => {
  it('is far only beyond the spread and by at least 1', () => {
    expect(isFarFromGroup(3, { mean: 2, spread: 0.82 })).toBe(true); // 1 away: beyond 0.82, and 1
    expect(isFarFromGroup(1, { mean: 2, spread: 0.82 })).toBe(true); // either side
    expect(isFarFromGroup(2, { mean: 2, spread: 0.82 })).toBe(false);
    expect(isFarFromGroup(3.5, { mean: 2, spread: 1.5 })).toBe(false); // 1.5 away: not beyond the spread of 1.5
    expect(isFarFromGroup(3.6, { mean: 2, spread: 1.5 })).toBe(true);
  });

  it('still needs a move of 1 when the group agreed exactly (spread 0)', () => {
    expect(isFarFromGroup(2.5, { mean: 2, spread: 0 })).toBe(false);
    expect(isFarFromGroup(3, { mean: 2, spread: 0 })).toBe(true);
  });
});

describe('candidatesFarFromGroup', () => {
  it('reads dots as they were counted', () => {
    expect(dotsRoundOne.map(({ candidateId, mean, spread }) => ({ candidateId, mean, spread }))).toEqual([
      { candidateId: 'c1', mean: 2, spread: 0.82 },
      { candidateId: 'c2', mean: 2, spread: 0 },
      { candidateId: 'c3', mean: 1, spread: 0.82 },
    ]);
    // c1: 0 is 2 away (far); c2: 3 is 1 away from a group of one mind (far); c3: 2 is 1 away, beyond 0.82 (far).
    expect([
      ...candidatesFarFromGroup(dots, candidates, { method: 'dots', dots: { c2: 3, c3: 2 } }, dotsRoundOne),
    ]).toEqual(['c1', 'c2', 'c3']);
    // c1: 2 is the mean; c2: 2 is the mean; c3: 1 is the mean. Nothing far.
    expect(
      candidatesFarFromGroup(dots, candidates, { method: 'dots', dots: { c1: 2, c2: 2, c3: 1 } }, dotsRoundOne).size,
    ).toBe(0);
  });

  it('reads a ranking as Borda points', () => {
    const ranking: MethodSettings = { method: 'ranking' };
    // Everyone put c1 first (2 points each: mean 2, spread 0), c2 second (1, spread 0), c3 last (0, spread 0).
    const previous = roundOne(ranking, [
      { method: 'ranking', order: ['c1', 'c2', 'c3'] },
      { method: 'ranking', order: ['c1', 'c2', 'c3'] },
    ]);
    // c1 last: 0 points, 2 away; c3 first: 2 points, 2 away; c2 stays second: 1 point, on the mean.
    expect([
      ...candidatesFarFromGroup(ranking, candidates, { method: 'ranking', order: ['c3', 'c2', 'c1'] }, previous),
    ]).toEqual(['c1', 'c3']);
  });

  it('reads need × influence one axis at a time', () => {
    const matrix: MethodSettings = { method: 'matrix' };
    // c1: need 2 and 2 (mean 2, spread 0); influence 4 and 5 (mean 4.5, spread 0.5).
    const place = (need: number, influence: number) => ({ need, influence });
    const previous = roundOne(matrix, [
      { method: 'matrix', placements: { c1: place(2, 4), c2: place(3, 3), c3: place(3, 3) } },
      { method: 'matrix', placements: { c1: place(2, 5), c2: place(3, 3), c3: place(3, 3) } },
    ]);
    const ballot: Ballot = { method: 'matrix', placements: { c1: place(2, 3), c2: place(3, 3), c3: place(4, 3) } };
    // c1: influence 3 is 1.5 from 4.5, beyond 0.5 (far); c3: need 4 is 1 from 3 (far); c2 sits where the group did.
    expect([...candidatesFarFromGroup(matrix, candidates, ballot, previous)]).toEqual(['c1', 'c3']);
  });
});

describe('ballotProblems: reasons', () => {
  const messages = (ballot: Ballot, previous: typeof dotsRoundOne | null = dotsRoundOne) =>
    ballotProblems(dots, candidates, ballot, previous).map((problem) => problem.message);
  // Far on c1 (0, 2 from the mean) and c2 (3, 1 from a spread of 0); c3 at 1 sits on the mean.
  const farOnC1AndC2 = { c2: 3, c3: 1 };

  it('takes a one-line reason on a candidate far from the group', () => {
    expect(
      messages({ method: 'dots', dots: farOnC1AndC2, reasons: { c1: 'Not for us', c2: 'Our waiting list' } }),
    ).toEqual([]);
    expect(messages({ method: 'dots', dots: farOnC1AndC2, reasons: { c1: 'x'.repeat(200) } })).toEqual([]);
    expect(messages({ method: 'dots', dots: farOnC1AndC2, reasons: {} }, null)).toEqual([]);
  });

  it('refuses reasons outside a follow-up round', () => {
    expect(messages({ method: 'dots', dots: farOnC1AndC2, reasons: { c1: 'Not for us' } }, null)).toEqual([
      'This round is not a follow-up of an earlier round, so there is no group to move away from: leave out reasons',
    ]);
  });

  it('refuses a stranger, a long, a multi-line or an empty reason, and one where the mark is close', () => {
    const reasons = { c9: 'Hm', c1: 'x'.repeat(201), c2: 'one\ntwo', c3: 'Close anyway' };
    expect(messages({ method: 'dots', dots: farOnC1AndC2, reasons })).toEqual([
      'Candidate “c9” is not on this ballot',
      'The reason for “Outcome 1” is 201 characters: keep it to one line of at most 200',
      'The reason for “Outcome 2” must be one line',
      'Your mark for “Outcome 3” is close to last round’s group, so no reason is asked for: leave it out',
    ]);
    expect(messages({ method: 'dots', dots: farOnC1AndC2, reasons: { c1: '' } })).toEqual([
      'The reason for “Outcome 1” is empty: leave it out instead',
    ]);
  });

  it('is trimmed by the schema, on every method', () => {
    const parsed = BallotSchema.parse({ method: 'ranking', order: ['c1'], reasons: { c1: '  Our data  ' } });
    expect(parsed.reasons).toEqual({ c1: 'Our data' });
    expect(BallotSchema.safeParse({ method: 'dots', dots: {}, reasons: { 'C 1': 'x' } }).success).toBe(false);
    expect(BallotSchema.safeParse({ method: 'scores', scores: {}, reasons: { c1: 3 } }).success).toBe(false);
    expect(BallotSchema.safeParse({ method: 'matrix', placements: {}, reasons: { c1: 'x' } }).success).toBe(true);
  });
});

describe('reasonsByCandidate', () => {
  it('gathers each candidate’s reasons alphabetically, not in the order of the ballots', () => {
    const reasons = reasonsByCandidate([
      { method: 'dots', dots: { c1: 1 }, reasons: { c1: 'Waiting lists are long' } },
      { method: 'dots', dots: { c1: 1 } },
      { method: 'dots', dots: { c1: 1 }, reasons: { c1: 'Already funded', c2: 'Too broad' } },
    ]);
    expect(Object.fromEntries(reasons)).toEqual({
      c1: ['Already funded', 'Waiting lists are long'],
      c2: ['Too broad'],
    });
  });
});
