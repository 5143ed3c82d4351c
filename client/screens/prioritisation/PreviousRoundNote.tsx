import { ordinal } from '../../../shared/model/prioritisation/statistics.ts';
import type { PreviousResults } from './ballotFieldsProps.ts';

/** Delphi: what the group said about this candidate last round, so people can see how opinion is spread. */
export function PreviousRoundNote({
  previous,
  candidateId,
}: {
  previous: PreviousResults | null;
  candidateId: string;
}) {
  const result = previous?.byCandidate.get(candidateId);
  if (!previous || !result) return null;
  const aggregateLabel = previous.aggregateLabel;
  const spread = result.distribution.filter((bucket) => bucket.count > 0);
  const reasons = result.reasons ?? [];
  const note = (
    <p className="previous-round" data-testid="previous-round">
      <strong>Last round:</strong> ranked {ordinal(result.rank)} ({aggregateLabel}: {result.aggregate}; spread{' '}
      {result.spread}).{' '}
      {spread.length > 0 ? (
        <span>
          How people voted:{' '}
          {spread
            .map((bucket) => `${bucket.label}: ${bucket.count} ${bucket.count === 1 ? 'vote' : 'votes'}`)
            .join('; ')}
          .
        </span>
      ) : null}
    </p>
  );
  if (reasons.length === 0) return note;
  // Alphabetical and without names, as the server sends them: the order says nothing of who wrote which.
  return (
    <>
      {note}
      <div className="previous-round__reasons" data-testid="previous-round-reasons">
        <p>Why some people moved away from the group last round:</p>
        <ul>
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
