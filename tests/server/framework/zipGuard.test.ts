import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplate } from '../../../shared/templates/index.ts';
import { frameworkToRows, readFramework } from '../../../shared/model/framework/index.ts';
import { frameworkToXlsx, parseFrameworkXlsx, zipUnpackProblem } from '../../../server/framework/index.ts';

/** A one-entry ZIP whose headers declare `declaredSize` bytes but whose data inflate to `content`. */
function zipWithLyingSizes(content: Buffer, declaredSize: number): Uint8Array {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = zlib.deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

describe('XLSX unpacked-size guard', () => {
  it('passes a real workbook (the default template exported)', async () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'common-outcomes');
    const workbook = await frameworkToXlsx(frameworkToRows(readFramework(doc)));
    expect(zipUnpackProblem(workbook)).toBeNull();
    expect(zipUnpackProblem(workbook, 10_000)).toMatch(/unpacks to more than/);
  });

  it('refuses a zip bomb that declares a small size but inflates past the limit, before exceljs sees it', async () => {
    // 80 MB of zeros deflate to about 80 KB: well under the upload limit.
    const bomb = zipWithLyingSizes(Buffer.alloc(80 * 1024 * 1024), 100);
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect(zipUnpackProblem(bomb)).toMatch(/unpacks to more than 64 MB/);
    const parsed = await parseFrameworkXlsx(bomb);
    expect(parsed.ok).toBe(false);
  });

  it('reports truncated or foreign files as unreadable rather than throwing', () => {
    expect(zipUnpackProblem(new TextEncoder().encode('Domain,Level\n'))).toMatch(/not an XLSX workbook/);
    const small = zipWithLyingSizes(Buffer.from('<worksheet/>'), 12);
    expect(zipUnpackProblem(small)).toBeNull();
    expect(zipUnpackProblem(small.subarray(0, small.length - 30))).toMatch(/not an XLSX workbook/);
  });
});
