import { suppressedLabel } from '../../shared/model/evidence/suppression.ts';
import type { Observation } from '../../shared/schemas/observations.ts';
import { spreadsheetMediaTypes } from './limits.ts';
import { localTemplateGuidance, localTemplateHeader } from './localTemplate.ts';
import { sheetsToXlsx, tableToCsv } from './spreadsheetWriters.ts';

/** A spreadsheet ready to download. */
export interface DownloadFile {
  fileName: string;
  mediaType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const sourceLabels: Record<Observation['source'], string> = {
  fingertips: 'OHID Fingertips',
  local: 'Local data',
  sample: 'Sample data (illustrative, not real)',
};

// The template's columns, then where each row came from: an export can be edited and imported back as local data.
const exportHeader = [...localTemplateHeader, 'Source'];

function numberCell(value: number | null, suppressed: boolean): string {
  if (suppressed) return suppressedLabel;
  return value === null ? '' : String(value);
}

/** Observations as rows of the export (the server has already suppressed small counts; this writes the words). */
export function observationRows(items: readonly { observation: Observation; metricName: string }[]): string[][] {
  return items.map(({ observation: o, metricName }) => [
    o.metricId,
    metricName,
    o.areaCode,
    o.areaName,
    o.period,
    String(o.periodKey),
    numberCell(o.value, o.suppressed),
    numberCell(o.lowerCi, o.suppressed),
    numberCell(o.upperCi, o.suppressed),
    numberCell(o.count, o.suppressed),
    // The denominator alone gives nothing away once value and count are gone.
    o.denominator === null ? '' : String(o.denominator),
    o.note,
    o.categoryType,
    o.category,
    sourceLabels[o.source],
  ]);
}

/** Every observation as a CSV or XLSX download. */
export async function observationsFile(
  items: readonly { observation: Observation; metricName: string }[],
  format: 'csv' | 'xlsx',
  partnershipId: string,
): Promise<DownloadFile> {
  const rows = observationRows(items);
  const fileName = `observations-${partnershipId}-${new Date().toISOString().slice(0, 10)}.${format}`;
  if (format === 'csv') return { fileName, mediaType: spreadsheetMediaTypes.csv, body: tableToCsv(exportHeader, rows) };
  const body = await sheetsToXlsx([{ name: 'Observations', header: exportHeader, rows }]);
  return { fileName, mediaType: spreadsheetMediaTypes.xlsx, body: body as Uint8Array<ArrayBuffer> };
}

/** The blank template for local data: the header only (CSV), or the header with a guidance sheet (XLSX). */
export async function templateFile(format: 'csv' | 'xlsx'): Promise<DownloadFile> {
  const fileName = `local-data-template.${format}`;
  if (format === 'csv')
    return { fileName, mediaType: spreadsheetMediaTypes.csv, body: tableToCsv(localTemplateHeader, []) };
  const body = await sheetsToXlsx([
    { name: 'Observations', header: localTemplateHeader, rows: [] },
    {
      name: 'How to fill this in',
      header: ['Column', 'What to put in it'],
      rows: localTemplateGuidance.map(([column, text]) => [column, text]),
      widths: [20, 110],
    },
  ]);
  return { fileName, mediaType: spreadsheetMediaTypes.xlsx, body: body as Uint8Array<ArrayBuffer> };
}
