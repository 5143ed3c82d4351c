import { useEffect, useState } from 'react';
import { profileText } from '../../../shared/model/partnershipProfile.ts';
import { ConnectionStatus } from '../../components/ConnectionStatus.tsx';
import { PresenceBar } from '../../components/PresenceBar.tsx';
import { useTextValue } from '../../sync/useTextValue.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { FrameworkLinkCard } from '../framework/FrameworkLinkCard.tsx';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { AreaForm } from './AreaForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/**
 * A partnership's workspace: who is here, whether edits are saved, and the co-edited content. The doc, presence
 * and what my role lets me do come from the partnership's one shared connection (`WorkspaceDocProvider`).
 */
export function WorkspaceScreen() {
  const { doc, state, people, canEdit, readOnlyReason, setActivity } = useWorkspaceDoc();
  const { partnership } = usePartnership();
  // Only facilitators rename; the server undoes anyone else's change to the name.
  const nameReadOnlyReason =
    readOnlyReason ?? (partnership.myRole === 'facilitator' ? null : 'Only facilitators can rename the partnership.');
  const [editing, setEditing] = useState<string | undefined>(undefined);
  useEffect(() => {
    setActivity({ viewing: 'profile', editing });
  }, [setActivity, editing]);

  const nameText = doc ? profileText(doc, 'name') : null;
  // The header follows the name as people type it; the server copies it to the partnerships list shortly after.
  const liveName = useTextValue(nameText);
  return (
    <PartnershipPage
      title="Workspace"
      aside={<ConnectionStatus state={state.connection} readOnly={!canEdit} />}
      liveName={liveName}
    >
      <PresenceBar people={people} selfClientId={doc?.clientID ?? null} />
      <FrameworkLinkCard />
      <ProfileForm
        name={nameText}
        description={doc ? profileText(doc, 'description') : null}
        readOnlyReason={readOnlyReason}
        nameReadOnlyReason={nameReadOnlyReason}
        people={people}
        selfClientId={doc?.clientID ?? null}
        onEditingChange={setEditing}
      />
      <AreaForm />
    </PartnershipPage>
  );
}
