import { useCallback } from 'react';
import { useApiData } from '../api/useApiData.ts';
import { fetchEvidenceSeries, fetchMetricEvidence } from './evidenceApi.ts';

/** One metric's evidence from the API (reloadable). */
export function useMetricEvidence(partnershipId: string, metricId: string) {
  const load = useCallback(
    (signal: AbortSignal) => fetchMetricEvidence(partnershipId, metricId, signal),
    [partnershipId, metricId],
  );
  return useApiData(load);
}

/** Whole-population series of several metrics; `key` changes only when the set of metrics does. */
export function useEvidenceSeries(partnershipId: string, metricIds: readonly string[]) {
  const key = metricIds.join(',');
  const load = useCallback(
    (signal: AbortSignal) => fetchEvidenceSeries(partnershipId, key === '' ? [] : key.split(','), signal),
    [partnershipId, key],
  );
  return useApiData(load);
}
