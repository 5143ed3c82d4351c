import type { FrameworkRow, Indicator, Metric } from '../../../schemas/framework.ts';
import { polarityLabels, scopeLabels } from '../labels.ts';
import type { Framework, OutcomeSummary } from '../readFramework.ts';
import { ageStageCellLabels, domainCellLabels, levelCellLabels, listSeparator } from './cellFormats.ts';

const emptyOutcome = {
  Domain: '',
  Level: '',
  'Outcome id': '',
  Outcome: '',
  'Outcome description': '',
  'Age stages': '',
  'Outcome scope': '',
  'Outcome template id': '',
};
const emptyIndicator = {
  'Indicator id': '',
  Indicator: '',
  'Indicator definition': '',
  'Indicator scope': '',
  'Indicator template id': '',
};
const emptyMetric = {
  'Metric id': '',
  Metric: '',
  'Metric definition': '',
  Unit: '',
  Polarity: '',
  Source: '',
  'Fingertips id': '',
  Frequency: '',
  Breakdowns: '',
  'Metric scope': '',
  'Metric template id': '',
};

function outcomeCells(outcome: OutcomeSummary | null): typeof emptyOutcome {
  if (!outcome) return emptyOutcome;
  return {
    Domain: domainCellLabels[outcome.domain],
    Level: levelCellLabels[outcome.level],
    'Outcome id': outcome.id,
    Outcome: outcome.statement,
    'Outcome description': outcome.description,
    'Age stages': outcome.ageStages.map((stage) => ageStageCellLabels[stage]).join(listSeparator),
    'Outcome scope': scopeLabels[outcome.scope],
    'Outcome template id': outcome.templateId ?? '',
  };
}

function indicatorCells(indicator: Indicator): typeof emptyIndicator {
  return {
    'Indicator id': indicator.id,
    Indicator: indicator.name,
    'Indicator definition': indicator.definition,
    'Indicator scope': scopeLabels[indicator.scope],
    'Indicator template id': indicator.templateId ?? '',
  };
}

function metricCells(metric: Metric | null): typeof emptyMetric {
  if (!metric) return emptyMetric;
  return {
    'Metric id': metric.id,
    Metric: metric.name,
    'Metric definition': metric.definition,
    Unit: metric.unit,
    Polarity: polarityLabels[metric.polarity],
    Source: metric.source,
    'Fingertips id': metric.fingertipsId ?? '',
    Frequency: metric.frequency,
    Breakdowns: metric.breakdowns.join(listSeparator),
    'Metric scope': scopeLabels[metric.scope],
    'Metric template id': metric.templateId ?? '',
  };
}

/**
 * The framework as spreadsheet rows: one row per metric with its indicator, outcome, domain and level, in grid order.
 * An indicator serving several outcomes is written under each of them with all its metrics, so a sheet filtered to
 * one outcome is complete; the set of outcomes on an indicator's rows is what it serves. Outcomes without indicators,
 * and indicators without metrics, get a row with the missing part blank; unlinked indicators come last, with no outcome.
 */
export function frameworkToRows(framework: Framework): FrameworkRow[] {
  const metricsByIndicator = new Map<string, Metric[]>();
  for (const metric of framework.metrics) {
    metricsByIndicator.set(metric.indicatorId, [...(metricsByIndicator.get(metric.indicatorId) ?? []), metric]);
  }
  const indicatorsByOutcome = new Map<string, Indicator[]>();
  const unlinked: Indicator[] = [];
  for (const indicator of framework.indicators) {
    if (indicator.outcomeIds.length === 0) unlinked.push(indicator);
    for (const outcomeId of indicator.outcomeIds) {
      indicatorsByOutcome.set(outcomeId, [...(indicatorsByOutcome.get(outcomeId) ?? []), indicator]);
    }
  }

  const rows: FrameworkRow[] = [];
  const addIndicatorRows = (outcome: OutcomeSummary | null, indicator: Indicator): void => {
    const metrics = metricsByIndicator.get(indicator.id) ?? [null];
    for (const metric of metrics) {
      rows.push({ ...outcomeCells(outcome), ...indicatorCells(indicator), ...metricCells(metric) });
    }
  };
  for (const outcome of framework.outcomes) {
    const indicators = indicatorsByOutcome.get(outcome.id) ?? [];
    if (indicators.length === 0) rows.push({ ...outcomeCells(outcome), ...emptyIndicator, ...emptyMetric });
    for (const indicator of indicators) addIndicatorRows(outcome, indicator);
  }
  for (const indicator of unlinked) addIndicatorRows(null, indicator);
  return rows;
}
