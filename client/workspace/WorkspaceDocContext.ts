import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Presence } from '../../shared/model/presence.ts';
import type { DocSession, DocSessionState } from '../sync/DocSession.ts';

/** The partnership's workspace doc, opened once for all its screens. */
export interface WorkspaceDoc {
  session: DocSession | null;
  state: DocSessionState;
  /** Null until the session exists (first render) — screens show a loading state meanwhile. */
  doc: Y.Doc | null;
  awareness: Awareness | null;
  /** Everyone present in this partnership's workspace right now. */
  people: Presence[];
  /** Whether my edits will be accepted (my role allows it and the connection was not refused). */
  canEdit: boolean;
  /** Why I cannot edit, in words; null when I can. */
  readOnlyReason: string | null;
  /** Says what I am looking at and editing, shown to others beside those items. */
  setActivity: (activity: { viewing?: string | undefined; editing?: string | undefined }) => void;
}

export const WorkspaceDocContext = createContext<WorkspaceDoc | null>(null);

/** The workspace doc of the partnership on screen; only inside a partnership's screens. */
export function useWorkspaceDoc(): WorkspaceDoc {
  const value = useContext(WorkspaceDocContext);
  if (!value) throw new Error('useWorkspaceDoc is used outside a partnership screen');
  return value;
}
