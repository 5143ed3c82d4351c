import Papa from 'papaparse';

/** The columns of a real OHID Fingertips "all data" CSV export, in the order Fingertips writes them. */
export const fingertipsHeader = [
  'Indicator ID',
  'Indicator Name',
  'Parent Code',
  'Parent Name',
  'Area Code',
  'Area Name',
  'Area Type',
  'Sex',
  'Age',
  'Category Type',
  'Category',
  'Time period',
  'Value',
  'Lower CI 95.0 limit',
  'Upper CI 95.0 limit',
  'Lower CI 99.8 limit',
  'Upper CI 99.8 limit',
  'Count',
  'Denominator',
  'Value note',
  'Recent Trend',
  'Compared to England value or percentiles',
  'Compared to London region value or percentiles',
  'Time period Sortable',
  'New data',
  'Compared to goal',
  'Time period range',
] as const;
export type FingertipsColumn = (typeof fingertipsHeader)[number];
export type FingertipsRow = Record<FingertipsColumn, string>;

/** One row of an export: the area is Merton (a London borough) unless overridden. */
export function buildFingertipsRow(overrides: Partial<FingertipsRow> = {}): FingertipsRow {
  return {
    'Indicator ID': '93085',
    'Indicator Name': 'Smoking status at time of delivery',
    'Parent Code': 'E12000007',
    'Parent Name': 'London region',
    'Area Code': 'E09000024',
    'Area Name': 'Merton',
    'Area Type': 'Counties & UAs (from Apr 2023)',
    Sex: 'Female',
    Age: 'All ages',
    'Category Type': '',
    Category: '',
    'Time period': '2021/22',
    Value: '5.1',
    'Lower CI 95.0 limit': '4.3',
    'Upper CI 95.0 limit': '6.0',
    'Lower CI 99.8 limit': '3.9',
    'Upper CI 99.8 limit': '6.6',
    Count: '130',
    Denominator: '2549',
    'Value note': '',
    'Recent Trend': 'Cannot be calculated',
    'Compared to England value or percentiles': 'Better 95%',
    'Compared to London region value or percentiles': 'Similar',
    'Time period Sortable': '20210000',
    'New data': '',
    'Compared to goal': '',
    'Time period range': '1y',
    ...overrides,
  };
}

/** Rows for one period of one indicator: the area, its region, England, and a borough the import must drop. */
export function fingertipsPeriod(
  period: string,
  sortable: string,
  values: { area: string; region: string; england: string },
  overrides: Partial<FingertipsRow> = {},
): FingertipsRow[] {
  const common = { 'Time period': period, 'Time period Sortable': sortable, ...overrides };
  return [
    buildFingertipsRow({
      ...common,
      Value: values.england,
      'Lower CI 95.0 limit': '',
      'Upper CI 95.0 limit': '',
      'Area Code': 'E92000001',
      'Area Name': 'England',
      'Area Type': 'England',
      'Parent Code': '',
      'Parent Name': '',
    }),
    buildFingertipsRow({
      ...common,
      Value: values.region,
      'Area Code': 'E12000007',
      'Area Name': 'London region',
      'Area Type': 'Region',
      'Parent Code': 'E92000001',
      'Parent Name': 'England',
    }),
    buildFingertipsRow({ ...common, Value: values.area, ...ciAround(values.area) }),
    buildFingertipsRow({ ...common, 'Area Code': 'E09000001', 'Area Name': 'City of London' }),
  ];
}

/**
 * A small realistic export: smoking at time of delivery over three years for the area, its region and England, and
 * one small-count ward row of school readiness (which displays must suppress).
 */
export function smokingAndWardRows(): FingertipsRow[] {
  return [
    ...fingertipsPeriod('2019/20', '20190000', { area: '6.8', region: '5.6', england: '10.4' }),
    ...fingertipsPeriod('2020/21', '20200000', { area: '6.2', region: '5.0', england: '9.6' }),
    ...fingertipsPeriod('2021/22', '20210000', { area: '5.1', region: '4.6', england: '9.1' }),
    buildFingertipsRow({
      'Indicator ID': '90631',
      'Indicator Name': 'School readiness, GLD',
      Sex: 'Persons',
      'Category Type': 'Ward',
      Category: 'Abbey, north',
      Count: '3',
      Value: '42.9',
    }),
  ];
}

function ciAround(value: string): Partial<FingertipsRow> {
  const number = Number(value);
  return { 'Lower CI 95.0 limit': (number - 0.8).toFixed(1), 'Upper CI 95.0 limit': (number + 0.8).toFixed(1) };
}

export interface CsvShape {
  /** Column order; defaults to Fingertips' own. Extra names become extra columns. */
  columns?: readonly string[];
  byteOrderMark?: boolean;
  newline?: '\r\n' | '\n';
}

/** An export as Fingertips writes it (CRLF, quoted where needed), optionally shuffled, with a BOM, or extra columns. */
export function fingertipsCsv(rows: readonly FingertipsRow[], shape: CsvShape = {}): string {
  const columns = shape.columns ?? fingertipsHeader;
  const table = [
    [...columns],
    ...rows.map((row) => columns.map((column) => (column in row ? row[column as FingertipsColumn] : 'extra'))),
  ];
  const text = Papa.unparse(table, { newline: shape.newline ?? '\r\n' }) + (shape.newline ?? '\r\n');
  return (shape.byteOrderMark ? '\uFEFF' : '') + text;
}

/** The columns in a shuffled order (deterministic), with extra columns that the import must ignore. */
export function shuffledColumns(extra: readonly string[] = []): string[] {
  const columns = [...fingertipsHeader, ...extra];
  // A fixed permutation: reversed pairs, so every column moves.
  const shuffled: string[] = [];
  for (let i = columns.length - 1; i >= 0; i -= 2) shuffled.push(columns[i]!);
  for (let i = columns.length - 2; i >= 0; i -= 2) shuffled.push(columns[i]!);
  return shuffled;
}
