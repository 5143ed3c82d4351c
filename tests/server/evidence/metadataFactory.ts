import Papa from 'papaparse';

/**
 * The columns of the Fingertips indicator metadata CSV that matter here, as Fingertips names them, plus a few it
 * also writes that the import ignores; "Benchmarking method" is the optional column people add.
 */
export const metadataHeader = [
  'Indicator ID',
  'Indicator',
  'Definition',
  'Rationale',
  'Data source',
  'Methodology',
  'Confidence interval details',
  'Frequency',
  'Unit',
  'Value type',
  'Year type',
  'Polarity',
  'Benchmarking method',
] as const;
export type MetadataColumn = (typeof metadataHeader)[number];
export type MetadataRow = Record<MetadataColumn, string>;

/** Smoking status at time of delivery (93085), as Fingertips describes it, unless overridden. */
export function buildMetadataRow(overrides: Partial<MetadataRow> = {}): MetadataRow {
  return {
    'Indicator ID': '93085',
    Indicator: 'Smoking status at time of delivery',
    Definition: 'Number of mothers known to be smokers at the time of delivery as a percentage of all maternities.',
    Rationale: 'Smoking in pregnancy has well known detrimental effects for the growth and development of the baby.',
    'Data source': 'NHS Digital, Maternity Services Data Set',
    Methodology: 'Numerator over denominator, times 100.',
    'Confidence interval details': 'Wilson Score method',
    Frequency: 'Annual',
    Unit: '%',
    'Value type': 'Proportion',
    'Year type': 'Financial',
    Polarity: 'RAG - Low is good   ',
    'Benchmarking method': 'Confidence intervals overlapping reference value (99.8)',
    ...overrides,
  };
}

/** A metadata export as Fingertips writes it (CRLF, quoted where needed), in any column order, optionally with a BOM. */
export function metadataCsv(
  rows: readonly MetadataRow[],
  shape: { columns?: readonly string[]; byteOrderMark?: boolean } = {},
): string {
  const columns = shape.columns ?? metadataHeader;
  const table = [
    [...columns],
    ...rows.map((row) => columns.map((column) => (column in row ? row[column as MetadataColumn] : ''))),
  ];
  return (shape.byteOrderMark ? '\uFEFF' : '') + Papa.unparse(table, { newline: '\r\n' }) + '\r\n';
}
