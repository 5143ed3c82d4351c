import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  addOutcome,
  frameworkToRows,
  planFrameworkImport,
  readFramework,
} from '../../../shared/model/framework/index.ts';
import { applyTemplate } from '../../../shared/templates/index.ts';
import { frameworkSheetName, frameworkToXlsx, parseFrameworkXlsx } from '../../../server/framework/index.ts';
import { buildIndicator, buildMetric, buildOutcome } from '../../shared/model/framework/factories.ts';

async function importInto(doc: Y.Doc, file: Uint8Array): Promise<void> {
  const parsed = await parseFrameworkXlsx(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const plan = planFrameworkImport(doc, parsed.rows);
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  plan.apply(doc);
}

async function workbookFrom(table: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of table) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('framework XLSX', () => {
  it('round-trips the default template: export, import, export gives the same rows', async () => {
    const source = new Y.Doc();
    applyTemplate(source, 'common-outcomes');
    const rows = frameworkToRows(readFramework(source));
    const exported = await frameworkToXlsx(rows);
    const parsed = await parseFrameworkXlsx(exported);
    expect(parsed).toEqual({ ok: true, rows });
    const copy = new Y.Doc();
    await importInto(copy, exported);
    const again = await parseFrameworkXlsx(await frameworkToXlsx(frameworkToRows(readFramework(copy))));
    expect(again).toEqual({ ok: true, rows });
  });

  it('writes every cell as text and neutralises would-be formulas', async () => {
    const doc = new Y.Doc();
    const outcome = addOutcome(doc, buildOutcome({ statement: '=1+1' }));
    const indicator = addIndicator(doc, buildIndicator({ name: '@cmd', outcomeIds: [outcome] }));
    addMetric(doc, buildMetric(indicator, { name: "'-already", fingertipsId: '90631' }));
    const rows = frameworkToRows(readFramework(doc));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await frameworkToXlsx(rows)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet(frameworkSheetName)!;
    const values = sheet.getRow(2).values as ExcelJS.CellValue[];
    expect(values).toContain("'=1+1");
    expect(values).toContain("'@cmd");
    expect(values).toContain("''-already");
    expect(values).toContain('90631');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String)));
    const copy = new Y.Doc();
    await importInto(copy, await frameworkToXlsx(rows));
    expect(frameworkToRows(readFramework(copy))).toEqual(rows);
  });

  it('reads a hand-made workbook: any column order, numbers, rich text and formula results', async () => {
    const file = await workbookFrom([
      ['Metric', 'Fingertips id', 'Outcome', 'Indicator', 'Domain', 'Level'],
      [
        'GLD',
        90631,
        { richText: [{ text: 'Children start school ' }, { text: 'ready', font: { bold: true } }] },
        { formula: 'CONCAT("Good level ","of development")', result: 'Good level of development' },
        'Learning',
        'child',
      ],
    ]);
    const doc = new Y.Doc();
    await importInto(doc, file);
    const framework = readFramework(doc);
    expect(framework.outcomes[0]?.statement).toBe('Children start school ready');
    expect(framework.indicators[0]?.name).toBe('Good level of development');
    expect(framework.metrics[0]).toMatchObject({ name: 'GLD', fingertipsId: '90631' });
  });

  it('reports row and column of bad cells, counting as the spreadsheet does', async () => {
    const file = await workbookFrom([
      ['Domain', 'Level', 'Outcome', 'Indicator', 'Metric'],
      ['Safe', 'child', 'Children are safe', 'Injuries', 'Admissions'],
      [],
      ['Safe', 'the moon', 'Children are safe elsewhere', 'Injuries', 'Admissions'],
    ]);
    const parsed = await parseFrameworkXlsx(file);
    if (!parsed.ok) throw new Error('the file should parse');
    const plan = planFrameworkImport(new Y.Doc(), parsed.rows);
    expect(plan.ok ? [] : plan.errors.map(({ row, column }) => ({ row, column }))).toEqual([
      { row: 4, column: 'Level' },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    const parsed = await parseFrameworkXlsx(new TextEncoder().encode('Domain,Level\n'));
    expect(parsed).toMatchObject({
      ok: false,
      errors: [{ row: null, message: expect.stringMatching(/not an XLSX/) as string }],
    });
  });
});
