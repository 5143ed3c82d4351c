import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { tableToCsv, tablesToXlsx } from '../../../client/theoryOfChange/exportSheets.ts';

const hostile = [
  ['Action', 'Budget (GBP)'],
  ['=HYPERLINK("http://evil.example","Click")', 12000],
  ['+1+1', -5],
  ['@SUM(A1)', 0],
  ['Plain, "quoted"\ntext', 1.5],
];

describe('spreadsheet downloads', () => {
  it('writes CSV with a byte order mark and CRLF, quoting what needs it', () => {
    const csv = tableToCsv(hostile);
    expect(csv.startsWith('\uFEFFAction,Budget (GBP)\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows.map((row) => row[0])).toEqual([
      'Action',
      '\'=HYPERLINK("http://evil.example","Click")',
      "'+1+1",
      "'@SUM(A1)",
      'Plain, "quoted"\ntext',
    ]);
    // Numbers are never neutralised: a negative budget stays a number.
    expect(rows.map((row) => row[1])).toEqual(['Budget (GBP)', '12000', '-5', '0', '1.5']);
  });

  it('writes an XLSX workbook with one sheet per table, text as text and numbers as numbers', async () => {
    const blob = await tablesToXlsx([
      { name: 'Offer', table: hostile },
      { name: 'Links', table: [['Link id'], ['abc']] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Offer', 'Links']);
    const offer = workbook.getWorksheet('Offer')!;
    expect(offer.getCell('A2').value).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(offer.getCell('A2').formula).toBeUndefined();
    expect(offer.getCell('B2').value).toBe(12000);
    expect(offer.getRow(1).font?.bold).toBe(true);
  });
});
