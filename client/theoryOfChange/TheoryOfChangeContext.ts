import { createContext, useContext } from 'react';
import type { TheoryOfChangeSnapshot } from './useTheoryOfChange.ts';

/** The partnership's agreed priority outcomes, live from the server-written ballots projection. */
export interface Priorities {
  outcomeIds: ReadonlySet<string>;
  /** Whether the board has agreed any priority outcome yet. */
  decided: boolean;
}

/** What every theory of change screen shares: the live framework and offer, and the agreed priorities. */
export interface TheoryOfChangeContextValue {
  snapshot: TheoryOfChangeSnapshot;
  priorities: Priorities;
}

export const TheoryOfChangeContext = createContext<TheoryOfChangeContextValue | null>(null);

/** The live theory of change of the partnership on screen; only inside the theory of change screens. */
export function useTheoryOfChangeContext(): TheoryOfChangeContextValue {
  const value = useContext(TheoryOfChangeContext);
  if (!value) throw new Error('useTheoryOfChangeContext is used outside the theory of change screens');
  return value;
}
