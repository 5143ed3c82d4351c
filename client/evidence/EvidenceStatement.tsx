import type { EvidenceSummary, MethodComparison, SeriesRow } from '../../shared/model/evidence/index.ts';
import { comparisonMethodWords, trendMethodWords } from '../../shared/model/evidence/index.ts';
import { ComparisonMark, ComparisonTierMarks } from './ComparisonMark.tsx';
import { formatInterval, formatInterval998, formatObservationValue } from './formatObservation.ts';

interface EvidenceStatementProps {
  summary: EvidenceSummary;
  areaName: string;
  regionName: string | null;
  unit: string;
}

/** The comparison and trend in sentences, so nobody has to read them off a chart or decode a colour. */
export function EvidenceStatement({ summary, areaName, regionName, unit }: EvidenceStatementProps) {
  const { latest, versusEngland, versusRegion, trend, method } = summary;
  if (!latest?.area) {
    return <p className="evidence-statement">There is no value for {areaName} yet.</p>;
  }
  const interval = formatInterval(latest.area, unit);
  const usesWideInterval = method.comparison === 'ci-99.8' || method.comparison === 'ci-95-and-99.8';
  const interval998 = usesWideInterval ? formatInterval998(latest.area, unit) : '';
  const intervals = [interval && `95% confidence interval ${interval}`, interval998 && `99.8% interval ${interval998}`]
    .filter((text) => text !== '')
    .join('; ');
  return (
    <div className="evidence-statement" data-testid="evidence-statement">
      <p>
        In <strong>{latest.period}</strong>, {areaName} was <strong>{formatObservationValue(latest.area, unit)}</strong>
        {intervals ? ` (${intervals})` : ''}.
      </p>
      <ul className="evidence-statement__list">
        <ComparisonLine
          comparatorName="England"
          comparison={versusEngland}
          comparator={latest.england}
          unit={unit}
          method={method}
        />
        {regionName && versusRegion ? (
          <ComparisonLine
            comparatorName={regionName}
            comparison={versusRegion}
            comparator={latest.region}
            unit={unit}
            method={method}
          />
        ) : null}
        <li>
          <span className="comparison-mark comparison-mark--neutral">Trend</span> {trend.words}.
          <span className="evidence-method">{trendMethodWords(trend)}.</span>
        </li>
      </ul>
      <p className="hint evidence-method-source">
        {method.source === 'fingertips-metadata'
          ? 'Methods from the imported Fingertips indicator metadata.'
          : 'No Fingertips indicator metadata for this metric: compared by the 95% interval, its value type unknown.'}
      </p>
    </div>
  );
}

interface ComparisonLineProps {
  comparatorName: string;
  comparison: MethodComparison | null;
  comparator: SeriesRow['england'];
  unit: string;
  method: EvidenceSummary['method'];
}

/** One comparator's judgement, its value, and how it was compared; two tiers show both marks in text. */
function ComparisonLine({ comparatorName, comparison, comparator, unit, method }: ComparisonLineProps) {
  return (
    <li>
      <ComparisonMark comparison={comparison} /> Compared with {comparatorName}
      {comparator ? ` (${formatObservationValue(comparator, unit)})` : ''}: {comparison?.words ?? 'no data'}.
      {comparison && comparison.tiers.length > 1 ? <ComparisonTierMarks tiers={comparison.tiers} /> : null}
      <span className="evidence-method">{comparisonMethodWords(method.comparison, comparatorName)}.</span>
    </li>
  );
}
