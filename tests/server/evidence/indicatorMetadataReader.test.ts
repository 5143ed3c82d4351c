import { describe, expect, it } from 'vitest';
import { readIndicatorMetadata } from '../../../server/evidence/indicatorMetadataImport.ts';
import { buildMetadataRow, metadataCsv, metadataHeader } from './metadataFactory.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a Fingertips indicator metadata CSV', () => {
  it('reads the texts and the keys they stand for', async () => {
    const read = await readIndicatorMetadata(bytes(metadataCsv([buildMetadataRow()])));
    expect(read.problems.listed).toEqual([]);
    expect(read.rowsRead).toBe(1);
    expect(read.records).toEqual([
      {
        fingertipsId: '93085',
        name: 'Smoking status at time of delivery',
        definition: 'Number of mothers known to be smokers at the time of delivery as a percentage of all maternities.',
        rationale:
          'Smoking in pregnancy has well known detrimental effects for the growth and development of the baby.',
        unit: '%',
        valueTypeText: 'Proportion',
        valueType: 'proportion',
        polarityText: 'RAG - Low is good',
        polarity: 'lower-is-better',
        dataSource: 'NHS Digital, Maternity Services Data Set',
        frequency: 'Annual',
        ciMethod: 'Wilson Score method',
        comparisonMethodText: 'Confidence intervals overlapping reference value (99.8)',
        comparisonMethod: 'ci-99.8',
      },
    ]);
  });

  it('matches columns by name in any order and case, with a BOM, aliases and quoted commas', async () => {
    const columns = [...metadataHeader].reverse().map((name) => name.toUpperCase());
    const renamed = columns.map((name) =>
      name === 'BENCHMARKING METHOD'
        ? 'Comparator method'
        : name === 'CONFIDENCE INTERVAL DETAILS'
          ? 'CI method'
          : name,
    );
    const row = buildMetadataRow({ Indicator: 'Smoking, at "delivery"' });
    const values = columns.map((name) => row[metadataHeader.find((column) => column.toUpperCase() === name)!]);
    const csv = '\uFEFF' + metadataCsv([], { columns: renamed }).trimEnd() + '\r\n' + quoteRow(values) + '\r\n';
    const read = await readIndicatorMetadata(bytes(csv));
    expect(read.problems.listed).toEqual([]);
    expect(read.records[0]).toMatchObject({
      name: 'Smoking, at "delivery"',
      ciMethod: 'Wilson Score method',
      comparisonMethod: 'ci-99.8',
    });
  });

  it('maps every polarity, value type and benchmarking method Fingertips writes', async () => {
    const rows = [
      buildMetadataRow({
        'Indicator ID': '1',
        Polarity: 'RAG - High is good',
        'Value type': 'Crude rate',
        'Benchmarking method': 'Confidence intervals overlapping reference value (95.0)',
      }),
      buildMetadataRow({
        'Indicator ID': '2',
        Polarity: 'BOB - Blue orange blue',
        'Value type': 'Directly standardised rate',
        'Benchmarking method': 'Confidence intervals overlapping reference value (95.0 & 99.8)',
      }),
      buildMetadataRow({
        'Indicator ID': '3',
        Polarity: 'Not applicable',
        'Value type': 'Indirectly standardised ratio',
        'Benchmarking method': 'Quintiles',
      }),
      buildMetadataRow({
        'Indicator ID': '4',
        Polarity: 'RAG – Low is good',
        'Value type': 'Life expectancy',
        'Benchmarking method': 'No comparison',
      }),
      buildMetadataRow({ 'Indicator ID': '5', Polarity: '', 'Value type': 'Ratio', 'Benchmarking method': '' }),
    ];
    const read = await readIndicatorMetadata(bytes(metadataCsv(rows)));
    expect(read.problems.listed).toEqual([]);
    expect(read.records.map((r) => [r.fingertipsId, r.polarity, r.valueType, r.comparisonMethod])).toEqual([
      ['1', 'higher-is-better', 'crude-rate', 'ci-95'],
      ['2', 'no-judgement', 'directly-standardised-rate', 'ci-95-and-99.8'],
      ['3', 'no-judgement', 'indirectly-standardised-ratio', 'quintiles'],
      ['4', 'lower-is-better', 'life-expectancy', 'not-compared'],
      ['5', null, 'other', null],
    ]);
  });

  it('refuses unknown texts and bad ids row by row, naming the column', async () => {
    const rows = [
      buildMetadataRow(),
      buildMetadataRow({ 'Indicator ID': 'abc' }),
      buildMetadataRow({ 'Indicator ID': '90631', Polarity: 'Sometimes good' }),
      buildMetadataRow({ 'Indicator ID': '90632', 'Value type': 'Vibes', 'Benchmarking method': 'Coin toss' }),
    ];
    const read = await readIndicatorMetadata(bytes(metadataCsv(rows)));
    expect(read.problems.count).toBe(4);
    expect(read.problems.listed.map((p) => [p.row, p.column])).toEqual([
      [3, 'Indicator ID'],
      [4, 'Polarity'],
      [5, 'Value type'],
      [5, 'Benchmarking method'],
    ]);
    expect(read.problems.listed[1]!.message).toBe(
      '"Sometimes good" is not a Fingertips polarity Common Ground knows: expected "RAG - Low is good", "RAG - High is good", "BOB - Blue orange blue" or "Not applicable"',
    );
  });

  it('refuses a file that is not metadata, and an indicator listed twice with different metadata', async () => {
    const notMetadata = await readIndicatorMetadata(bytes('Area Code,Value\r\nE09000024,5\r\n'));
    expect(notMetadata.problems.listed[0]!.message).toBe(
      'This does not look like a Fingertips indicator metadata CSV: The column "Indicator ID" is missing.',
    );
    const twice = await readIndicatorMetadata(
      bytes(metadataCsv([buildMetadataRow(), buildMetadataRow({ Unit: 'per 1,000' })])),
    );
    expect(twice.problems.listed).toEqual([
      {
        row: 3,
        column: 'Indicator ID',
        message: "Row 2 has metadata for indicator 93085 too, and it differs: export one profile's metadata at a time",
      },
    ]);
  });
});

function quoteRow(values: readonly string[]): string {
  return values.map((value) => `"${value.replace(/"/g, '""')}"`).join(',');
}
