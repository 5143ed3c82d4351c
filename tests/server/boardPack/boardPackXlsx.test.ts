import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { boardPackXlsx } from '../../../server/boardPack/boardPackXlsx.ts';
import { buildBoardPack } from '../../fixtures/boardPack.ts';

async function readWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type; at run time it takes Node's Buffer.
  await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values as unknown[];
  return values.slice(1);
}

describe('boardPackXlsx', () => {
  it('has one sheet per table of the pack, each header bold and frozen', async () => {
    const workbook = await readWorkbook(await boardPackXlsx(buildBoardPack()));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Actions',
      'Changes',
      'Decisions',
      'Exceptions',
      'Data agenda',
      'Theory of change gaps',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  it('writes the header rows', async () => {
    const workbook = await readWorkbook(await boardPackXlsx(buildBoardPack()));
    expect(rowValues(workbook.getWorksheet('Actions')!, 1)).toEqual(['Action', 'Owner', 'Due', 'Status', 'Linked to']);
    expect(rowValues(workbook.getWorksheet('Exceptions')!, 1)).toEqual([
      'Metric',
      'Indicator',
      'Domain',
      'Why it is reported',
      'Unit',
      'Period',
      'Millbrook',
      'England',
      'Region',
    ]);
    expect(rowValues(workbook.getWorksheet('Data agenda')!, 1)).toEqual([
      'Metric',
      'Domain',
      'Status',
      'Reason',
      'Next step',
      'Owner',
    ]);
  });

  it('neutralises a cell that would run as a formula', async () => {
    const workbook = await readWorkbook(await boardPackXlsx(buildBoardPack()));
    const cell = workbook.getWorksheet('Actions')!.getCell('A2');
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell.value).toBe("'=Confirm health visitor caseload figures with the ICB");
    expect(rowValues(workbook.getWorksheet('Actions')!, 2).slice(1, 4)).toEqual([
      'Grace Okafor',
      '28 February 2027',
      'In progress',
    ]);
  });

  it('has one exceptions row per metric per period, a suppressed value in words and never its number', async () => {
    const leaky = buildBoardPack();
    leaky.exceptions[1]!.series[2] = { period: '2023/24', area: 4, suppressed: true, england: null, region: null };
    const sheet = (await readWorkbook(await boardPackXlsx(leaky))).getWorksheet('Exceptions')!;
    expect(sheet.rowCount).toBe(1 + 3 + 3);
    expect(rowValues(sheet, 2).slice(5)).toEqual(['2021/22', 63.4, 65.2, 64.1]);
    expect(rowValues(sheet, 7).slice(5)).toEqual(['2023/24', 'suppressed (<5)', 'no data', 'no data']);
  });

  it('lists the changes with the ones needing attention first in their domain', async () => {
    const sheet = (await readWorkbook(await boardPackXlsx(buildBoardPack()))).getWorksheet('Changes')!;
    const rows = [2, 3, 4, 5].map((row) => rowValues(sheet, row).slice(0, 3));
    expect(rows).toEqual([
      ['Outcomes, indicators and metrics', 'No', 'Parents get perinatal mental health support'],
      ['Data mapping', 'No', 'School readiness: phonics check'],
      ['Evidence: comparisons and trends', 'Yes', 'Good level of development at age 5'],
      ['Evidence: comparisons and trends', 'No', 'Breastfeeding at 6 to 8 weeks'],
    ]);
  });
});
