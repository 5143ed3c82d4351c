import { useCallback, useRef, useState } from 'react';
import { readDraft, writeDraft, type TemplateDraft } from './templateDraft.ts';

/**
 * The coordinator's draft of the next template version, kept in session storage under the network's id: it survives
 * moving between the network's screens and a reload, and goes when the tab is closed or the version is published.
 */
export function useTemplateDraft(networkId: string) {
  const latest = useRef<{ networkId: string; draft: TemplateDraft } | null>(null);
  const [state, setState] = useState(() => ({ networkId, draft: readDraft(window.sessionStorage, networkId) }));
  const draft = state.networkId === networkId ? state.draft : readDraft(window.sessionStorage, networkId);

  const update = useCallback(
    (change: (draft: TemplateDraft) => TemplateDraft) => {
      // Written at once, not in a state updater: "Add to the next version" leaves the screen straight after, and an
      // unmounted component's queued updates never run.
      const current =
        latest.current?.networkId === networkId ? latest.current.draft : readDraft(window.sessionStorage, networkId);
      const next = change(current);
      latest.current = { networkId, draft: next };
      writeDraft(window.sessionStorage, networkId, next);
      setState({ networkId, draft: next });
    },
    [networkId],
  );

  return { draft, update };
}
