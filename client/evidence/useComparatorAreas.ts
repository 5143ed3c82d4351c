import { useCallback } from 'react';
import type { ComparatorArea } from '../../shared/schemas/comparatorAreas.ts';
import { useApiData } from '../api/useApiData.ts';
import { fetchComparatorAreas } from './evidenceApi.ts';

/** The partnership's chosen comparator areas, in order; empty while loading or when they could not be loaded. */
export function useComparatorAreas(partnershipId: string): readonly ComparatorArea[] {
  const load = useCallback((signal: AbortSignal) => fetchComparatorAreas(partnershipId, signal), [partnershipId]);
  const comparators = useApiData(load);
  return comparators.status === 'ready' ? comparators.data.areas : noAreas;
}

const noAreas: readonly ComparatorArea[] = [];
