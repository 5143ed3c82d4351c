import { acceptInvitation, previewInvitation } from '../../api/invitations.ts';
import { Page } from '../../components/Page.tsx';
import { AcceptAsMe } from './AcceptAsMe.tsx';
import { CreateAccountAndAccept } from './CreateAccountAndAccept.tsx';
import { InvitationLanding } from './InvitationLanding.tsx';
import { InvitationSummary } from './InvitationSummary.tsx';

const partnershipPath = (partnershipId: string): string => `/p/${encodeURIComponent(partnershipId)}`;

/** Where an invitation link lands: what it offers, then accept (signed in) or create an account. */
export function AcceptInvitationScreen() {
  return (
    <InvitationLanding
      preview={previewInvitation}
      unusable={{ days: 7, canceller: 'The facilitator', home: { to: '/', label: 'Go to your partnerships' } }}
    >
      {(invitation, token, me) => (
        <Page title={`Join ${invitation.partnershipName}`}>
          <div className="narrow">
            <h1>Join {invitation.partnershipName}</h1>
            <p className="lead">
              {invitation.invitedBy} has invited you to join this family hubs partnership on Common Ground, where its
              members build their shared outcomes framework together.
            </p>
            <InvitationSummary invitation={invitation} />
            {me ? (
              <AcceptAsMe
                me={me}
                accept={async () => partnershipPath(await acceptInvitation(token))}
                outcome={`${invitation.partnershipName} will be added to your partnerships.`}
                acceptLabel={`Accept and join ${invitation.partnershipName}`}
                busyLabel="Joining…"
              />
            ) : (
              <CreateAccountAndAccept
                invitationPath={`/invite/${encodeURIComponent(token)}`}
                accept={async (account) => partnershipPath(await acceptInvitation(token, account))}
                heading="Create your account to join"
                submitLabel="Create account and join"
                defaultOrganisation={invitation.organisation}
              />
            )}
          </div>
        </Page>
      )}
    </InvitationLanding>
  );
}
