import { useState } from 'react';
import { updateDataMapping } from '../../shared/model/dataMapping/index.ts';
import { dataStatusLabel } from '../../shared/model/dataMapping/statuses.ts';
import { reviewStampFor } from '../dataMapping/reviewStamp.ts';
import { useDataMapping } from '../dataMapping/useDataMapping.ts';
import { useMe } from '../session/useSession.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';

/**
 * Metrics that have data now while their data mapping still says the data are missing or not accessible: one
 * button each marks them available (stamped as reviewed by the person, as the grid does), read live from the doc,
 * so a metric someone else has already marked drops out of the list.
 */
export function MarkAvailable({
  metrics,
  intro,
}: {
  metrics: readonly { metricId: string; name: string }[];
  intro: string;
}) {
  const { doc, canEdit } = useWorkspaceDoc();
  const mapping = useDataMapping(doc);
  const me = useMe();
  const [marked, setMarked] = useState<string[]>([]);
  const pending = metrics.filter((metric) => {
    const status = mapping.get(metric.metricId)?.status ?? null;
    return status === 'missing' || status === 'not-accessible';
  });
  if (pending.length === 0 && marked.length === 0) return null;
  const mark = (metricId: string, name: string) => {
    if (!doc) return;
    updateDataMapping(doc, metricId, { status: 'available' }, reviewStampFor(me.user));
    setMarked((now) => [...now, name]);
  };
  return (
    <div className="mark-available" data-testid="mark-available">
      {pending.length > 0 ? (
        <>
          <p>{intro}</p>
          <ul>
            {pending.map((metric) => (
              <li key={metric.metricId}>
                {metric.name || 'Untitled metric'}: marked “
                {dataStatusLabel(mapping.get(metric.metricId)?.status ?? null)}”{' '}
                {canEdit && doc ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => mark(metric.metricId, metric.name)}
                  >
                    Mark as available<span className="visually-hidden"> ({metric.name})</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p role="status">{marked.length > 0 ? `Marked available in the data mapping: ${marked.join(', ')}.` : ''}</p>
    </div>
  );
}
