import { useEffect, useMemo, useState } from 'react';
import { profileText } from '../../../shared/model/partnershipProfile.ts';
import { roleCan, roleDescriptions } from '../../../shared/model/roles.ts';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { Partnership } from '../../../shared/schemas/partnerships.ts';
import { ConnectionStatus } from '../../components/ConnectionStatus.tsx';
import { PresenceBar } from '../../components/PresenceBar.tsx';
import { useMe, useSession } from '../../session/useSession.ts';
import { useDoc } from '../../sync/useDoc.ts';
import { useLocalActivity, usePresence } from '../../sync/usePresence.ts';
import { useTextValue } from '../../sync/useTextValue.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { presenceUserFor } from './presenceUser.ts';

/** Why I cannot edit, in words; null when I can. */
function readOnlyReason(partnership: Partnership, refused: boolean): string | null {
  const role = partnership.myRole;
  if (role === null)
    return 'You can read this workspace but not change it, because you are not a member of this partnership.';
  if (!roleCan(role, 'workspace.edit')) {
    return `You can read this workspace but not change it, because your role is ${roleDescriptions[role].label.toLowerCase()}. If you need to make changes, ask a facilitator to make you an editor.`;
  }
  if (refused) return 'You cannot make changes while this workspace is not connected.';
  return null;
}

/** A partnership's workspace: who is here, whether edits are saved, and the co-edited content. */
export function WorkspaceScreen() {
  const { partnership, reload } = usePartnership();
  const me = useMe();
  const { refresh } = useSession();
  const { session, state } = useDoc(workspaceDocName(partnership.id));
  const awareness = session?.awareness ?? null;
  const people = usePresence(awareness);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  useLocalActivity(awareness, { viewing: 'profile', editing });

  // Our own awareness state is never echoed back stamped, so we set the same identity the server will.
  const user = useMemo(() => presenceUserFor(me, partnership.id), [me, partnership.id]);
  useEffect(() => {
    awareness?.setLocalStateField('user', user);
  }, [awareness, user]);

  // The server closes my connection when my access changes (role changed, removed) or my session ends; the
  // connection re-evaluates itself, and the screen asks again what I may do.
  const { connection, accessChanges } = state;
  const refusedCode = connection.kind === 'refused' ? connection.code : null;
  useEffect(() => {
    if (refusedCode === CloseCode.Unauthorized) void refresh();
  }, [refusedCode, refresh]);
  useEffect(() => {
    if (accessChanges > 0) reload();
  }, [accessChanges, reload]);

  const doc = session?.doc ?? null;
  const nameText = doc ? profileText(doc, 'name') : null;
  // The header follows the name as people type it; the server copies it to the partnerships list shortly after.
  const liveName = useTextValue(nameText);
  const reason = readOnlyReason(partnership, connection.kind === 'refused');
  const canEdit = partnership.myRole !== null && roleCan(partnership.myRole, 'workspace.edit');
  return (
    <PartnershipPage
      title="Workspace"
      aside={<ConnectionStatus state={connection} readOnly={!canEdit} />}
      liveName={liveName}
    >
      <PresenceBar people={people} selfClientId={doc?.clientID ?? null} />
      <ProfileForm
        name={nameText}
        description={doc ? profileText(doc, 'description') : null}
        readOnlyReason={reason}
        people={people}
        selfClientId={doc?.clientID ?? null}
        onEditingChange={setEditing}
      />
    </PartnershipPage>
  );
}
