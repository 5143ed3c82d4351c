import { Link, useNavigate } from 'react-router';
import { CreateNetworkRequestSchema, networkLimits, type NetworkSummary } from '../../../shared/schemas/networks.ts';
import { createNetwork, listNetworks } from '../../api/networks.ts';
import { useApiData } from '../../api/useApiData.ts';
import { Page } from '../../components/Page.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { useMe } from '../../session/useSession.ts';
import { LoadStatus } from './LoadStatus.tsx';
import { placesCount } from './networkWords.ts';
import { networkPaths, partnershipNetworksPath } from './paths.ts';
import './networks.css';

const accessLabels = {
  admin: 'Administrator',
  coordinator: 'Coordinator',
  member: 'Member place',
  invited: 'Invited',
} as const;

function NetworkCard({ network }: { network: NetworkSummary }) {
  // Invited only: the invitation is answered on the partnership's page, which says what the network would see.
  const invitedAs = network.myAccess === 'invited' ? network.invitedPartnershipIds[0] : undefined;
  const to = invitedAs ? partnershipNetworksPath(invitedAs) : networkPaths(network.id).commonCore;
  return (
    <li className="card" data-testid="network-card">
      <h2 className="partnership-card__name">
        <Link to={to}>{network.name}</Link>
      </h2>
      <p className="partnership-card__area">
        {placesCount(network.memberCount)} · template version {network.templateVersion}
        {network.isDemo ? (
          <>
            {' · '}
            <span className="tag tag--orange">Sample data</span>
          </>
        ) : null}
      </p>
      <p className="role-summary">
        <span className="role-tag">{accessLabels[network.myAccess]}</span>
      </p>
    </li>
  );
}

function CreateNetworkForm() {
  const navigate = useNavigate();
  const form = useFormSubmission({
    schema: CreateNetworkRequestSchema,
    fields: ['name'],
    read: (element) => ({ name: textValue(element, 'name') }),
    submit: async ({ name }) => {
      const network = await createNetwork(name);
      await navigate(networkPaths(network.id).members);
    },
  });
  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="create-network-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('name')}
        name="name"
        label="Name of the network"
        hint="For example: North London family hubs network"
        maxLength={networkLimits.name}
        autoComplete="off"
        error={form.errorFor('name')}
      />
      <button type="submit" disabled={form.sending}>
        {form.sending ? 'Creating…' : 'Create the network'}
      </button>
    </form>
  );
}

/** Every network I coordinate or my partnerships are in (administrators: all), and creating one (administrators). */
export function NetworksScreen() {
  const { user } = useMe();
  const networks = useApiData(listNetworks);
  return (
    <Page title="Networks">
      <h1>Networks</h1>
      <p className="lead">
        A network brings places together to find their common core of outcomes, indicators and metrics, see which data
        are missing everywhere and why, and evolve a shared template that each place adopts on its own terms.
      </p>
      <LoadStatus data={networks} loading="Loading the networks…" what="The networks" />
      {networks.status === 'ready' && networks.data.length === 0 ? (
        <p>
          You are not in any network yet. When a network invites one of your partnerships, its facilitators see the
          invitation on the partnership’s Networks page.
        </p>
      ) : null}
      {networks.status === 'ready' && networks.data.length > 0 ? (
        <ul className="card-list" data-testid="network-list">
          {networks.data.map((network) => (
            <NetworkCard key={network.id} network={network} />
          ))}
        </ul>
      ) : null}
      {user.isAdmin ? (
        <section className="section panel" aria-labelledby="create-network-heading">
          <h2 id="create-network-heading">Create a network</h2>
          <p className="hint">You can then invite partnerships and coordinators from its Members page.</p>
          <CreateNetworkForm />
        </section>
      ) : null}
    </Page>
  );
}
