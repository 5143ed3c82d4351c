import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { frameworkSharedTypes } from '../../shared/model/framework/index.ts';

/** The origin of this person's framework edits, the only ones their undo takes back. */
const frameworkEditOrigin = Symbol('framework-edit');

/** What someone can undo of their own framework changes, and how to make undoable ones. */
export interface FrameworkUndo {
  /** Makes a change as one undoable step, described in words ("Deleted the outcome “…”"). */
  perform: (label: string, change: () => void) => void;
  /** Takes back this person's last step (never anyone else's); returns what was undone. */
  undo: () => string | null;
  /** What "Undo" would take back, or null when there is nothing. */
  nextUndo: string | null;
}

const nothing: FrameworkUndo = { perform: () => {}, undo: () => null, nextUndo: null };
const labelKey = 'label';

/**
 * An undo history of this person's own structural changes to the framework (adds, deletes, moves, links, choices),
 * kept for as long as they are in the framework screens. Co-typed text is left to the text field's own undo.
 * Remote changes are never undone: the manager tracks only transactions with this person's origin.
 */
export function useFrameworkUndo(doc: Y.Doc | null): FrameworkUndo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  // The label of the step being made, read when the manager adds it.
  const pendingLabel = useRef('your last change');
  useEffect(() => {
    if (!doc) return;
    // Each action is its own step: no merging of quick successive actions into one.
    const created = new Y.UndoManager(frameworkSharedTypes(doc), {
      trackedOrigins: new Set([frameworkEditOrigin]),
      captureTimeout: 0,
    });
    // Labelled as the step is added (before anyone subscribed later hears of it), so "Undo" never shows a stale label.
    created.on('stack-item-added', ({ stackItem, type }) => {
      if (type === 'undo') stackItem.meta.set(labelKey, pendingLabel.current);
    });
    // The manager lives as long as this effect; React state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setManager(created);
    return () => {
      setManager(null);
      created.destroy();
    };
  }, [doc]);

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!manager) return () => {};
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared', 'stack-item-updated'] as const;
      events.forEach((event) => manager.on(event, onChange));
      return () => events.forEach((event) => manager.off(event, onChange));
    },
    [manager],
  );
  const nextUndo = useSyncExternalStore(subscribe, () => {
    const top = manager?.undoStack[manager.undoStack.length - 1];
    return top ? ((top.meta.get(labelKey) as string | undefined) ?? 'your last change') : null;
  });

  return useMemo<FrameworkUndo>(() => {
    if (!doc || !manager) return nothing;
    return {
      nextUndo,
      perform: (label, change) => {
        pendingLabel.current = label;
        doc.transact(change, frameworkEditOrigin);
        manager.stopCapturing();
      },
      undo: () => {
        const top = manager.undoStack[manager.undoStack.length - 1];
        if (!top) return null;
        const label = (top.meta.get(labelKey) as string | undefined) ?? 'your last change';
        manager.undo();
        return label;
      },
    };
  }, [doc, manager, nextUndo]);
}
