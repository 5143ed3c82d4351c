import type { ComparisonMethod, ValueType } from '../../shared/schemas/evidenceMethods.ts';
import type { Polarity } from '../../shared/schemas/framework.ts';
import type { IndicatorMetadata } from '../../shared/schemas/indicatorMetadata.ts';
import type { ColumnSpec } from './columns.ts';
import { readHeadedCsv } from './headedCsv.ts';
import { ProblemList } from './importProblems.ts';

/** One indicator's metadata as read from the file, before it is stored. */
export type IndicatorMetadataDraft = Omit<IndicatorMetadata, 'importedAt'>;

/**
 * The columns of the Fingertips indicator metadata CSV (`indicator_metadata/csv/…`, fingertipsR's
 * `indicator_metadata()`) that we read; the export has some thirty, the rest are ignored. The benchmarking method is
 * not in Fingertips' own metadata CSV (it belongs to a profile's grouping), so it is optional and may be added as a
 * column by hand or from the API.
 */
const metadataColumns = [
  { key: 'indicatorId', name: 'Indicator ID', aliases: ['IndicatorID', 'Indicator Id'], required: true },
  { key: 'name', name: 'Indicator', aliases: ['Indicator Name', 'IndicatorName'] },
  { key: 'definition', name: 'Definition' },
  { key: 'rationale', name: 'Rationale' },
  { key: 'unit', name: 'Unit' },
  { key: 'valueType', name: 'Value type', aliases: ['ValueType'] },
  { key: 'polarity', name: 'Polarity' },
  { key: 'dataSource', name: 'Data source', aliases: ['DataSource', 'Source'] },
  { key: 'frequency', name: 'Frequency' },
  { key: 'ciMethod', name: 'Confidence interval details', aliases: ['CI method', 'Confidence interval method'] },
  {
    key: 'comparisonMethod',
    name: 'Benchmarking method',
    aliases: ['Comparator method', 'Comparison method', 'Benchmark comparison method', 'ComparatorMethod'],
  },
] as const satisfies readonly ColumnSpec<string>[];

// Texts are matched without case, padding (the API pads "RAG - Low is good   ") or the kind of dash.
const normaliseText = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ');

/** Fingertips polarities: RAG (red/amber/green) where low or high is good; BOB (blue/orange/blue) makes no judgement. */
const polarityTexts = new Map<string, Polarity>([
  ['rag - low is good', 'lower-is-better'],
  ['low is good', 'lower-is-better'],
  ['rag - high is good', 'higher-is-better'],
  ['high is good', 'higher-is-better'],
  ['bob - blue orange blue', 'no-judgement'],
  ['blue orange blue', 'no-judgement'],
  ['not applicable', 'no-judgement'],
  ['no judgement', 'no-judgement'],
]);

/** Fingertips value types; those the methods treat alike share a key ('other' is compared but never trend-tested). */
const valueTypeTexts = new Map<string, ValueType>([
  ['proportion', 'proportion'],
  ['percentage', 'proportion'],
  ['crude rate', 'crude-rate'],
  ['directly standardised rate', 'directly-standardised-rate'],
  ['indirectly standardised ratio', 'indirectly-standardised-ratio'],
  ['count', 'count'],
  ['number', 'count'],
  ['mean', 'mean'],
  ['life expectancy', 'life-expectancy'],
  ['score', 'score'],
  ['indirectly standardised rate', 'other'],
  ['indirectly standardised proportion', 'other'],
  ['ratio', 'other'],
  ['rate ratio', 'other'],
  ['median', 'other'],
  ['gap', 'other'],
  ['excess risk', 'other'],
  ['percentage point', 'other'],
  ['slope index of inequality', 'other'],
  ['relative index of inequality', 'other'],
]);

/** Fingertips benchmarking methods; quartiles and the suicide-plan check are Fingertips' own and not applied here. */
const comparisonTexts = new Map<string, ComparisonMethod>([
  ['confidence intervals overlapping reference value (95.0)', 'ci-95'],
  ['confidence intervals overlapping reference value (99.8)', 'ci-99.8'],
  ['confidence intervals overlapping reference value (95.0 & 99.8)', 'ci-95-and-99.8'],
  ['confidence intervals overlapping reference value (95.0 and 99.8)', 'ci-95-and-99.8'],
  ['single overlapping cis for two ci levels', 'ci-95-and-99.8'],
  ['quintiles', 'quintiles'],
  ['no comparison', 'not-compared'],
  ['quartiles', 'not-compared'],
  ['is a suicide prevention plan defined?', 'not-compared'],
]);

/** Longest text kept from any cell: Fingertips definitions and rationales run to a few thousand characters. */
const metadataTextLimit = 10_000;
const clip = (text: string): string => text.slice(0, metadataTextLimit);

/** What reading a metadata file found: the indicators to store, or the problems that refuse the file. */
export interface IndicatorMetadataRead {
  records: IndicatorMetadataDraft[];
  problems: ProblemList;
  rowsRead: number;
  notes: string[];
}

