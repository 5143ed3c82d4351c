import { describe, expect, it } from 'vitest';
import { readFingertipsExport } from '../../../server/evidence/fingertipsImport.ts';
import { buildFingertipsRow, fingertipsCsv, fingertipsPeriod, shuffledColumns } from './fingertipsFactory.ts';

const context = {
  areaCode: 'E09000024',
  metricsByFingertipsId: new Map([
    ['93085', ['metric-smoking']],
    ['90631', ['metric-gld', 'metric-gld-copy']],
  ]),
};
const bytes = (text: string) => new TextEncoder().encode(text);

function standardRows() {
  return [
    ...fingertipsPeriod('2020/21', '20200000', { area: '6.2', region: '5.0', england: '9.6' }),
    ...fingertipsPeriod('2021/22', '20210000', { area: '5.1', region: '4.6', england: '9.1' }),
  ];
}

describe('reading a Fingertips "all data" export', () => {
  it('keeps the area, its region and England, and drops other areas', async () => {
    const read = await readFingertipsExport(bytes(fingertipsCsv(standardRows())), context);
    expect(read.problems.listed).toEqual([]);
    expect(read.rowsRead).toBe(8);
    expect(read.otherAreaRows).toBe(2);
    expect(read.drafts).toHaveLength(6);
    expect(read.areas).toEqual([
      { code: 'E09000024', name: 'Merton', role: 'area' },
      { code: 'E12000007', name: 'London region', role: 'region' },
      { code: 'E92000001', name: 'England', role: 'england' },
    ]);
    const merton = read.drafts.find((d) => d.areaCode === 'E09000024' && d.period === '2021/22');
    expect(merton).toMatchObject({
      metricId: 'metric-smoking',
      periodKey: 20210000,
      value: 5.1,
      lowerCi: 4.3,
      upperCi: 5.9,
      count: 130,
      denominator: 2549,
      categoryType: '',
      source: 'fingertips',
    });
  });

  it('matches columns by name in any order, with a BOM and extra columns, and reads quoted commas', async () => {
    const rows = standardRows().map((row) => ({
      ...row,
      'Indicator Name': 'Smoking, at "delivery"',
      'Area Name': row['Area Name'] === 'Merton' ? 'Merton, London Borough of' : row['Area Name'],
    }));
    const csv = fingertipsCsv(rows, {
      columns: shuffledColumns(['Unused column', 'Another one']),
      byteOrderMark: true,
      newline: '\n',
    });
    const read = await readFingertipsExport(bytes(csv), context);
    expect(read.problems.listed).toEqual([]);
    expect(read.drafts).toHaveLength(6);
    expect(read.areas[0]).toEqual({ code: 'E09000024', name: 'Merton, London Borough of', role: 'area' });
  });

  it('keeps breakdowns, treats an empty category type as the whole population, and a sex as a breakdown', async () => {
    const rows = [
      buildFingertipsRow({ 'Indicator ID': '90631', Sex: 'Persons', 'Category Type': '', Category: '' }),
      buildFingertipsRow({
        'Indicator ID': '90631',
        Sex: 'Persons',
        'Category Type': 'LSOA11 deprivation deciles',
        Category: 'Most deprived decile (IMD2019)',
      }),
      buildFingertipsRow({ 'Indicator ID': '90631', Sex: 'Male', 'Category Type': '', Category: '' }),
    ];
    const read = await readFingertipsExport(bytes(fingertipsCsv(rows)), context);
    expect(read.problems.listed).toEqual([]);
    // Two metrics share the Fingertips id: each gets every row.
    expect(read.drafts).toHaveLength(6);
    const breakdowns = read.drafts.filter((d) => d.metricId === 'metric-gld').map((d) => [d.categoryType, d.category]);
    expect(breakdowns).toEqual([
      ['', ''],
      ['LSOA11 deprivation deciles', 'Most deprived decile (IMD2019)'],
      ['Sex', 'Male'],
    ]);
  });

  it('reports indicators with no metric as skipped, creating nothing for them', async () => {
    const rows = [
      ...standardRows(),
      buildFingertipsRow({ 'Indicator ID': '11111', 'Indicator Name': 'Not in the framework' }),
    ];
    const read = await readFingertipsExport(bytes(fingertipsCsv(rows)), context);
    expect(read.skippedIndicators).toEqual([{ indicatorId: '11111', name: 'Not in the framework', rows: 1 }]);
    expect(read.drafts.every((d) => d.metricId === 'metric-smoking')).toBe(true);
  });

  it('keeps an empty value with its note (Fingertips leaves suppressed values empty)', async () => {
    const rows = [
      buildFingertipsRow({
        Value: '',
        'Lower CI 95.0 limit': '',
        'Upper CI 95.0 limit': '',
        Count: '',
        'Value note': 'Value suppressed for disclosure control',
      }),
    ];
    const read = await readFingertipsExport(bytes(fingertipsCsv(rows)), context);
    expect(read.problems.listed).toEqual([]);
    expect(read.drafts[0]).toMatchObject({ value: null, note: 'Value suppressed for disclosure control' });
  });

  it('refuses a file that is not a Fingertips export, naming the missing columns', async () => {
    const read = await readFingertipsExport(bytes('Domain,Level,Outcome\nSafe,Child,Children are safe\n'), context);
    expect(read.problems.listed[0]!.message).toMatch(
      /does not look like an OHID Fingertips .*"Indicator ID" is missing/,
    );
  });

  it('refuses a truncated file: a row cut short, or a quote left open', async () => {
    const csv = fingertipsCsv(standardRows());
    const cutMidRow = csv.slice(0, csv.lastIndexOf(',', csv.length - 40));
    const short = await readFingertipsExport(bytes(cutMidRow), context);
    expect(short.problems.listed[0]!.message).toMatch(/cells but the header has 27/);
    const openQuote = await readFingertipsExport(bytes(`${csv}93085,"Smoking status at`), context);
    expect(openQuote.problems.listed[0]!.message).toMatch(/quoted cell is never closed/);
  });

  it('refuses values that are not numbers, such as a formula, with the row and column', async () => {
    const rows = [...standardRows()];
    rows[2] = { ...rows[2]!, Value: '=HYPERLINK("http://evil.example","click")' };
    const read = await readFingertipsExport(bytes(fingertipsCsv(rows)), context);
    expect(read.problems.listed.map((problem) => [problem.row, problem.column])).toEqual([[4, 'Value']]);
    expect(read.problems.listed[0]!.message).toMatch(/is not a number/);
  });

  it('refuses rows that repeat a key with different values, naming the age bands', async () => {
    const rows = [buildFingertipsRow({ Age: '0-4 yrs' }), buildFingertipsRow({ Age: '5-9 yrs', Value: '7.0' })];
    const read = await readFingertipsExport(bytes(fingertipsCsv(rows)), context);
    expect(read.problems.listed[0]!.message).toMatch(/another age band \(0-4 yrs and 5-9 yrs\)/);
  });

  it('refuses a file with rows for the indicators but none for the area', async () => {
    const rows = standardRows().filter((row) => row['Area Code'] !== 'E09000024');
    const read = await readFingertipsExport(bytes(fingertipsCsv(rows)), context);
    expect(read.problems.listed[0]!.message).toMatch(/no rows for this partnership's area \(E09000024\)/);
  });

  it('refuses text that is not UTF-8', async () => {
    const latin1 = Uint8Array.from([...bytes(fingertipsCsv([buildFingertipsRow()]).slice(0, 300)), 0xe9, 0x0a]);
    const read = await readFingertipsExport(latin1, context);
    expect(read.problems.listed[0]!.message).toMatch(/not UTF-8/);
  });
});
