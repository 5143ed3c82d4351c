import { useCallback, useEffect, useState } from 'react';
import { roleCan } from '../../../shared/model/roles.ts';
import { fetchTemplateUpdates, listPartnershipNetworks } from '../../api/networks.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { useMe } from '../../session/useSession.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { PartnershipNetworkCard } from './PartnershipNetworkCard.tsx';
import { NeverSharedNote } from './SharingFields.tsx';
import { TemplateUpdatesSection } from './TemplateUpdatesSection.tsx';
import './networks.css';

/** A partnership's networks: invitations to answer, what it shares with each, and template updates to adopt or decline. */
export function PartnershipNetworksScreen() {
  const { partnership } = usePartnership();
  const { user } = useMe();
  // Only facilitators (and administrators, who act as them) join, leave, choose what is shared and adopt changes.
  const canManage = (partnership.myRole !== null && roleCan(partnership.myRole, 'network.manage')) || user.isAdmin;
  const loadNetworks = useCallback(
    (signal: AbortSignal) => listPartnershipNetworks(partnership.id, signal),
    [partnership.id],
  );
  const loadUpdates = useCallback(
    (signal: AbortSignal) => fetchTemplateUpdates(partnership.id, signal),
    [partnership.id],
  );
  const networks = useApiData(loadNetworks);
  const updates = useApiData(loadUpdates);
  const [notice, setNotice] = useState<string | null>(null);
  const reloadUpdates = updates.reload;
  const reloadNetworks = networks.reload;

  // A coordinator may publish a version while this page is open in another tab: look again when it comes back.
  useEffect(() => {
    const handleFocus = (): void => {
      reloadUpdates();
      reloadNetworks();
    };
    window.addEventListener('focus', handleFocus);
    return () => window.removeEventListener('focus', handleFocus);
  }, [reloadUpdates, reloadNetworks]);

  const handleChanged = (message: string): void => {
    setNotice(message);
    reloadNetworks();
    reloadUpdates();
  };

  const invitations = networks.status === 'ready' ? networks.data.filter((n) => n.state === 'invited') : [];
  const memberships = networks.status === 'ready' ? networks.data.filter((n) => n.state === 'member') : [];
  const card = (network: (typeof invitations)[number]) => (
    <PartnershipNetworkCard
      key={`${network.networkId}-${network.state}`}
      partnershipId={partnership.id}
      partnershipName={partnership.name}
      network={network}
      canManage={canManage}
      onChanged={handleChanged}
    />
  );

  return (
    <PartnershipPage title="Networks">
      <p className="lead">
        Networks bring places together to compare frameworks, pool what data are missing and evolve a shared template.
        The partnership chooses what each network sees, and adopts or declines each template change on its own terms.
      </p>
      {notice ? <SuccessNotice testId="partnership-networks-notice">{notice}</SuccessNotice> : null}
      <LoadStatus data={networks} loading="Loading the networks…" what="The networks" />
      {networks.status === 'ready' && networks.data.length === 0 ? (
        <p>This partnership is not in any network, and has no invitation to one.</p>
      ) : null}
      {invitations.length > 0 ? (
        <section className="section" aria-labelledby="network-invitations-heading">
          <h2 id="network-invitations-heading">Invitations</h2>
          <ul className="card-list" data-testid="network-invitations">
            {invitations.map(card)}
          </ul>
        </section>
      ) : null}
      {memberships.length > 0 ? (
        <section className="section" aria-labelledby="network-memberships-heading">
          <h2 id="network-memberships-heading">Networks we belong to</h2>
          <ul className="card-list" data-testid="network-memberships">
            {memberships.map(card)}
          </ul>
        </section>
      ) : null}
      {networks.status === 'ready' && networks.data.length > 0 ? <NeverSharedNote /> : null}
      {updates.status === 'failed' ? (
        <LoadFailure what="The template updates" error={updates.error} onRetry={updates.reload} />
      ) : null}
      {updates.status === 'ready' && memberships.length > 0 ? (
        <TemplateUpdatesSection
          partnershipId={partnership.id}
          updates={updates.data}
          canManage={canManage}
          onDecided={reloadUpdates}
        />
      ) : null}
    </PartnershipPage>
  );
}
