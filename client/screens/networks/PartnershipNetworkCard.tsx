import { useEffect, useRef, useState } from 'react';
import { defaultSharing, type PartnershipNetwork, type Sharing } from '../../../shared/schemas/networks.ts';
import { messageFor } from '../../api/ApiError.ts';
import { acceptNetworkMembership, removeNetworkMember, saveSharing } from '../../api/networks.ts';
import { formatDate } from '../../format.ts';
import { StatusMessage } from '../meetings/StatusMessage.tsx';
import { placesCount } from './networkWords.ts';
import { SharingFields } from './SharingFields.tsx';
import { sameSharing, sharedWords } from './sharingWords.ts';

interface PartnershipNetworkCardProps {
  partnershipId: string;
  partnershipName: string;
  network: PartnershipNetwork;
  canManage: boolean;
  /** After joining, declining, leaving or saving: what to tell the person, and the list is fetched again. */
  onChanged: (message: string) => void;
}

/**
 * One network the partnership is invited to or in. An invitation shows what the network would see, with the default
 * choices, and Join or Decline; a membership its sharing (saved at once for the network's views) and Leave.
 */
export function PartnershipNetworkCard({
  partnershipId,
  partnershipName,
  network,
  canManage,
  onChanged,
}: PartnershipNetworkCardProps) {
  const invited = network.state === 'invited';
  const [sharing, setSharing] = useState<Sharing>(invited ? defaultSharing : network.sharing);
  const [sending, setSending] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const headingId = `network-${network.networkId}`;

  useEffect(() => {
    if (confirmLeave) confirmRef.current?.focus();
  }, [confirmLeave]);

  const run = (action: () => Promise<void>, done: string, stay = false): void => {
    setSending(true);
    setProblem(null);
    setStatus('');
    action().then(
      () => {
        setSending(false);
        if (stay) setStatus(done);
        onChanged(done);
      },
      (error: unknown) => {
        setSending(false);
        setProblem(messageFor(error));
      },
    );
  };

  const handleJoin = (): void =>
    run(async () => {
      const changed = !sameSharing(sharing, defaultSharing);
      await acceptNetworkMembership(network.networkId, partnershipId, changed ? sharing : undefined);
      // The accept route is specified without a body: the choice is saved again so it holds whatever the server read.
      if (changed) await saveSharing(partnershipId, network.networkId, sharing);
    }, `${partnershipName} has joined ${network.name}.`);
  const handleDecline = (): void =>
    run(() => removeNetworkMember(network.networkId, partnershipId), `The invitation to ${network.name} was declined.`);
  const handleSave = (): void =>
    run(
      async () => {
        await saveSharing(partnershipId, network.networkId, sharing);
      },
      `What ${partnershipName} shares with ${network.name} is saved.`,
      true,
    );
  const handleLeave = (): void =>
    run(() => removeNetworkMember(network.networkId, partnershipId), `${partnershipName} has left ${network.name}.`);

  return (
    <li className="card network-membership" data-testid="partnership-network">
      <h3 id={headingId} className="network-membership__title">
        {network.name}
        {network.isDemo ? <span className="tag tag--orange network-demo-tag">Sample data</span> : null}
      </h3>
      <p className="muted">
        {invited
          ? `Invited on ${formatDate(network.invitedAt)}`
          : `Joined on ${formatDate(network.joinedAt ?? network.invitedAt)}`}
        {' · '}
        {placesCount(network.memberCount)}
        {network.coordinators.length > 0 ? ` · coordinated by ${network.coordinators.join(', ')}` : ''}
      </p>
      {canManage ? (
        <>
          <SharingFields
            id={`sharing-${network.networkId}`}
            legend={invited ? `What ${network.name} would see if you join` : `What ${network.name} sees`}
            sharing={sharing}
            disabled={sending}
            onChange={setSharing}
          />
          {problem ? (
            <p className="field-error" role="alert">
              <span className="visually-hidden">Error:</span> {problem}
            </p>
          ) : null}
          {invited ? (
            <div className="button-group">
              <button type="button" disabled={sending} onClick={handleJoin}>
                {sending ? 'Sending…' : `Join ${network.name}`}
              </button>
              <button type="button" className="button--secondary" disabled={sending} onClick={handleDecline}>
                Decline
              </button>
            </div>
          ) : (
            <div className="button-group">
              <button type="button" disabled={sending || sameSharing(sharing, network.sharing)} onClick={handleSave}>
                {sending ? 'Saving…' : 'Save what we share'}
              </button>
              <button
                type="button"
                className="button--warning"
                aria-expanded={confirmLeave}
                onClick={() => setConfirmLeave(!confirmLeave)}
              >
                Leave network
              </button>
            </div>
          )}
          <StatusMessage message={status} />
          {confirmLeave ? (
            <div className="panel panel--warning" role="group" aria-labelledby={`${headingId}-leave`}>
              <h4 id={`${headingId}-leave`} ref={confirmRef} tabIndex={-1}>
                Leave {network.name}?
              </h4>
              <p>
                The network stops seeing anything from {partnershipName} at once. Changes you adopted from its template
                stay in your framework. The network’s coordinators can invite you again.
              </p>
              <div className="button-group">
                <button type="button" className="button--warning" disabled={sending} onClick={handleLeave}>
                  {sending ? 'Leaving…' : `Yes, leave ${network.name}`}
                </button>
                <button type="button" className="button--secondary" onClick={() => setConfirmLeave(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : null}
        </>
      ) : (
        <p>
          {invited ? 'Would share: ' : 'Shares: '}
          {sharedWords(invited ? defaultSharing : network.sharing)}.{' '}
          <span className="muted">Only the partnership’s facilitators can join, leave or change what is shared.</span>
        </p>
      )}
    </li>
  );
}
