import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { LoadingPage } from '../components/LoadingPage.tsx';
import { useBallotsProjection } from '../prioritisation/BallotsProjectionContext.ts';
import { useMe } from '../session/useSession.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { FrameworkContext, type FrameworkContextValue, type FrameworkNotice } from './FrameworkContext.ts';
import { useFrameworkCache, useFrameworkRead } from './useFrameworkCache.ts';
import { useFrameworkUndo } from './useFrameworkUndo.ts';

/**
 * Reads the framework live once for all its screens, with this person's undo history and the board's agreed
 * priorities, so moving between the overview and an outcome keeps both (and Undo still works after moving).
 */
export function FrameworkProvider({ children }: { children: ReactNode }) {
  const { doc, state } = useWorkspaceDoc();
  const { user } = useMe();
  const cache = useFrameworkCache(doc);
  const framework = useFrameworkRead(cache);
  const undo = useFrameworkUndo(doc);
  const { priorityOf } = useBallotsProjection();
  const [notice, setNotice] = useState<FrameworkNotice | null>(null);

  const { perform: performUndoable } = undo;
  const perform = useCallback(
    (message: string, change: () => void) => {
      performUndoable(message, change);
      setNotice({ message, undoable: true });
    },
    [performUndoable],
  );
  const announce = useCallback((message: string) => setNotice({ message, undoable: false }), []);

  const value = useMemo<FrameworkContextValue | null>(
    () =>
      cache && framework
        ? { framework, cache, priorityOf, undo, notice, perform, announce, myName: user.displayName }
        : null,
    [cache, framework, priorityOf, undo, notice, perform, announce, user.displayName],
  );

  // Until the copy on this device is loaded and the server has answered, an empty framework would be a lie.
  const waiting =
    !value || !state.localLoaded || (state.connection.kind === 'connecting' && value.framework.outcomes.length === 0);
  if (waiting) return <LoadingPage />;
  return <FrameworkContext.Provider value={value}>{children}</FrameworkContext.Provider>;
}
