import { createContext, useContext } from 'react';
import type {
  PriorityLookup,
  PriorityProjection,
  RoundProjection,
} from '../../shared/model/prioritisation/projection.ts';
import type { ConnectionState } from '../sync/DocSession.ts';

/** What the server publishes live about a partnership's rounds, read from its ballots projection doc. */
export interface BallotsProjection {
  rounds: readonly RoundProjection[];
  priorities: readonly PriorityProjection[];
  /** The agreed priority of one outcome, indicator or concern, for its badge wherever it is shown. */
  priorityOf: PriorityLookup;
  connection: ConnectionState;
}

export const BallotsProjectionContext = createContext<BallotsProjection | null>(null);

/** The live projection of the partnership on screen; only inside `BallotsProjectionProvider`. */
export function useBallotsProjection(): BallotsProjection {
  const value = useContext(BallotsProjectionContext);
  if (!value) throw new Error('useBallotsProjection is used outside BallotsProjectionProvider');
  return value;
}

/** One round as the projection has it; null until it arrives (or for drafts, which are never projected). */
export function useRoundProjection(roundId: string): RoundProjection | null {
  return useBallotsProjection().rounds.find((round) => round.id === roundId) ?? null;
}
