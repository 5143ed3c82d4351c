import { Fragment, useState } from 'react';
import { roleDescriptions } from '../../../shared/model/roles.ts';
import type { Member } from '../../../shared/schemas/partnerships.ts';
import { useMe } from '../../session/useSession.ts';
import { MemberChangeForm } from './MemberChangeForm.tsx';
import { RemoveMemberConfirmation } from './RemoveMemberConfirmation.tsx';

interface MembersTableProps {
  members: readonly Member[];
  canManage: boolean;
  /** Called after a member was changed or removed, with what to tell the facilitator. */
  onChanged: (message: string) => void;
}

type OpenPanel = { userId: string; kind: 'change' | 'remove' } | null;

/** The members of a partnership; facilitators open a change or remove panel under a member's row. */
export function MembersTable({ members, canManage, onChanged }: MembersTableProps) {
  const me = useMe();
  const [open, setOpen] = useState<OpenPanel>(null);
  const columns = canManage ? 5 : 4;

  if (members.length === 0) return <p>This partnership has no members yet.</p>;

  return (
    <table className="table" data-testid="members-table">
      <caption className="visually-hidden">Members, with their organisation, role and whether they vote</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Organisation</th>
          <th scope="col">Role</th>
          <th scope="col">Voting member</th>
          {canManage ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const isMe = member.userId === me.user.id;
          const panel = open?.userId === member.userId ? open.kind : null;
          const close = (): void => setOpen(null);
          const done = (message: string): void => {
            setOpen(null);
            onChanged(message);
          };
          return (
            <Fragment key={member.userId}>
              <tr data-testid="member-row">
                <th scope="row" className="table__name">
                  {member.displayName}
                  {isMe ? ' (you)' : ''}
                  {member.email ? <span className="table__secondary">{member.email}</span> : null}
                </th>
                <td>{member.organisation}</td>
                <td>{roleDescriptions[member.role].label}</td>
                <td>{member.isVotingMember ? 'Yes' : 'No'}</td>
                {canManage ? (
                  <td className="table__actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={panel === 'change'}
                      onClick={() => setOpen(panel === 'change' ? null : { userId: member.userId, kind: 'change' })}
                    >
                      Change<span className="visually-hidden"> {member.displayName}</span>
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={panel === 'remove'}
                      onClick={() => setOpen(panel === 'remove' ? null : { userId: member.userId, kind: 'remove' })}
                    >
                      Remove<span className="visually-hidden"> {member.displayName}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
              {panel ? (
                <tr className="table__panel-row">
                  <td colSpan={columns}>
                    {panel === 'change' ? (
                      <MemberChangeForm member={member} isMe={isMe} onCancel={close} onDone={done} />
                    ) : (
                      <RemoveMemberConfirmation member={member} isMe={isMe} onCancel={close} onDone={done} />
                    )}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
