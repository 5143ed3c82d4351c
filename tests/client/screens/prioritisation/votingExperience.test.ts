import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { tallyRound } from '../../../../shared/model/prioritisation/tally.ts';
import type { MethodSettings, Round } from '../../../../shared/schemas/rounds.ts';
import { JoinCode } from '../../../../client/screens/prioritisation/JoinCode.tsx';
import { QuadrantChart } from '../../../../client/screens/prioritisation/QuadrantChart.tsx';
import { RankingBallotFields } from '../../../../client/screens/prioritisation/RankingBallotFields.tsx';
import { ScoresBallotFields } from '../../../../client/screens/prioritisation/ScoresBallotFields.tsx';
import { buildCandidates, buildTallyInput } from '../../../shared/model/prioritisation/factories.ts';

function buildRound(settings: MethodSettings): Round {
  return {
    id: 'round-1',
    partnershipId: 'p1',
    title: 'Priorities',
    question: '',
    candidates: buildCandidates(3),
    settings,
    visibility: 'live',
    anonymous: false,
    eligibility: 'voting-members',
    quorum: 0.5,
    closesAt: null,
    state: 'open',
    createdAt: '2026-01-01T00:00:00.000Z',
    openedAt: '2026-01-01T00:00:00.000Z',
    closedAt: null,
    followUpOf: null,
    turnout: { voted: 0, eligible: 3 },
    version: 0,
    hasDecision: false,
    me: { isEligible: true, hasVoted: false, canSeeResults: true, canRun: false },
  };
}

const noop = () => undefined;

describe('the scoring grid', () => {
  const round = buildRound({
    method: 'scores',
    criteria: [
      { id: 'severity', label: 'Severity', weight: 3 },
      { id: 'reach', label: 'Reach', weight: 1 },
    ],
  });
  const html = renderToStaticMarkup(
    createElement(ScoresBallotFields, {
      round,
      draft: { method: 'scores', scores: { c1: { severity: 4, reach: undefined } } },
      onChange: noop,
      previous: null,
      disabled: false,
    }),
  );

  it('has a 1–5 radio group per candidate and criterion, each named for both', () => {
    expect(html.match(/role="radiogroup"/g)).toHaveLength(6);
    expect(html.match(/type="radio"/g)).toHaveLength(30);
    expect(html).toContain('aria-label="Outcome 1: Severity"');
    expect(html).toContain('aria-label="Outcome 3: Reach"');
    // One name per group: the browser's arrow keys then move within it, and Tab to the next.
    expect(new Set(html.match(/name="score-[^"]+"/g)).size).toBe(6);
  });

  it('shows each criterion’s weight in its column header, and the chosen score', () => {
    expect(html).toContain('weight 3 · 75% of the score');
    expect(html).toContain('weight 1 · 25% of the score');
    expect(html.match(/checked=""/g)).toHaveLength(1);
    // The error summary links to the candidate's first choice.
    expect(html).toContain('id="ballot-c1"');
  });
});

describe('an untouched ranking', () => {
  it('says nothing is ranked yet, offers "Keep this order", and numbers no place', () => {
    const html = renderToStaticMarkup(
      createElement(RankingBallotFields, {
        round: buildRound({ method: 'ranking' }),
        draft: { method: 'ranking', order: ['c2', 'c3', 'c1'], unranked: true },
        onChange: noop,
        previous: null,
        disabled: false,
      }),
    );
    expect(html).toContain('Nothing is ranked yet');
    expect(html).toContain('Keep this order');
    expect(html).not.toMatch(/ranking-list__position" aria-hidden="true">1</);
  });

  it('once moved or kept, is the voter’s ranking, numbered', () => {
    const html = renderToStaticMarkup(
      createElement(RankingBallotFields, {
        round: buildRound({ method: 'ranking' }),
        draft: { method: 'ranking', order: ['c2', 'c3', 'c1'] },
        onChange: noop,
        previous: null,
        disabled: false,
      }),
    );
    expect(html).not.toContain('Keep this order');
    expect(html).toContain('Your ranking:');
    expect(html).toMatch(/ranking-list__position" aria-hidden="true">1</);
  });
});

describe('the need × influence chart', () => {
  it('numbers each candidate and names every number in its table with the quarter in words', () => {
    const results = tallyRound(
      buildTallyInput(
        { method: 'matrix' },
        {
          ballots: [
            {
              organisation: null,
              ballot: {
                method: 'matrix',
                placements: {
                  c1: { need: 5, influence: 4 },
                  c2: { need: 4, influence: 1 },
                  c3: { need: 1, influence: 1 },
                },
              },
            },
          ],
        },
      ),
    );
    const html = renderToStaticMarkup(createElement(QuadrantChart, { results }));
    expect(html).toContain('role="img"');
    expect(html.match(/data-testid="quadrant-row"/g)).toHaveLength(3);
    expect(html).toContain('High need, high influence: act here first');
    expect(html).toContain('High need, low influence: work with others who can influence it');
    expect(html).toContain('Low need, low influence: lower priority');
  });

  it('draws nothing for other methods', () => {
    const results = tallyRound(buildTallyInput({ method: 'ranking' }));
    expect(renderToStaticMarkup(createElement(QuadrantChart, { results }))).toBe('');
  });
});

describe('the join code', () => {
  it('writes the voting address out and draws it as a QR code', () => {
    const url = 'https://common-ground.example/p/p1/rounds/round-1';
    const html = renderToStaticMarkup(createElement(JoinCode, { url }));
    expect(html).toContain(`href="${url}"`);
    expect(html).toContain(`aria-label="QR code for the voting page, ${url}"`);
    expect(html).toMatch(/<path d="M\d+,\d+h1v1h-1z/);
  });
});
