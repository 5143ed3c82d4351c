import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { TrendsScreen } from './TrendsScreen.tsx';
import { VersionScreen } from './VersionScreen.tsx';
import { VersionsScreen } from './VersionsScreen.tsx';

/** Everything under `/p/:partnershipId/versions`. */
export function VersionScreens() {
  return (
    <Routes>
      <Route index element={<VersionsScreen />} />
      <Route path="trends" element={<TrendsScreen />} />
      <Route path=":versionId" element={<VersionScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
