import type { EvidenceSummary } from '../../shared/model/evidence/index.ts';
import { ComparisonMark } from './ComparisonMark.tsx';
import { formatInterval, formatObservationValue } from './formatObservation.ts';

interface EvidenceStatementProps {
  summary: EvidenceSummary;
  areaName: string;
  regionName: string | null;
  unit: string;
}

/** The comparison and trend in sentences, so nobody has to read them off a chart or decode a colour. */
export function EvidenceStatement({ summary, areaName, regionName, unit }: EvidenceStatementProps) {
  const { latest, versusEngland, versusRegion, trend } = summary;
  if (!latest?.area) {
    return <p className="evidence-statement">There is no value for {areaName} yet.</p>;
  }
  const interval = formatInterval(latest.area, unit);
  return (
    <div className="evidence-statement" data-testid="evidence-statement">
      <p>
        In <strong>{latest.period}</strong>, {areaName} was <strong>{formatObservationValue(latest.area, unit)}</strong>
        {interval ? ` (95% confidence interval ${interval})` : ''}.
      </p>
      <ul className="evidence-statement__list">
        <li>
          <ComparisonMark comparison={versusEngland} /> Compared with England
          {latest.england ? ` (${formatObservationValue(latest.england, unit)})` : ''}:{' '}
          {versusEngland?.words ?? 'no data'}.
        </li>
        {regionName && versusRegion ? (
          <li>
            <ComparisonMark comparison={versusRegion} /> Compared with {regionName}
            {latest.region ? ` (${formatObservationValue(latest.region, unit)})` : ''}: {versusRegion.words}.
          </li>
        ) : null}
        <li>
          <span className="comparison-mark comparison-mark--neutral">Trend</span> {trend.words}.
        </li>
      </ul>
    </div>
  );
}
