import { Suspense, useMemo } from 'react';
import { Route, Routes } from 'react-router';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { lazyScreen } from '../../lazyScreen.ts';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { TheoryOfChangeContext, type TheoryOfChangeContextValue } from '../../theoryOfChange/TheoryOfChangeContext.ts';
import { useBallotsProjection } from '../../prioritisation/BallotsProjectionContext.ts';
import { BallotsProjectionProvider } from '../../prioritisation/BallotsProjectionProvider.tsx';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { priorityOutcomeIds } from '../../../shared/model/theoryOfChange/index.ts';
import { useTheoryOfChange } from '../../theoryOfChange/useTheoryOfChange.ts';
import { ActionScreen } from './ActionScreen.tsx';
import { MatrixScreen } from './MatrixScreen.tsx';
import { OfferScreen } from './OfferScreen.tsx';
import './theoryOfChange.css';

// The graph brings the layout library with it: it loads only when someone opens the graph.
const GraphScreen = lazyScreen(() => import('./graph/GraphScreen.tsx'), 'GraphScreen');

/**
 * The theory of change: the offer, each action's links, the graph and the coverage matrix. The live read of the
 * framework and offer, and the ballots projection for priorities, are opened once here for all of them.
 */
export function TheoryOfChangeScreens() {
  const { partnership } = usePartnership();
  return (
    <BallotsProjectionProvider partnershipId={partnership.id}>
      <TheoryOfChangeRoutes />
    </BallotsProjectionProvider>
  );
}

function TheoryOfChangeRoutes() {
  const { doc } = useWorkspaceDoc();
  const snapshot = useTheoryOfChange(doc);
  const { priorities: agreed } = useBallotsProjection();
  const priorities = useMemo(() => {
    const outcomeIds = priorityOutcomeIds(agreed);
    return { outcomeIds, decided: outcomeIds.size > 0 };
  }, [agreed]);
  const value = useMemo<TheoryOfChangeContextValue | null>(
    () => (snapshot ? { snapshot, priorities } : null),
    [snapshot, priorities],
  );
  if (!value) return <LoadingPage />;
  return (
    <TheoryOfChangeContext.Provider value={value}>
      <Suspense fallback={<LoadingPage />}>
        <Routes>
          <Route index element={<OfferScreen />} />
          <Route path="actions/:actionId" element={<ActionScreen />} />
          <Route path="graph" element={<GraphScreen />} />
          <Route path="matrix" element={<MatrixScreen />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Routes>
      </Suspense>
    </TheoryOfChangeContext.Provider>
  );
}
