import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { AcrossPlacesScreen } from './AcrossPlacesScreen.tsx';
import { CommonCoreScreen } from './CommonCoreScreen.tsx';
import { NetworkDataAgendaScreen } from './NetworkDataAgendaScreen.tsx';
import { NetworkLayout } from './NetworkLayout.tsx';
import { NetworkMembersScreen } from './NetworkMembersScreen.tsx';
import { TemplateVersionsScreen } from './TemplateVersionsScreen.tsx';

/** Everything under `/networks/:networkId`. */
export function NetworkScreens() {
  return (
    <Routes>
      <Route element={<NetworkLayout />}>
        <Route index element={<CommonCoreScreen />} />
        <Route path="data-agenda" element={<NetworkDataAgendaScreen />} />
        <Route path="across-places" element={<AcrossPlacesScreen />} />
        <Route path="template-versions" element={<TemplateVersionsScreen />} />
        <Route path="members" element={<NetworkMembersScreen />} />
      </Route>
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
