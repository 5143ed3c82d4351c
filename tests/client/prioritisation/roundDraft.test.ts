import { describe, expect, it } from 'vitest';
import { CreateRoundRequestSchema, type Round } from '../../../shared/schemas/rounds.ts';
import { draftFromRound, emptyRoundDraft, requestFromDraft } from '../../../client/prioritisation/roundDraft.ts';

describe('the round builder’s form', () => {
  it('turns what was typed into the request the server validates', () => {
    const request = requestFromDraft({
      ...emptyRoundDraft(),
      title: 'Priorities',
      candidates: [
        { kind: 'outcome', refId: 'a', label: 'A' },
        { kind: 'outcome', refId: 'b', label: 'B' },
      ],
      maxPerCandidate: '2',
      quorumPercent: '60',
      closesAt: '2030-05-01T14:30',
    });
    // Dots (like ranking) shuffle the candidates for each voter unless the facilitator chooses otherwise.
    expect(request.settings).toEqual({
      method: 'dots',
      candidateOrder: 'shuffled',
      dotsPerVoter: 5,
      maxPerCandidate: 2,
    });
    expect(request.quorum).toBe(0.6);
    expect(request.closesAt).toBe(new Date('2030-05-01T14:30').toISOString());
    expect(CreateRoundRequestSchema.safeParse(request).success).toBe(true);
  });

  it('leaves out criteria weighted 0, and reports what cannot be read', () => {
    const draft = emptyRoundDraft();
    const scores = requestFromDraft({
      ...draft,
      method: 'scores',
      criteria: draft.criteria.map((c, index) => ({ ...c, weight: index === 0 ? 0 : 1 })),
    });
    expect(scores.settings.method === 'scores' && scores.settings.criteria.map((c) => c.id)).not.toContain('scale');
    const typo = CreateRoundRequestSchema.safeParse(requestFromDraft({ ...draft, dotsPerVoter: 'five' }));
    expect(typo.success).toBe(false);
  });

  it('sends the facilitator’s candidate order, or the method’s default', () => {
    const draft = emptyRoundDraft();
    expect(requestFromDraft({ ...draft, method: 'ranking' }).settings).toEqual({
      method: 'ranking',
      candidateOrder: 'shuffled',
    });
    expect(requestFromDraft({ ...draft, method: 'matrix' }).settings).toEqual({
      method: 'matrix',
      candidateOrder: 'framework',
    });
    expect(requestFromDraft({ ...draft, method: 'ranking', candidateOrder: 'framework' }).settings).toEqual({
      method: 'ranking',
      candidateOrder: 'framework',
    });
  });

  it('puts a stored draft back in the form', () => {
    const round = {
      title: 'T',
      question: 'Q',
      candidates: [{ id: 'x1', kind: 'outcome', refId: 'a', label: 'A' }],
      settings: { method: 'dots', dotsPerVoter: 7, maxPerCandidate: null },
      visibility: 'live',
      anonymous: true,
      eligibility: 'one-per-organisation',
      quorum: 0.25,
      closesAt: null,
    } as unknown as Round;
    expect(draftFromRound(round)).toMatchObject({
      candidates: [{ kind: 'outcome', refId: 'a', label: 'A' }],
      dotsPerVoter: '7',
      maxPerCandidate: '',
      quorumPercent: '25',
      closesAt: '',
      anonymous: true,
    });
  });
});
