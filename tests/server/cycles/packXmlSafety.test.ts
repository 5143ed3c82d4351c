import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { boardPackDocx } from '../../../server/boardPack/boardPackDocx.ts';
import { boardPackXlsx } from '../../../server/boardPack/boardPackXlsx.ts';
import { xmlSafePack, xmlSafeText } from '../../../server/boardPack/xmlSafe.ts';
import { buildBoardPack } from '../../fixtures/boardPack.ts';

/** A pack whose meeting title and first action hold characters XML 1.0 cannot carry. */
function hostilePack() {
  const pack = buildBoardPack();
  pack.meeting.title = 'Board\u0000 \u0001meeting\uFFFF';
  pack.actions[0] = { ...pack.actions[0]!, text: '\u0001=HYPERLINK("http://evil.example","x")', owner: '\uD800Grace' };
  return pack;
}

describe('the board pack with text XML cannot hold', () => {
  it('removes C0 controls, lone surrogates and non-characters, keeping tabs, line breaks and emoji', () => {
    expect(xmlSafeText('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uDC00g')).toBe('abcdefg');
    expect(xmlSafeText('tab\there\nline\r\n😀 café')).toBe('tab\there\nline\r\n😀 café');
    const pack = hostilePack();
    const safe = xmlSafePack(pack);
    expect(safe.meeting.title).toBe('Board meeting');
    expect(pack.meeting.title).toBe('Board\u0000 \u0001meeting\uFFFF');
  });

  it('writes well-formed parts, and still guards a formula hidden behind a control character', async () => {
    const pack = hostilePack();
    for (const file of [await boardPackDocx(pack), await boardPackXlsx(pack)]) {
      const zip = await JSZip.loadAsync(file);
      for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
        const xml = await zip.file(name)!.async('string');
        expect(xmlSafeText(xml), name).toBe(xml);
      }
    }
    const workbook = new ExcelJS.Workbook();
    const xlsx = await boardPackXlsx(pack);
    await workbook.xlsx.load(xlsx as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const row = workbook.getWorksheet('Actions')!.getRow(2);
    expect(row.getCell(1).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row.getCell(2).value).toBe('Grace');
  });
});
