import { createContext, useContext } from 'react';
import type { Framework, FrameworkCache } from '../../shared/model/framework/index.ts';
import type { PriorityLookup } from '../../shared/model/prioritisation/projection.ts';
import type { FrameworkUndo } from './useFrameworkUndo.ts';

/** Something a person just did in the framework, said back to them, with Undo while it is still theirs to undo. */
export interface FrameworkNotice {
  message: string;
  /** Set when the notice reports an undoable step, so the Undo button is offered beside it. */
  undoable: boolean;
}

/** What every framework screen shares: the live framework, priorities, and this person's undo history. */
export interface FrameworkContextValue {
  framework: Framework;
  /** Reads the framework with deleted items too (for "Recently deleted" and pages of deleted outcomes). */
  cache: FrameworkCache;
  /** The agreed priority of an outcome or indicator, live from the ballots projection. */
  priorityOf: PriorityLookup;
  undo: FrameworkUndo;
  notice: FrameworkNotice | null;
  /** Makes an undoable change and reports it ("Deleted the outcome …", with Undo). */
  perform: (message: string, change: () => void) => void;
  /** Reports something that cannot be undone from here (a restore, an import). */
  announce: (message: string) => void;
  /** My name, recorded as who deleted an item. */
  myName: string;
}

export const FrameworkContext = createContext<FrameworkContextValue | null>(null);

/** The framework screens' shared state; only inside `FrameworkScreens`. */
export function useFramework(): FrameworkContextValue {
  const value = useContext(FrameworkContext);
  if (!value) throw new Error('useFramework is used outside FrameworkScreens');
  return value;
}
