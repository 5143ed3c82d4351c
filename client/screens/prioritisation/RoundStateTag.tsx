import type { RoundState } from '../../../shared/schemas/rounds.ts';

const words: Record<RoundState, string> = { draft: 'Draft', open: 'Voting open', closed: 'Closed' };

/** The round's state as a bordered word, never colour alone. */
export function RoundStateTag({ state }: { state: RoundState }) {
  return (
    <span className={`state-tag state-tag--${state}`} data-testid="round-state">
      {words[state]}
    </span>
  );
}
