import { Suspense, useCallback, useMemo } from 'react';
import { Outlet, useParams } from 'react-router';
import { NetworkIdSchema } from '../../../shared/schemas/networks.ts';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { fetchNetwork } from '../../api/networks.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { ProblemPage } from '../../components/ProblemPage.tsx';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import type { NetworkContext } from './NetworkContext.ts';
import { useNetworkRevision } from './useNetworkRevision.ts';
import { useReloadOnRevision } from './useReloadOnRevision.ts';

/** Loads one network for its screens, follows its revision live, and refuses plainly when I have no access. */
export function NetworkLayout() {
  const { networkId = '' } = useParams();
  const validId = NetworkIdSchema.safeParse(networkId).success;
  return validId ? <NetworkLoader networkId={networkId} /> : <NotFoundScreen />;
}

function NetworkLoader({ networkId }: { networkId: string }) {
  const load = useCallback((signal: AbortSignal) => fetchNetwork(networkId, signal), [networkId]);
  const network = useApiData(load);
  const revision = useNetworkRevision(networkId);
  const { reload } = network;
  // Members, their sharing and the template version are in the network itself: it follows the revision too.
  useReloadOnRevision(revision, reload);

  const context = useMemo<NetworkContext | null>(() => {
    if (network.status !== 'ready') return null;
    const access = network.data.myAccess;
    return { network: network.data, reload, canCoordinate: access === 'coordinator' || access === 'admin', revision };
  }, [network, reload, revision]);

  if (network.status === 'loading') return <LoadingPage />;
  if (network.status === 'failed') {
    const { error } = network;
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      return (
        <ProblemPage
          title="You do not have access to this network"
          message="It may not exist, or you may not coordinate it and none of your partnerships belongs to it. Ask one of its coordinators if you think you should have access."
        />
      );
    }
    return <ProblemPage title="This network could not be loaded" message={messageFor(error)} onRetry={reload} />;
  }
  return (
    <Suspense fallback={<LoadingPage />}>
      <Outlet context={context} />
    </Suspense>
  );
}
