import type { ResultsVisibility, RoundState } from '../../schemas/rounds.ts';

/** Whether a round's results may be shown to every member, voted or not (and so written into the projection). */
export function resultsVisibleToEveryone(round: { state: RoundState; visibility: ResultsVisibility }): boolean {
  if (round.state === 'closed') return true;
  return round.state === 'open' && round.visibility === 'live';
}

/**
 * Whether one person may see a round's results now. 'after-vote' opens them to those who have voted (for one ballot
 * per organisation: whose organisation has), and to nobody else until the round closes — facilitators included, so
 * the person running the meeting cannot be pressed to reveal an early lead.
 */
export function resultsVisibleTo(
  round: { state: RoundState; visibility: ResultsVisibility },
  viewer: { hasVoted: boolean },
): boolean {
  if (resultsVisibleToEveryone(round)) return true;
  return round.state === 'open' && round.visibility === 'after-vote' && viewer.hasVoted;
}
