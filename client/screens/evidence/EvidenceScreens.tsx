import { Route, Routes } from 'react-router';
import { NotFoundScreen } from '../NotFoundScreen.tsx';
import { EvidenceListScreen } from './EvidenceListScreen.tsx';
import { ImportObservationsScreen } from './ImportObservationsScreen.tsx';
import { MetricEvidenceScreen } from './MetricEvidenceScreen.tsx';
import { ComparatorAreasScreen } from './ComparatorAreasScreen.tsx';
import '../../evidence/evidence.css';

/**
 * Everything under `/p/:partnershipId/evidence`: the metrics with data, each metric's trend page, and imports.
 * Loaded on first visit, so the chart code costs the first page nothing.
 */
export function EvidenceScreens() {
  return (
    <Routes>
      <Route index element={<EvidenceListScreen />} />
      <Route path="metrics/:metricId" element={<MetricEvidenceScreen />} />
      <Route path="import" element={<ImportObservationsScreen />} />
      <Route path="comparators" element={<ComparatorAreasScreen />} />
      <Route path="*" element={<NotFoundScreen />} />
    </Routes>
  );
}
