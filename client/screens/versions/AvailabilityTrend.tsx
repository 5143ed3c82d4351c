import { domainLabel } from '../../../shared/model/framework/domains.ts';
import type { Trends } from '../../../shared/schemas/cycles.ts';
import { formatDate } from '../../format.ts';
import { ShareChart } from './ShareChart.tsx';
import { availabilitySentence, countWords, percent } from './trendWords.ts';

interface AvailabilityTrendProps {
  trend: Trends['availability'][number];
  versions: Trends['versions'];
}

/** One domain's share of metrics with data, version by version: a sentence, a small chart, and the table. */
export function AvailabilityTrend({ trend, versions }: AvailabilityTrendProps) {
  const name = domainLabel(trend.domain);
  const sentence = availabilitySentence(name, trend.points, versions);
  const headingId = `availability-${trend.domain}`;
  return (
    <section className="trend-card" aria-labelledby={headingId} data-testid={`availability-trend-${trend.domain}`}>
      <h3 id={headingId}>{name}</h3>
      <p>{sentence}</p>
      <ShareChart
        title={`Chart: ${sentence} Every version is in the table below.`}
        points={trend.points.map((point, index) => ({ at: versions[index]?.createdAt ?? '', share: point.share }))}
      />
      <div className="table-scroll" role="region" aria-label={`${name}: table`} tabIndex={0}>
        <table className="table table--compact">
          <caption className="table__caption">{name}: metrics with data available, by version</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Metrics with data</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((point, index) => (
              <tr key={point.versionId}>
                <th scope="row" className="table__name">
                  {versions[index]?.label ?? ''}
                  <span className="table__sub">{formatDate(versions[index]?.createdAt ?? '')}</span>
                </th>
                <td>{countWords(point)}</td>
                <td className="table__nowrap">{point.share === null ? '–' : percent(point.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
