import type { Eligibility, ResultsVisibility, RoundMethod } from '../../schemas/rounds.ts';

/** Each method's name and a one-line explanation, in the words a board uses. */
export const methodLabels: Readonly<Record<RoundMethod, { label: string; summary: string }>> = {
  dots: { label: 'Dot voting', summary: 'Each voter spends a number of dots across the candidates.' },
  scores: {
    label: 'Weighted scoring',
    summary: 'Each voter scores every candidate from 1 to 5 against weighted criteria.',
  },
  ranking: { label: 'Ranking', summary: 'Each voter puts the candidates in order; points are counted (Borda count).' },
  matrix: {
    label: 'Need and influence matrix',
    summary: 'Each voter rates every candidate on how great the need is and how much we can influence it, 1 to 5.',
  },
};

/** The figure that orders candidates in each method. */
export const aggregateLabels: Readonly<Record<RoundMethod, string>> = {
  dots: 'Total dots',
  scores: 'Mean weighted score (1 to 5)',
  ranking: 'Borda points',
  matrix: 'Need × influence (at the mean)',
};

/** When results can be seen, in plain words. */
export const visibilityLabels: Readonly<Record<ResultsVisibility, { label: string; summary: string }>> = {
  live: { label: 'Live', summary: 'Everyone sees the results as votes come in.' },
  'after-vote': { label: 'After you vote', summary: 'Each person sees the results once they have voted.' },
  'after-close': { label: 'When the round closes', summary: 'Nobody sees results until voting ends.' },
};

/** Who may vote, in plain words. */
export const eligibilityLabels: Readonly<Record<Eligibility, { label: string; summary: string }>> = {
  'voting-members': { label: 'Every voting member', summary: 'Each voting member casts their own ballot.' },
  'one-per-organisation': {
    label: 'One ballot per organisation',
    summary: 'Each organisation casts one ballot; any of its voting members may cast or change it.',
  },
};
