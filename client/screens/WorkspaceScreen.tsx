import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { PartnershipIdSchema, workspaceDocName } from '../../shared/protocol/docNames.ts';
import { profileText } from '../../shared/model/partnershipProfile.ts';
import { useDoc } from '../sync/useDoc.ts';
import { useLocalActivity, usePresence } from '../sync/usePresence.ts';
import { devUser, useDisplayName } from '../sync/devIdentity.ts';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { PresenceBar } from '../components/PresenceBar.tsx';
import { NamePrompt } from '../components/NamePrompt.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { NotFoundScreen } from './NotFoundScreen.tsx';

/** A partnership's workspace: who is here, whether edits are saved, and the co-edited content. */
export function WorkspaceScreen() {
  const { partnershipId = '' } = useParams();
  const [displayName, setDisplayName] = useDisplayName();
  if (!PartnershipIdSchema.safeParse(partnershipId).success) return <NotFoundScreen />;
  if (!displayName) {
    return (
      <main id="main" className="page">
        <h1>Join the workspace</h1>
        <NamePrompt onSubmit={setDisplayName} />
      </main>
    );
  }
  return <Workspace partnershipId={partnershipId} displayName={displayName} />;
}

function Workspace({ partnershipId, displayName }: { partnershipId: string; displayName: string }) {
  const { session, state } = useDoc(workspaceDocName(partnershipId), { name: displayName });
  const awareness = session?.awareness ?? null;
  const people = usePresence(awareness);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  useLocalActivity(awareness, { viewing: 'profile', editing });

  // Our own awareness state is never echoed back stamped, so we set the same identity the server will.
  useEffect(() => {
    awareness?.setLocalStateField('user', devUser(displayName));
  }, [awareness, displayName]);

  const doc = session?.doc ?? null;
  const readOnly = state.connection.kind === 'refused';
  return (
    <main id="main" className="page">
      <div className="workspace-bar">
        <h1 className="workspace-bar__title">Workspace</h1>
        <ConnectionStatus state={state.connection} />
      </div>
      <PresenceBar people={people} selfClientId={doc?.clientID ?? null} />
      <ProfileForm
        name={doc ? profileText(doc, 'name') : null}
        description={doc ? profileText(doc, 'description') : null}
        readOnly={readOnly}
        people={people}
        selfClientId={doc?.clientID ?? null}
        onEditingChange={setEditing}
      />
    </main>
  );
}
