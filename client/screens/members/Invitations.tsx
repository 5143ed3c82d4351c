import { useCallback, useState } from 'react';
import { listInvitations } from '../../api/invitations.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { CreatedInvitationLink } from './CreatedInvitationLink.tsx';
import { InviteForm, type NewInvitation } from './InviteForm.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';

/** Facilitators invite people by single-use link and keep track of links not yet used. */
export function Invitations({ onNotice }: { onNotice: (message: string) => void }) {
  const { partnership } = usePartnership();
  const load = useCallback((signal: AbortSignal) => listInvitations(partnership.id, signal), [partnership.id]);
  const invitations = useApiData(load);
  const [created, setCreated] = useState<NewInvitation | null>(null);
  // A new key gives a blank form for the next person.
  const [formKey, setFormKey] = useState(0);

  return (
    <>
      <section className="section card" aria-labelledby="invite-heading">
        <h2 id="invite-heading" tabIndex={-1}>
          Invite someone
        </h2>
        {created ? (
          <CreatedInvitationLink
            created={created}
            onInviteAnother={() => {
              setCreated(null);
              setFormKey((key) => key + 1);
            }}
          />
        ) : (
          <InviteForm
            key={formKey}
            onCreated={(invitation) => {
              setCreated(invitation);
              invitations.reload();
            }}
          />
        )}
      </section>
      <section className="section" aria-labelledby="pending-heading">
        <h2 id="pending-heading">Invitations not used yet</h2>
        {invitations.status === 'loading' ? (
          <p className="loading" role="status">
            Loading invitations…
          </p>
        ) : null}
        {invitations.status === 'failed' ? (
          <LoadFailure what="The invitations" error={invitations.error} onRetry={invitations.reload} />
        ) : null}
        {invitations.status === 'ready' ? (
          <PendingInvitations
            invitations={invitations.data}
            onRevoked={(message) => {
              onNotice(message);
              invitations.reload();
            }}
          />
        ) : null}
      </section>
    </>
  );
}
