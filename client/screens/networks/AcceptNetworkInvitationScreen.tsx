import { acceptNetworkInvitation, previewNetworkInvitation } from '../../api/networks.ts';
import { Page } from '../../components/Page.tsx';
import { formatDate } from '../../format.ts';
import { AcceptAsMe } from '../invitation/AcceptAsMe.tsx';
import { CreateAccountAndAccept } from '../invitation/CreateAccountAndAccept.tsx';
import { InvitationLanding } from '../invitation/InvitationLanding.tsx';
import { networkPaths } from './paths.ts';

/** Where a coordinator invitation lands: what it offers, then accept (signed in) or create an account and accept. */
export function AcceptNetworkInvitationScreen() {
  return (
    <InvitationLanding
      preview={previewNetworkInvitation}
      unusable={{ days: 14, canceller: 'The coordinator', home: { to: '/networks', label: 'Go to your networks' } }}
    >
      {(invitation, token, me) => (
        <Page title={`Coordinate ${invitation.networkName}`}>
          <div className="narrow">
            <h1>Coordinate {invitation.networkName}</h1>
            <p className="lead">
              {invitation.invitedBy} has invited you to coordinate this network of family hubs partnerships on Common
              Ground: you will read the network’s shared views and publish versions of its template.
            </p>
            <dl className="summary-list" data-testid="network-invitation-summary">
              <div className="summary-list__row">
                <dt>Network</dt>
                <dd>{invitation.networkName}</dd>
              </div>
              <div className="summary-list__row">
                <dt>Invitation for</dt>
                <dd>{invitation.email}</dd>
              </div>
              <div className="summary-list__row">
                <dt>Link expires</dt>
                <dd>{formatDate(invitation.expiresAt)}</dd>
              </div>
            </dl>
            {me ? (
              <AcceptAsMe
                me={me}
                accept={async () => networkPaths(await acceptNetworkInvitation(token)).commonCore}
                outcome={`You will coordinate ${invitation.networkName}.`}
                acceptLabel={`Accept and coordinate ${invitation.networkName}`}
                busyLabel="Accepting…"
              />
            ) : (
              <CreateAccountAndAccept
                invitationPath={`/network-invite/${encodeURIComponent(token)}`}
                accept={async (account) => networkPaths(await acceptNetworkInvitation(token, account)).commonCore}
                heading="Create your account to accept"
                submitLabel="Create account and accept"
              />
            )}
          </div>
        </Page>
      )}
    </InvitationLanding>
  );
}
