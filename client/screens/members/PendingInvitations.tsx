import { useState } from 'react';
import { roleDescriptions } from '../../../shared/model/roles.ts';
import type { Invitation } from '../../../shared/schemas/partnerships.ts';
import { messageFor } from '../../api/ApiError.ts';
import { revokeInvitation } from '../../api/invitations.ts';
import { formatDate } from '../../format.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';

function describe(invitation: Invitation): string {
  return invitation.note || `${roleDescriptions[invitation.role].label} from ${invitation.organisation}`;
}

/** Invitation links sent but not yet used, each revocable. */
export function PendingInvitations({
  invitations,
  onRevoked,
}: {
  invitations: readonly Invitation[];
  onRevoked: (message: string) => void;
}) {
  const { partnership } = usePartnership();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = invitations.filter((invitation) => invitation.status === 'pending');

  const handleRevoke = (invitation: Invitation): void => {
    setRevoking(invitation.id);
    setProblem(null);
    revokeInvitation(partnership.id, invitation.id).then(
      () => {
        setRevoking(null);
        onRevoked(`The invitation for ${describe(invitation)} has been revoked. Its link no longer works.`);
      },
      (error: unknown) => {
        setRevoking(null);
        setProblem(`The invitation could not be revoked. ${messageFor(error)}`);
      },
    );
  };

  if (pending.length === 0) return <p>There are no invitations waiting to be used.</p>;
  return (
    <>
      {problem ? (
        <p className="field-error" role="alert">
          <span className="visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <table className="table" data-testid="pending-invitations">
        <caption className="visually-hidden">Invitations not used yet</caption>
        <thead>
          <tr>
            <th scope="col">For</th>
            <th scope="col">Role</th>
            <th scope="col">Organisation</th>
            <th scope="col">Voting member</th>
            <th scope="col">Link expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pending.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className="table__name">
                {invitation.note || <span className="muted">No note</span>}
                <span className="table__secondary">Sent by {invitation.createdBy}</span>
              </th>
              <td>{roleDescriptions[invitation.role].label}</td>
              <td>{invitation.organisation}</td>
              <td>{invitation.isVotingMember ? 'Yes' : 'No'}</td>
              <td>{formatDate(invitation.expiresAt)}</td>
              <td className="table__actions">
                <button
                  type="button"
                  className="link-button"
                  disabled={revoking === invitation.id}
                  onClick={() => handleRevoke(invitation)}
                >
                  {revoking === invitation.id ? 'Revoking…' : 'Revoke'}
                  <span className="visually-hidden"> the invitation for {describe(invitation)}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
