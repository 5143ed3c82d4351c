import { Route, Routes } from 'react-router';
import { FrameworkProvider } from '../../framework/FrameworkProvider.tsx';
import { BallotsProjectionProvider } from '../../prioritisation/BallotsProjectionProvider.tsx';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { FrameworkOverviewScreen } from './overview/FrameworkOverviewScreen.tsx';
import { OutcomeScreen } from './outcome/OutcomeScreen.tsx';
import { SpreadsheetScreen } from './spreadsheet/SpreadsheetScreen.tsx';
import './framework.css';

/**
 * Everything under `/p/:partnershipId/framework`: the overview grid, each outcome's page, and spreadsheet import and
 * export. Loaded on first visit, so the framework screens cost the first page nothing.
 */
export function FrameworkScreens() {
  const { partnership } = usePartnership();
  return (
    <BallotsProjectionProvider partnershipId={partnership.id}>
      <FrameworkProvider>
        <Routes>
          <Route index element={<FrameworkOverviewScreen />} />
          <Route path="outcomes/:outcomeId" element={<OutcomeScreen />} />
          <Route path="spreadsheet" element={<SpreadsheetScreen />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Routes>
      </FrameworkProvider>
    </BallotsProjectionProvider>
  );
}
