import { Fragment, useEffect, useRef, useState } from 'react';
import type { NetworkMember } from '../../../shared/schemas/networks.ts';
import { messageFor } from '../../api/ApiError.ts';
import { removeNetworkMember } from '../../api/networks.ts';
import { SuccessNotice } from '../../components/Notice.tsx';
import { formatDate } from '../../format.ts';
import { InviteCoordinatorForm, InvitePartnershipForm } from './InviteForms.tsx';
import { useNetwork } from './NetworkContext.ts';
import { NetworkPage } from './NetworkPage.tsx';
import { sharedWords } from './sharingWords.ts';

const stateWords = { invited: 'Invited', member: 'Member' } as const;

/** The network's places and coordinators; coordinators invite places and coordinators and remove places here. */
export function NetworkMembersScreen() {
  const { network, canCoordinate, reload } = useNetwork();
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [inviteKey, setInviteKey] = useState(0);
  const columns = canCoordinate ? 6 : 5;

  return (
    <NetworkPage title="Members">
      {notice ? <SuccessNotice testId="network-members-notice">{notice}</SuccessNotice> : null}
      <section className="section" aria-labelledby="places-heading">
        <h2 id="places-heading">Places</h2>
        {network.members.length === 0 ? (
          <p>No partnership has been invited yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="table network-table" data-testid="network-members-table">
              <caption className="visually-hidden">
                Places in the network, whether they have joined, and what each shares
              </caption>
              <thead>
                <tr>
                  <th scope="col">Place</th>
                  <th scope="col">State</th>
                  <th scope="col">Invited</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Shares with the network</th>
                  {canCoordinate ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {network.members.map((member) => (
                  <Fragment key={member.partnershipId}>
                    <tr data-testid="network-member-row">
                      <th scope="row" className="table__name">
                        {member.name}
                        <span className="table__secondary">{member.areaName}</span>
                      </th>
                      <td>{stateWords[member.state]}</td>
                      <td className="table__nowrap">{formatDate(member.invitedAt)}</td>
                      <td className="table__nowrap">{member.joinedAt ? formatDate(member.joinedAt) : 'Not yet'}</td>
                      <td>{member.state === 'member' ? sharedWords(member.sharing) : 'Nothing until it joins'}</td>
                      {canCoordinate ? (
                        <td className="table__actions">
                          <button
                            type="button"
                            className="link-button"
                            aria-expanded={removing === member.partnershipId}
                            onClick={() => setRemoving(removing === member.partnershipId ? null : member.partnershipId)}
                          >
                            Remove<span className="visually-hidden"> {member.name}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                    {removing === member.partnershipId ? (
                      <tr className="table__panel-row">
                        <td colSpan={columns}>
                          <RemovePlaceConfirmation
                            networkId={network.id}
                            networkName={network.name}
                            member={member}
                            onCancel={() => setRemoving(null)}
                            onDone={(message) => {
                              setRemoving(null);
                              setNotice(message);
                              reload();
                            }}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby="coordinators-heading">
        <h2 id="coordinators-heading">Coordinators</h2>
        {network.coordinators.length === 0 ? (
          <p>No coordinator yet: administrators coordinate the network until someone is invited.</p>
        ) : (
          <ul data-testid="network-coordinators">
            {network.coordinators.map((coordinator) => (
              <li key={coordinator.userId}>
                {coordinator.name}
                {coordinator.email ? <span className="muted"> ({coordinator.email})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canCoordinate ? (
        <>
          <section className="section card" aria-labelledby="invite-place-heading">
            <h2 id="invite-place-heading">Invite a partnership</h2>
            <p className="hint">
              Its facilitators see the invitation on the partnership’s Networks page, with what it would share, and
              accept or decline it.
            </p>
            <InvitePartnershipForm
              key={inviteKey}
              networkId={network.id}
              present={new Set(network.members.map((member) => member.partnershipId))}
              onInvited={(member) => {
                setInviteKey((key) => key + 1);
                setNotice(`${member.name} has been invited. Its facilitators can now accept or decline.`);
                reload();
              }}
            />
          </section>
          <section className="section card" aria-labelledby="invite-coordinator-heading">
            <h2 id="invite-coordinator-heading">Invite a coordinator</h2>
            <InviteCoordinatorForm networkId={network.id} />
          </section>
        </>
      ) : null}
    </NetworkPage>
  );
}

interface RemovePlaceConfirmationProps {
  networkId: string;
  networkName: string;
  member: NetworkMember;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** Asks before removing a place from the network, and says what removal does. */
function RemovePlaceConfirmation({ networkId, networkName, member, onCancel, onDone }: RemovePlaceConfirmationProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleRemove = (): void => {
    setSending(true);
    setProblem(null);
    removeNetworkMember(networkId, member.partnershipId).then(
      () => onDone(`${member.name} has been removed from ${networkName}.`),
      (error: unknown) => {
        setSending(false);
        setProblem(messageFor(error));
      },
    );
  };

  const headingId = `remove-place-${member.partnershipId}`;
  return (
    <div className="panel panel--warning" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Remove {member.name} from {networkName}?
      </h3>
      <p>
        The network stops seeing anything from {member.name} at once. Its own framework and choices stay as they are.
        You can invite it again later.
      </p>
      {problem ? (
        <p className="field-error" role="alert">
          <span className="visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <div className="button-group">
        <button type="button" className="button--warning" disabled={sending} onClick={handleRemove}>
          {sending ? 'Removing…' : `Yes, remove ${member.name}`}
        </button>
        <button type="button" className="button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
