import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { BallotsProjectionProvider } from '../../prioritisation/BallotsProjectionProvider.tsx';
import { DecisionLogScreen } from './DecisionLogScreen.tsx';
import { DecisionScreen } from './DecisionScreen.tsx';
import { PresentScreen } from './PresentScreen.tsx';
import { RoundBuilderScreen } from './RoundBuilderScreen.tsx';
import { RoundScreen } from './RoundScreen.tsx';
import { RoundsScreen } from './RoundsScreen.tsx';
import './prioritisation.css';

/**
 * Everything under `/p/:partnershipId/rounds`, sharing one connection to the partnership's live ballots projection.
 * Loaded on first visit, so the voting screens cost the first page nothing.
 */
export function PrioritisationScreens() {
  const { partnership } = usePartnership();
  return (
    <BallotsProjectionProvider partnershipId={partnership.id}>
      <Routes>
        <Route index element={<RoundsScreen />} />
        <Route path="new" element={<RoundBuilderScreen />} />
        <Route path="decisions" element={<DecisionLogScreen />} />
        <Route path=":roundId" element={<RoundScreen />} />
        <Route path=":roundId/edit" element={<RoundBuilderScreen />} />
        <Route path=":roundId/present" element={<PresentScreen />} />
        <Route path=":roundId/decision" element={<DecisionScreen />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </BallotsProjectionProvider>
  );
}