/**
 * Reads a Fingertips indicator metadata CSV, a record at a time: columns matched by name in any order, one row per
 * indicator (an indicator listed twice must say the same). Polarity, value type and benchmarking method texts must
 * be ones Fingertips uses; an empty cell says nothing. Any problem refuses the whole file.
 */
export async function readIndicatorMetadata(file: Uint8Array): Promise<IndicatorMetadataRead> {
  const problems = new ProblemList();
  const records = new Map<string, { record: IndicatorMetadataDraft; row: number }>();
  const notes: string[] = [];
  const notApplied = new Set<string>();
  const { rowsRead, hasHeader } = await readHeadedCsv(file, {
    specs: metadataColumns,
    problems,
    notThisFile: notMetadata,
    skipBlankRows: true,
    onRow: (cell, row) => {
      const fingertipsId = cell('indicatorId');
      if (!/^\d{1,10}$/.test(fingertipsId)) {
        problems.add(
          row,
          'Indicator ID',
          `"${fingertipsId.slice(0, 60)}" is not a Fingertips indicator id (digits only)`,
        );
        return;
      }
      const polarity = readKey(cell('polarity'), polarityTexts);
      if (polarity === undefined) {
        problems.add(row, 'Polarity', unknownText(cell('polarity'), 'polarity'));
      }
      const valueType = readKey(cell('valueType'), valueTypeTexts);
      if (valueType === undefined) {
        problems.add(row, 'Value type', unknownText(cell('valueType'), 'value type'));
      }
      const comparisonMethod = readKey(cell('comparisonMethod'), comparisonTexts);
      if (comparisonMethod === undefined) {
        problems.add(row, 'Benchmarking method', unknownText(cell('comparisonMethod'), 'benchmarking method'));
      }
      if (polarity === undefined || valueType === undefined || comparisonMethod === undefined) return;
      const text = normaliseText(cell('comparisonMethod'));
      if (text === 'quartiles' || text.startsWith('is a suicide')) notApplied.add(fingertipsId);

      const record: IndicatorMetadataDraft = {
        fingertipsId,
        name: clip(cell('name')),
        definition: clip(cell('definition')),
        rationale: clip(cell('rationale')),
        unit: clip(cell('unit')),
        valueTypeText: clip(cell('valueType')),
        valueType,
        polarityText: clip(cell('polarity')),
        polarity,
        dataSource: clip(cell('dataSource')),
        frequency: clip(cell('frequency')),
        ciMethod: clip(cell('ciMethod')),
        comparisonMethodText: clip(cell('comparisonMethod')),
        comparisonMethod,
      };
      const earlier = records.get(fingertipsId);
      if (!earlier) records.set(fingertipsId, { record, row });
      else if (!sameMetadata(earlier.record, record)) {
        problems.add(
          row,
          'Indicator ID',
          `Row ${earlier.row} has metadata for indicator ${fingertipsId} too, and it differs: export one profile's metadata at a time`,
        );
      }
    },
  });
  if (hasHeader && problems.isEmpty && records.size === 0) {
    problems.add(null, null, 'The file has a header but no indicators');
  }
  if (notApplied.size > 0) {
    notes.push(
      `Fingertips compares ${[...notApplied].join(', ')} by quartiles or a yes/no check, which Common Ground does not apply: they are not compared here.`,
    );
  }
  return { records: Array.from(records.values(), (entry) => entry.record), problems, rowsRead, notes };
}

/** The key a text stands for: null for an empty cell (the file says nothing), undefined for a text we do not know. */
function readKey<K>(text: string, known: ReadonlyMap<string, K>): K | null | undefined {
  const normalised = normaliseText(text);
  if (normalised === '') return null;
  return known.get(normalised);
}

/** Texts Fingertips writes, as examples in a problem's message. */
const examples = {
  polarity: '"RAG - Low is good", "RAG - High is good", "BOB - Blue orange blue" or "Not applicable"',
  'value type': '"Proportion", "Crude rate", "Directly standardised rate" or "Count"',
  'benchmarking method':
    '"Confidence intervals overlapping reference value (95.0)", "… (99.8)", "… (95.0 & 99.8)", "Quintiles" or "No comparison"',
} as const;

function unknownText(text: string, what: keyof typeof examples): string {
  return `"${text.slice(0, 80)}" is not a Fingertips ${what} Common Ground knows: expected ${examples[what]}`;
}

function notMetadata(problems: readonly string[]): string {
  return `This does not look like a Fingertips indicator metadata CSV: ${problems.join('; ')}.`;
}

/** Whether two drafts hold the same metadata (a re-import of them changes nothing). */
export function sameMetadata(a: IndicatorMetadataDraft, b: IndicatorMetadataDraft): boolean {
  return (Object.keys(a) as (keyof IndicatorMetadataDraft)[]).every((key) => a[key] === b[key]);
}
