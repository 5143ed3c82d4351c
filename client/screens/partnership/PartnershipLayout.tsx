import { Suspense, useCallback, useMemo } from 'react';
import { Outlet, useParams } from 'react-router';
import { roleCan } from '../../../shared/model/roles.ts';
import { PartnershipIdSchema } from '../../../shared/protocol/docNames.ts';
import type { Partnership } from '../../../shared/schemas/partnerships.ts';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { fetchPartnership } from '../../api/partnerships.ts';
import { useApiData, type ApiData } from '../../api/useApiData.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { ProblemPage } from '../../components/ProblemPage.tsx';
import { useMe } from '../../session/useSession.ts';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import type { PartnershipContext } from './PartnershipContext.ts';
import { WorkspaceDocProvider } from '../../workspace/WorkspaceDocProvider.tsx';

/** Loads one partnership for its workspace, members and audit log screens, and refuses plainly when I have no access. */
export function PartnershipLayout() {
  const { partnershipId = '' } = useParams();
  const validId = PartnershipIdSchema.safeParse(partnershipId).success;
  const { user } = useMe();
  const load = useCallback((signal: AbortSignal) => fetchPartnership(partnershipId, signal), [partnershipId]);
  const partnership = useApiData(load);
  const { reload } = partnership;

  const context = useMemo<PartnershipContext | null>(() => {
    if (partnership.status !== 'ready') return null;
    const role = partnership.data.myRole;
    return {
      partnership: partnership.data,
      reload,
      // Administrators act as facilitators of every partnership, member or not.
      canManageMembers: (role !== null && roleCan(role, 'members.manage')) || user.isAdmin,
      canViewAudit: (role !== null && roleCan(role, 'audit.view')) || user.isAdmin,
    };
  }, [partnership, reload, user.isAdmin]);

  if (!validId) return <NotFoundScreen />;
  return (
    <WorkspaceDocProvider
      partnershipId={partnershipId}
      partnership={partnership.status === 'ready' ? partnership.data : null}
      onAccessChanged={reload}
    >
      <PartnershipContent partnership={partnership} context={context} />
    </WorkspaceDocProvider>
  );
}

function PartnershipContent({
  partnership,
  context,
}: {
  partnership: ApiData<Partnership> & { reload: () => void };
  context: PartnershipContext | null;
}) {
  if (partnership.status === 'loading') return <LoadingPage />;
  if (partnership.status === 'failed') {
    const { error, reload } = partnership;
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      return (
        <ProblemPage
          title="You do not have access to this partnership"
          message="It may not exist, or you may no longer be a member. If you think you should have access, ask the partnership’s facilitator to invite you."
        />
      );
    }
    return <ProblemPage title="This partnership could not be loaded" message={messageFor(error)} onRetry={reload} />;
  }
  return (
    <Suspense fallback={<LoadingPage />}>
      <Outlet context={context} />
    </Suspense>
  );
}
