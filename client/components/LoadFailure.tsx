import { messageFor } from '../api/ApiError.ts';

/** A part of a screen whose data could not be loaded, with a way to try again. */
export function LoadFailure({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="notice notice--problem" role="alert">
      <p>
        <strong>{what} could not be loaded.</strong> {messageFor(error)}
      </p>
      <button type="button" className="button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
