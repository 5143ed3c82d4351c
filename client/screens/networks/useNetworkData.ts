import { useApiData, type ApiData } from '../../api/useApiData.ts';
import { useNetwork } from './NetworkContext.ts';
import { useReloadOnRevision } from './useReloadOnRevision.ts';

/**
 * Loads a network screen's data, and loads it again whenever the network doc's revision moves (a place adopted a
 * change, changed what it shares, a version was published), keeping what is on screen until the new answer comes.
 */
export function useNetworkData<T>(load: (signal: AbortSignal) => Promise<T>): ApiData<T> & { reload: () => void } {
  const { revision } = useNetwork();
  const data = useApiData(load);
  useReloadOnRevision(revision, data.reload);
  return data;
}
