import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { roleCan, roleDescriptions } from '../../shared/model/roles.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { workspaceDocName } from '../../shared/protocol/docNames.ts';
import { editorSchemaVersion, editorSchemaVersionParam } from '../../shared/editor/version.ts';
import type { Partnership } from '../../shared/schemas/partnerships.ts';
import { useMe, useSession } from '../session/useSession.ts';
import { useDoc } from '../sync/useDoc.ts';
import { usePresence } from '../sync/usePresence.ts';
import { presenceUserFor } from '../screens/workspace/presenceUser.ts';
import { WorkspaceDocContext, type WorkspaceDoc } from './WorkspaceDocContext.ts';

const editorVersionParams = { [editorSchemaVersionParam]: String(editorSchemaVersion) };

/** Why I cannot edit, in words; null when I can. */
function readOnlyReasonFor(partnership: Partnership | null, refused: boolean): string | null {
  if (!partnership) return 'You cannot make changes until the partnership has loaded.';
  const role = partnership.myRole;
  if (role === null) {
    return 'You can read this workspace but not change it, because you are not a member of this partnership.';
  }
  if (!roleCan(role, 'workspace.edit')) {
    return `You can read this workspace but not change it, because your role is ${roleDescriptions[role].label.toLowerCase()}. If you need to make changes, ask a facilitator to make you an editor.`;
  }
  if (refused) return 'You cannot make changes while this workspace is not connected.';
  return null;
}

/**
 * Opens the partnership's workspace doc once, for every screen of the partnership, so moving between the
 * framework, the needs assessment and the data map keeps one connection and one local copy. It opens as soon as
 * the address names the partnership, while the partnership's details (`partnership`, null until loaded) are still
 * being fetched: a large workspace starts arriving one round trip sooner.
 */
export function WorkspaceDocProvider({
  partnershipId,
  partnership,
  onAccessChanged,
  children,
}: {
  partnershipId: string;
  partnership: Partnership | null;
  onAccessChanged: () => void;
  children: ReactNode;
}) {
  const me = useMe();
  const { refresh } = useSession();
  // The doc holds rich text: the server refuses an editor older than its schema (4426, "reload the page").
  const { session, state } = useDoc(workspaceDocName(partnershipId), editorVersionParams);
  const awareness = session?.awareness ?? null;
  const people = usePresence(awareness);

  // Our own awareness state is never echoed back stamped, so we set the same identity the server will.
  const user = useMemo(() => presenceUserFor(me, partnershipId), [me, partnershipId]);
  useEffect(() => {
    awareness?.setLocalStateField('user', user);
  }, [awareness, user]);

  // The server closes my connection when my access changes or my session ends; ask again what I may do.
  const { connection, accessChanges } = state;
  const refusedCode = connection.kind === 'refused' ? connection.code : null;
  useEffect(() => {
    if (refusedCode === CloseCode.Unauthorized) void refresh();
  }, [refusedCode, refresh]);
  useEffect(() => {
    if (accessChanges > 0) onAccessChanged();
  }, [accessChanges, onAccessChanged]);

  const setActivity = useCallback<WorkspaceDoc['setActivity']>(
    ({ viewing, editing }) => {
      if (!awareness) return;
      const current = (awareness.getLocalState() ?? {}) as Record<string, unknown>;
      if (current.viewing === viewing && current.editing === editing) return;
      awareness.setLocalState({ ...current, viewing, editing });
    },
    [awareness],
  );

  const readOnlyReason = readOnlyReasonFor(partnership, connection.kind === 'refused');
  const value = useMemo<WorkspaceDoc>(
    () => ({
      session,
      state,
      doc: session?.doc ?? null,
      awareness,
      people,
      canEdit: readOnlyReason === null,
      readOnlyReason,
      setActivity,
    }),
    [session, state, awareness, people, readOnlyReason, setActivity],
  );
  return <WorkspaceDocContext.Provider value={value}>{children}</WorkspaceDocContext.Provider>;
}
