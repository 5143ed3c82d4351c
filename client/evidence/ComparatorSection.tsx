import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { suppressedLabel } from '../../shared/model/evidence/suppression.ts';
import type { ComparatorAreaJudgement, MetricComparators } from '../../shared/schemas/comparatorAreas.ts';
import { formatValue } from './formatObservation.ts';
import './comparators.css';

// The chart library loads only when there are comparators to draw.
const ComparatorChart = lazy(async () => ({ default: (await import('./ComparatorChart.tsx')).ComparatorChart }));

interface ComparatorSectionProps {
  comparators: MetricComparators;
  metricName: string;
  unit: string;
  /** Where facilitators and editors choose the comparator areas. */
  choosePath: string;
  /** The outcome page's small version: the rank, the range, a small chart and the table folded away. */
  compact?: boolean;
}

const marks: Record<ComparatorAreaJudgement, string> = {
  better: 'Better',
  worse: 'Worse',
  higher: 'Higher',
  lower: 'Lower',
  similar: 'Similar',
  'not-compared': 'Not compared',
};

/** The place against its comparator areas: rank, the comparators' range, a dot chart and its table. */
export function ComparatorSection({
  comparators,
  metricName,
  unit,
  choosePath,
  compact = false,
}: ComparatorSectionProps) {
  if (comparators.chosen === 0) {
    return compact ? null : (
      <p>
        No comparator areas are chosen yet. <Link to={choosePath}>Choose comparator areas</Link> (statistical
        neighbours, or any areas) to see where this area ranks among them.
      </p>
    );
  }
  const { place, range } = comparators;
  if (!place || comparators.areas.every((area) => area.value === null && !area.suppressed)) {
    // On the outcome page a line per metric saying the same thing would only repeat itself.
    if (compact) return null;
    return (
      <p>
        No values for the comparator areas yet: the next Fingertips “all data” import for all areas of your area type
        brings them. <Link to={choosePath}>Comparator areas</Link>
      </p>
    );
  }
  const rangeWords = range
    ? `Comparator areas range from ${formatValue(range.min, unit)} (${range.minAreaName}) to ${formatValue(range.max, unit)} (${range.maxAreaName}).`
    : 'No comparator area has a value to show.';
  const summary = `${place.areaName} ranks ${comparators.rankWords} in ${comparators.period}. ${rangeWords}`;
  const table = (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${metricName}: comparator areas table`}>
      <table className="table comparator-table">
        <caption>
          {metricName}, {comparators.period}: {place.areaName} and its comparator areas
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Value</th>
            <th scope="col">95% interval</th>
            <th scope="col">{place.areaName} compared with it</th>
          </tr>
        </thead>
        <tbody>
          <tr className="comparator-table__place">
            <th scope="row">{place.areaName} (this area)</th>
            <td>{place.value === null ? 'no value' : formatValue(place.value, unit)}</td>
            <td>{intervalWords(place.lowerCi, place.upperCi, unit)}</td>
            <td>{comparators.rankWords}</td>
          </tr>
          {comparators.areas.map((area) => (
            <tr key={area.areaCode}>
              <th scope="row">{area.areaName}</th>
              <td>
                {area.suppressed ? suppressedLabel : area.value === null ? 'no data' : formatValue(area.value, unit)}
              </td>
              <td>{area.suppressed ? suppressedLabel : intervalWords(area.lowerCi, area.upperCi, unit)}</td>
              <td>
                <span className={`comparison-mark comparison-mark--${markClass(area.judgement)}`}>
                  {marks[area.judgement]}
                </span>{' '}
                {area.words}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className={compact ? 'comparators comparators--compact' : 'comparators'} data-testid="comparators">
      <p className={compact ? 'small-multiple__latest' : undefined}>{summary}</p>
      <Suspense fallback={<div className="comparator-chart__placeholder" />}>
        <ComparatorChart
          comparators={comparators}
          unit={unit}
          title={`${metricName}: ${summary} The table gives every value.`}
          compact={compact}
          width={compact ? 320 : 720}
        />
      </Suspense>
      {compact ? (
        <details>
          <summary>Comparator areas table</summary>
          {table}
        </details>
      ) : (
        <>
          {table}
          <p className="hint">{comparators.areas[0]?.methodWords}</p>
        </>
      )}
    </div>
  );
}

function intervalWords(lower: number | null, upper: number | null, unit: string): string {
  return lower === null || upper === null ? '' : `${formatValue(lower, unit)} to ${formatValue(upper, unit)}`;
}

/** The comparison marks' classes: better/worse/similar carry their colours; higher and lower are neutral. */
function markClass(judgement: ComparatorAreaJudgement): string {
  if (judgement === 'higher' || judgement === 'lower' || judgement === 'not-compared') return 'neutral';
  return judgement;
}
