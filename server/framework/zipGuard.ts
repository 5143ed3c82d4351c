import zlib from 'node:zlib';

/** Most bytes an uploaded workbook may unpack to: a 20,000-row framework sheet unpacks to well under this. */
export const maxWorkbookUnpackedBytes = 64 * 1024 * 1024;
/** Most files a workbook may hold (a plain one has about a dozen). */
export const maxWorkbookEntries = 1_000;

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;
const localFileHeader = 0x04034b50;

/**
 * Checks that a ZIP archive (an XLSX workbook) unpacks to at most `maxUnpacked` bytes, by unpacking each entry with
 * a hard output cap before the spreadsheet library unpacks it without one. The sizes an archive declares are not
 * trusted: a "zip bomb" declares small sizes and inflates to gigabytes. Returns why the file is refused, or null.
 */
export function zipUnpackProblem(file: Uint8Array, maxUnpacked = maxWorkbookUnpackedBytes): string | null {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return 'The file is not an XLSX workbook that can be read';
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (entries > maxWorkbookEntries) return `The workbook holds more than ${maxWorkbookEntries} parts`;
  let budget = maxUnpacked;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== centralDirectoryEntry) {
      return 'The file is not an XLSX workbook that can be read';
    }
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const localOffset = bytes.readUInt32LE(at + 42);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);

    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== localFileHeader) {
      return 'The file is not an XLSX workbook that can be read';
    }
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    // ZIP64 marks sizes as 0xFFFFFFFF; no spreadsheet within the upload limit needs it.
    if (compressedSize === 0xffffffff || dataStart + compressedSize > bytes.length) {
      return 'The file is not an XLSX workbook that can be read';
    }
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    let unpacked: number;
    if (method === 0) {
      unpacked = data.length;
    } else if (method === 8) {
      try {
        unpacked = zlib.inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError) return tooBig(maxUnpacked);
        return 'The file is not an XLSX workbook that can be read';
      }
    } else {
      return 'The workbook uses a compression method spreadsheets do not use';
    }
    budget -= unpacked;
    if (budget < 0) return tooBig(maxUnpacked);
  }
  return null;
}

function tooBig(maxUnpacked: number): string {
  return `The workbook unpacks to more than ${maxUnpacked / 1024 / 1024} MB, far more than a framework needs: save it again from your spreadsheet with only the framework sheet, or as CSV`;
}

/** The offset of the end-of-central-directory record, searched backwards past any archive comment; -1 if none. */
function findEndOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === endOfCentralDirectory) return at;
  }
  return -1;
}
