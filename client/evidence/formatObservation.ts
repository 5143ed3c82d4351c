import { valueWithUnit } from '../../shared/model/cycles/packWords.ts';
import { suppressedLabel } from '../../shared/model/evidence/suppression.ts';
import type { Observation } from '../../shared/schemas/observations.ts';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A value in its unit: "5.1%", "4.2 per 1,000", "312" (the board pack writes values the same way). */
export const formatValue = valueWithUnit;

/** An observation's value for a table cell: the value, "suppressed (<5)", or "no data" (with the note if any). */
export function formatObservationValue(observation: Observation | null, unit: string): string {
  if (!observation) return 'no data';
  if (observation.suppressed) return suppressedLabel;
  if (observation.value === null) return observation.note ? `no value (${observation.note})` : 'no value';
  return formatValue(observation.value, unit);
}

/** The 95% confidence interval in words: "4.3% to 5.9%"; empty when there is none. */
export function formatInterval(observation: Observation | null, unit: string): string {
  if (!observation || observation.suppressed) return observation?.suppressed ? suppressedLabel : '';
  if (observation.lowerCi === null || observation.upperCi === null) return '';
  return `${formatValue(observation.lowerCi, unit)} to ${formatValue(observation.upperCi, unit)}`;
}

/** The 99.8% confidence interval in words: "4.0% to 6.3%"; empty when the data has none. */
export function formatInterval998(observation: Observation | null, unit: string): string {
  if (!observation || observation.suppressed) return observation?.suppressed ? suppressedLabel : '';
  const { lowerCi998, upperCi998 } = observation;
  if (lowerCi998 === null || lowerCi998 === undefined || upperCi998 === null || upperCi998 === undefined) return '';
  return `${formatValue(lowerCi998, unit)} to ${formatValue(upperCi998, unit)}`;
}

/** A count for a table cell. */
export function formatCount(observation: Observation | null): string {
  if (!observation) return '';
  if (observation.suppressed) return suppressedLabel;
  return observation.count === null ? '' : numberFormat.format(observation.count);
}

/** Whether any of these observations are the demo's illustrative samples. */
export function hasSampleData(observations: readonly Observation[]): boolean {
  return observations.some((observation) => observation.source === 'sample');
}
