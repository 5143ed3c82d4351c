import type { ColumnSpec } from './columns.ts';

/** The columns of our template for local data, as the blank template writes them; aliases accept other spellings. */
export const localTemplateColumns = [
  { key: 'metricId', name: 'Metric id' },
  { key: 'metric', name: 'Metric', aliases: ['Metric name'] },
  { key: 'areaCode', name: 'Area code' },
  { key: 'areaName', name: 'Area name' },
  { key: 'period', name: 'Period', aliases: ['Time period'], required: true },
  { key: 'periodKey', name: 'Period sort key', aliases: ['Time period Sortable'] },
  { key: 'value', name: 'Value', required: true },
  { key: 'lowerCi', name: 'Lower CI (95%)', aliases: ['Lower CI', 'Lower CI 95.0 limit'] },
  { key: 'upperCi', name: 'Upper CI (95%)', aliases: ['Upper CI', 'Upper CI 95.0 limit'] },
  { key: 'count', name: 'Count' },
  { key: 'denominator', name: 'Denominator' },
  { key: 'note', name: 'Note', aliases: ['Value note'] },
  { key: 'categoryType', name: 'Breakdown type', aliases: ['Category Type'] },
  { key: 'category', name: 'Breakdown', aliases: ['Category'] },
] as const satisfies readonly ColumnSpec<string>[];
export type LocalTemplateColumn = (typeof localTemplateColumns)[number]['key'];

/** The header of the blank template. */
export const localTemplateHeader: readonly string[] = localTemplateColumns.map((column) => column.name);

/** How to fill in the template, written on its second sheet (XLSX) so the sheet itself stays machine-readable. */
export const localTemplateGuidance: readonly [string, string][] = [
  [
    'Metric id',
    'The metric id from the framework export or the data mapping export. Or leave it empty and give the metric name.',
  ],
  ['Metric', "The metric's name exactly as in the framework (used when there is no metric id)."],
  ['Area code', "Your partnership's ONS area code, England (E92000001) or your region (E12…). Empty means your area."],
  ['Area name', 'Optional: how the area is shown, e.g. "London region".'],
  ['Period', 'The period the value is for, e.g. 2023/24, 2021 - 23, 2024 Q2 or Mar 2025. Must contain a year.'],
  [
    'Period sort key',
    'Optional: a whole number that sorts periods in time order (worked out from the period if empty).',
  ],
  ['Value', 'The value, a plain number. Leave empty only with a note saying why there is none.'],
  ['Lower CI (95%)', 'Optional: the lower 95% confidence limit. Needed to compare with England.'],
  ['Upper CI (95%)', 'Optional: the upper 95% confidence limit.'],
  ['Count', 'Optional: the number of people or events. Counts under 5 are never shown.'],
  ['Denominator', 'Optional: the population the value is a share or rate of.'],
  ['Note', 'Optional: anything a reader needs to know about the value.'],
  [
    'Breakdown type',
    'Empty for the whole population; otherwise the kind of breakdown, e.g. Ward, Ethnicity, Deprivation decile.',
  ],
  ['Breakdown', 'The group within the breakdown, e.g. the ward name.'],
];
