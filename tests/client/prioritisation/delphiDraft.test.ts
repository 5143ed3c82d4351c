import { describe, expect, it } from 'vitest';
import { farInDraft, reasonsToSend } from '../../../client/prioritisation/delphiDraft.ts';
import { tallyRound } from '../../../shared/model/prioritisation/tally.ts';
import type { MethodSettings } from '../../../shared/schemas/rounds.ts';
import { buildCandidates, buildTallyInput } from '../../shared/model/prioritisation/factories.ts';

const candidates = buildCandidates(3);
const scores: MethodSettings = { method: 'scores', criteria: [{ id: 'severity', label: 'Severity', weight: 1 }] };
// Round 1: everyone scored c1 2, c2 3 and c3 4 (spread 0 each).
const previous = tallyRound(
  buildTallyInput(scores, {
    state: 'closed',
    ballots: [1, 2].map(() => ({
      ballot: {
        method: 'scores' as const,
        scores: { c1: { severity: 2 }, c2: { severity: 3 }, c3: { severity: 4 } },
      },
      organisation: null,
    })),
  }),
).candidates;

describe('farInDraft', () => {
  it('counts only candidates the voter has answered', () => {
    // c1 scored 4 (2 from the group: far); c2 scored 3 (on the mean); c3 not scored yet, so no mark at all.
    const draft = { method: 'scores' as const, scores: { c1: { severity: 4 }, c2: { severity: 3 }, c3: {} } };
    expect([...farInDraft(scores, candidates, draft, previous)]).toEqual(['c1']);
  });

  it('finds nothing far on a ranking not yet ranked', () => {
    const ranking: MethodSettings = { method: 'ranking' };
    const ranked = tallyRound(
      buildTallyInput(ranking, {
        ballots: [{ ballot: { method: 'ranking', order: ['c1', 'c2', 'c3'] }, organisation: null }],
      }),
    ).candidates;
    const draft = { method: 'ranking' as const, order: ['c3', 'c2', 'c1'] };
    expect(farInDraft(ranking, candidates, { ...draft, unranked: true }, ranked).size).toBe(0);
    expect([...farInDraft(ranking, candidates, draft, ranked)]).toEqual(['c1', 'c3']);
  });
});

describe('reasonsToSend', () => {
  it('sends trimmed reasons for candidates still far, and nothing when none is left', () => {
    const typed = { c1: '  Our data  ', c2: 'No longer far', c3: '   ' };
    expect(reasonsToSend(typed, new Set(['c1', 'c3']))).toEqual({ c1: 'Our data' });
    expect(reasonsToSend(typed, new Set())).toBeUndefined();
  });
});
