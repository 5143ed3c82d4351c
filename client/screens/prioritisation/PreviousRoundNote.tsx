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
  return (
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
}
