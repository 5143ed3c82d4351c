import { roleDescriptions } from '../../../shared/model/roles.ts';
import type { InvitationPreview } from '../../../shared/schemas/partnerships.ts';
import { formatDate } from '../../format.ts';

/** What the invitation offers, as a summary list. */
export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const role = roleDescriptions[invitation.role];
  return (
    <dl className="summary-list" data-testid="invitation-summary">
      <div className="summary-list__row">
        <dt>Partnership</dt>
        <dd>
          {invitation.partnershipName} ({invitation.areaName})
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>Your role</dt>
        <dd>
          <strong>{role.label}</strong>
          <span className="summary-list__detail">{role.summary}</span>
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>Representing</dt>
        <dd>{invitation.organisation}</dd>
      </div>
      <div className="summary-list__row">
        <dt>Voting member</dt>
        <dd>
          {invitation.isVotingMember ? 'Yes' : 'No'}
          <span className="summary-list__detail">
            {invitation.isVotingMember
              ? 'You will vote in prioritisation rounds.'
              : 'You can take part, but you will not vote in prioritisation rounds.'}
          </span>
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>Link expires</dt>
        <dd>{formatDate(invitation.expiresAt)}</dd>
      </div>
    </dl>
  );
}
