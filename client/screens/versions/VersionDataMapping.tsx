import {
  availabilityByDomainAndLevel,
  dataStatusLabel,
  formatShare,
  metricContexts,
  notMappedLabel,
  statusBuckets,
} from '../../../shared/model/dataMapping/index.ts';
import { domainLabel, type Framework } from '../../../shared/model/framework/index.ts';
import type { MetricDataMapping } from '../../../shared/schemas/dataMapping.ts';
import { AsItWas } from './AsItWas.tsx';
import { metricsByDomain } from './versionDocument.ts';

interface VersionDataMappingProps {
  framework: Framework;
  mappings: ReadonlyMap<string, MetricDataMapping>;
  date: string;
}

const bucketLabel = (bucket: (typeof statusBuckets)[number]) =>
  bucket === 'not-mapped' ? notMappedLabel : dataStatusLabel(bucket);

/** The data mapping as a version holds it: the availability summary, then each metric's status by domain. */
export function VersionDataMapping({ framework, mappings, date }: VersionDataMappingProps) {
  const { domains, overall } = availabilityByDomainAndLevel(metricContexts(framework), mappings);
  const groups = metricsByDomain(framework);
  return (
    <section className="section" aria-labelledby="version-data-mapping-heading" data-testid="version-data-mapping">
      <h2 id="version-data-mapping-heading">Data mapping</h2>
      <AsItWas date={date} />
      {overall.total === 0 ? (
        <p className="muted">No metrics.</p>
      ) : (
        <>
          <p data-testid="version-availability">
            {overall.counts.available} of {overall.total} metrics ({formatShare(overall.shareAvailable)}) had data that
            was available and used. {overall.counts['not-mapped']} {overall.counts['not-mapped'] === 1 ? 'was' : 'were'}{' '}
            not yet mapped.
          </p>
          <div className="table-scroll" role="region" aria-label="Metrics by status: table" tabIndex={0}>
            <table className="table table--compact" data-testid="version-availability-table">
              <caption className="table__caption">Metrics by data status and domain, as it was on {date}</caption>
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  {statusBuckets.map((bucket) => (
                    <th scope="col" key={bucket}>
                      {bucketLabel(bucket)}
                    </th>
                  ))}
                  <th scope="col">Share available</th>
                </tr>
              </thead>
              <tbody>
                {[...domains.filter((row) => row.total > 0), overall].map((row) => (
                  <tr key={row.domain ?? 'all'}>
                    <th scope="row">{row.domain ? domainLabel(row.domain) : 'All metrics'}</th>
                    {statusBuckets.map((bucket) => (
                      <td key={bucket}>{row.counts[bucket]}</td>
                    ))}
                    <td className="table__nowrap">{formatShare(row.shareAvailable)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {groups.map((group) => {
        const name = group.domain ? domainLabel(group.domain) : 'Serving no outcome';
        const headingId = `version-mapping-${group.domain ?? 'none'}`;
        return (
          <div key={headingId} data-testid={headingId}>
            <h3 id={headingId}>{name}</h3>
            <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
              <table className="table table--compact">
                <caption className="table__caption">
                  {name}: data status of each metric, as it was on {date}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col">Status</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Next step</th>
                  </tr>
                </thead>
                <tbody>
                  {group.contexts.map(({ metric, indicator }) => {
                    const mapping = mappings.get(metric.id);
                    return (
                      <tr key={metric.id}>
                        <th scope="row" className="table__name">
                          {metric.name || 'Untitled metric'}
                          {indicator ? (
                            <span className="table__secondary">
                              Indicator: {indicator.name || 'Untitled indicator'}
                            </span>
                          ) : null}
                        </th>
                        <td>
                          <span className="tag tag--grey">{dataStatusLabel(mapping?.status ?? null)}</span>
                        </td>
                        <td>{mapping?.reason || <span className="muted">None given</span>}</td>
                        <td>{mapping?.nextStep || <span className="muted">None given</span>}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}
