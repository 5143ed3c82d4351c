import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { DataAgendaScreen } from './DataAgendaScreen.tsx';
import { DataMappingScreen } from './DataMappingScreen.tsx';
import '../../evidence/evidence.css';

/** Everything under `/p/:partnershipId/data-mapping`: the grid with its summary, and the data development agenda. */
export function DataMappingScreens() {
  return (
    <Routes>
      <Route index element={<DataMappingScreen />} />
      <Route path="agenda" element={<DataAgendaScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
