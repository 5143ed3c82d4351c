import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DelphiReasonsContext } from '../../../../client/prioritisation/DelphiReasonsContext.ts';
import { DotsBallotFields } from '../../../../client/screens/prioritisation/DotsBallotFields.tsx';
import { tallyRound } from '../../../../shared/model/prioritisation/tally.ts';
import type { MethodSettings, Round } from '../../../../shared/schemas/rounds.ts';
import { buildCandidates, buildTallyInput } from '../../../shared/model/prioritisation/factories.ts';

const settings: MethodSettings = { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 };
const round: Round = {
  id: 'round-2',
  partnershipId: 'p1',
  title: 'Priorities – round 2',
  question: '',
  candidates: buildCandidates(3),
  settings,
  visibility: 'after-close',
  anonymous: false,
  eligibility: 'voting-members',
  quorum: 0.5,
  closesAt: null,
  state: 'open',
  createdAt: '2026-01-01T00:00:00.000Z',
  openedAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
  followUpOf: 'round-1',
  turnout: { voted: 0, eligible: 3 },
  version: 0,
  hasDecision: false,
  me: { isEligible: true, hasVoted: false, canSeeResults: false, canRun: false },
};
const results = tallyRound(
  buildTallyInput(settings, {
    state: 'closed',
    ballots: [{ ballot: { method: 'dots', dots: { c1: 2 } }, organisation: null }],
  }),
).candidates.map((result) =>
  result.candidateId === 'c1' ? { ...result, reasons: ['Already funded', 'Waiting lists are long'] } : result,
);

const render = (far: string[]) =>
  renderToStaticMarkup(
    createElement(
      DelphiReasonsContext.Provider,
      { value: { far: new Set(far), reasons: { c2: 'Our data' }, onReasonChange: () => undefined, disabled: false } },
      createElement(DotsBallotFields, {
        round,
        draft: { method: 'dots', dots: { c2: 2 } },
        onChange: () => undefined,
        previous: {
          byCandidate: new Map(results.map((result) => [result.candidateId, result])),
          aggregateLabel: 'Total dots',
          candidates: results,
        },
        disabled: false,
      }),
    ),
  );

describe('a follow-up ballot', () => {
  it('asks why, in a labelled and described one-line field, only where the mark is far', () => {
    const html = render(['c2']);
    expect(html.match(/data-testid="far-from-group"/g)).toHaveLength(1);
    expect(html).toContain('Your mark for Outcome 2 is far from the group’s last round.');
    expect(html).toContain(
      '<label for="ballot-reason-c2">Why? (optional, shown to the group without your name in the next round)</label>',
    );
    expect(html).toContain('id="ballot-reason-c2"');
    expect(html).toContain('maxLength="200"');
    expect(html).toContain('aria-describedby="ballot-reason-c2-hint"');
    expect(html).toContain('value="Our data"');
    expect(render([])).not.toContain('far-from-group');
  });

  it('shows last round’s reasons under its figures', () => {
    const html = render([]);
    expect(html).toContain('Why some people moved away from the group last round:');
    expect(html).toContain('<li>Already funded</li><li>Waiting lists are long</li>');
    expect(html.match(/data-testid="previous-round-reasons"/g)).toHaveLength(1);
  });
});
