import {
  availabilityByDomainAndLevel,
  dataStatusLabel,
  formatShare,
  statusBuckets,
  type MetricContext,
} from '../../shared/model/dataMapping/index.ts';
import { domainLabel, levelLabel, levelOrder } from '../../shared/model/framework/index.ts';
import type { MetricDataMapping } from '../../shared/schemas/dataMapping.ts';
import type { Level } from '../../shared/schemas/framework.ts';
import { AvailabilityChart, StatusSwatch } from './AvailabilityChart.tsx';

// The table is read beside the chart: short column names keep it legible; screen readers hear the full ones.
const shortLevelLabels: Record<Level, string> = {
  child: 'Children',
  'parent-adult': 'Parents as adults',
  'parent-carer': 'Parents as carers',
  system: 'Services',
};

/** "What can we measure?": a chart of statuses by domain, with the share available per domain and level beside it. */
export function AvailabilitySummaryPanel({
  contexts,
  mappings,
}: {
  contexts: readonly MetricContext[];
  mappings: ReadonlyMap<string, MetricDataMapping>;
}) {
  const { cells, domains, overall } = availabilityByDomainAndLevel(contexts, mappings);
  return (
    <section className="section availability" aria-labelledby="availability-heading">
      <h2 id="availability-heading">What we can measure</h2>
      <p className="lead" data-testid="overall-availability">
        {overall.counts.available} of {overall.total} metrics ({formatShare(overall.shareAvailable)}) have data that is
        available and used. {overall.counts['not-mapped']} are not yet mapped.
      </p>
      <div className="availability__layout">
        <figure className="availability__chart">
          <AvailabilityChart rows={domains} labelOf={(row) => (row.domain ? domainLabel(row.domain) : '')} />
          <figcaption>
            <ul className="chart-legend">
              {statusBuckets.map((bucket) => (
                <li key={bucket}>
                  <StatusSwatch bucket={bucket} />
                  {bucket === 'not-mapped' ? 'Not yet mapped' : dataStatusLabel(bucket)}
                </li>
              ))}
            </ul>
          </figcaption>
        </figure>
        <div
          className="table-scroll availability__table"
          tabIndex={0}
          role="region"
          aria-label="Share of metrics available"
        >
          <table className="table">
            <caption>Share of metrics available, by domain and level</caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                {levelOrder.map((level) => (
                  <th scope="col" key={level}>
                    <span aria-hidden="true">{shortLevelLabels[level]}</span>
                    <span className="visually-hidden">{levelLabel(level)}</span>
                  </th>
                ))}
                <th scope="col">All levels</th>
              </tr>
            </thead>
            <tbody>
              {domains.map((row) => (
                <tr key={row.domain}>
                  <th scope="row">{row.domain ? domainLabel(row.domain) : ''}</th>
                  {levelOrder.map((level) => {
                    const cell = cells.find((c) => c.domain === row.domain && c.level === level)!;
                    return (
                      <td key={level}>
                        <ShareCell available={cell.counts.available} total={cell.total} share={cell.shareAvailable} />
                      </td>
                    );
                  })}
                  <td>
                    <ShareCell available={row.counts.available} total={row.total} share={row.shareAvailable} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** A share of metrics available: the percentage first, then "2 of 5" beneath it. */
function ShareCell({ available, total, share }: { available: number; total: number; share: number | null }) {
  if (total === 0) return <span className="table__secondary">no metrics</span>;
  return (
    <>
      <strong>{formatShare(share)}</strong>
      <span className="share-cell__count">
        {available} of {total}
      </span>
    </>
  );
}
