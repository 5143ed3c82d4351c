import type { ApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';

interface LoadStatusProps {
  data: ApiData<unknown> & { reload: () => void };
  /** Read out while the data is on its way: "Loading the networks…". */
  loading: string;
  /** What could not be loaded, as the start of a sentence: "The networks". */
  what: string;
}

/** The loading line or the failure (with a retry) of data a screen asked for; nothing once the data is ready. */
export function LoadStatus({ data, loading, what }: LoadStatusProps) {
  if (data.status === 'loading') {
    return (
      <p className="loading" role="status">
        {loading}
      </p>
    );
  }
  if (data.status === 'failed') return <LoadFailure what={what} error={data.error} onRetry={data.reload} />;
  return null;
}
