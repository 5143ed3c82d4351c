import { breakdownsOf, compareByMethod, comparisonMethodWords, tierMark } from '../../shared/model/evidence/index.ts';
import { methodComparisonMark, type MethodComparison } from '../../shared/model/evidence/index.ts';
import {
  defaultEvidenceMethod,
  type ComparisonMethod,
  type EvidenceMethod,
} from '../../shared/schemas/evidenceMethods.ts';
import type { Polarity } from '../../shared/schemas/framework.ts';
import type { Observation } from '../../shared/schemas/observations.ts';
import { formatCount, formatInterval, formatObservationValue } from './formatObservation.ts';

interface BreakdownTablesProps {
  observations: readonly Observation[];
  areaCode: string;
  areaName: string;
  unit: string;
  polarity: Polarity;
  /** The metric's methods: groups are compared at its interval level (quintiles rank areas, so groups use 95%). */
  method?: EvidenceMethod;
}

const none = { value: null, lowerCi: null, upperCi: null };

/** The interval method groups are compared by: the metric's own, or the 95% interval when it has none. */
function groupMethod(method: EvidenceMethod): ComparisonMethod {
  return method.comparison === 'quintiles' || method.comparison === 'not-compared' ? 'ci-95' : method.comparison;
}

function comparisonCell(comparison: MethodComparison): string {
  return comparison.tiers.length > 1 ? comparison.tiers.map(tierMark).join('; ') : methodComparisonMark(comparison);
}

/**
 * The area's breakdowns (cohorts, localities, deprivation deciles…) for the latest period each has, every group
 * compared with the area as a whole on its confidence interval (the metric's level), in words.
 */
export function BreakdownTables({
  observations,
  areaCode,
  areaName,
  unit,
  polarity,
  method = defaultEvidenceMethod,
}: BreakdownTablesProps) {
  const comparison = groupMethod(method);
  const own = observations.filter((observation) => observation.areaCode === areaCode);
  const breakdowns = breakdownsOf(own);
  if (breakdowns.length === 0) {
    return <p>There are no breakdowns by cohort or locality for this metric yet.</p>;
  }
  return (
    <>
      {breakdowns.map(({ categoryType }) => {
        const rows = own.filter((observation) => observation.categoryType === categoryType);
        const latestKey = Math.max(...rows.map((row) => row.periodKey));
        const latest = rows.filter((row) => row.periodKey === latestKey);
        const period = latest[0]?.period ?? '';
        const whole = own.find((o) => o.categoryType === '' && o.periodKey === latestKey) ?? null;
        const wholeName = `${areaName} overall`;
        return (
          <section key={categoryType} className="breakdown">
            <h3>
              By {categoryType.toLowerCase()}, {period}
            </h3>
            <p className="hint">{comparisonMethodWords(comparison, wholeName)}.</p>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`${categoryType}, ${period}`}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{categoryType}</th>
                    <th scope="col">Value</th>
                    <th scope="col">95% confidence interval</th>
                    <th scope="col">Count</th>
                    <th scope="col">Compared with {wholeName}</th>
                  </tr>
                </thead>
                <tbody>
                  {latest.map((row) => (
                    <tr key={row.category}>
                      <th scope="row">{row.category}</th>
                      <td>{formatObservationValue(row, unit)}</td>
                      <td>{formatInterval(row, unit)}</td>
                      <td>{formatCount(row)}</td>
                      <td>
                        {comparisonCell(
                          compareByMethod(row, whole ?? none, {
                            method: comparison,
                            polarity,
                            comparatorName: wholeName,
                            comparatorIsEngland: false,
                          }),
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
