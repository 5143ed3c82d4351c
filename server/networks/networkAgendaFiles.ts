import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import {
  networkAgendaBlocks,
  networkAgendaHeader,
  networkAgendaRows,
  type AgendaBlock,
} from '../../shared/model/network/networkDataAgendaExport.ts';
import type { NetworkDataAgenda } from '../../shared/schemas/networks.ts';
import { a4Page, bullet, pageNumberFooter, paragraph, subheading, type DocxBlock } from '../boardPack/docxBlocks.ts';
import { docxTable } from '../boardPack/docxTables.ts';
import { xmlSafeText } from '../boardPack/xmlSafe.ts';
import { sheetsToXlsx, tableToCsv } from '../evidence/spreadsheetWriters.ts';

/** A file to download: its bytes, media type and the name it is saved under. */
export interface AgendaFile {
  body: string | Uint8Array<ArrayBuffer>;
  mediaType: string;
  fileName: string;
}

export type AgendaFormat = 'csv' | 'xlsx' | 'docx';

const mediaTypes: Readonly<Record<AgendaFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const widths = [40, 30, 16, 14, 10, 14, 10, 10, 14, 60, 40, 60];

/** `network-data-agenda-london-family-hubs.xlsx`: a safe ASCII name from the network's name. */
export function agendaFileName(networkName: string, format: AgendaFormat): string {
  const slug =
    networkName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'network';
  return `network-data-agenda-${slug}.${format}`;
}

function docxBlock(block: AgendaBlock): DocxBlock[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, text: block.text })];
    case 'heading':
      return [subheading(block.text)];
    case 'paragraph':
      return [paragraph(block.text, { italics: block.italics ?? false })];
    case 'bullet':
      return [bullet(block.text)];
    case 'table':
      return docxTable(block.caption, block.columns, block.rows);
  }
}

/** Every string of a block with the characters Office XML cannot hold removed. */
function xmlSafeBlock(block: AgendaBlock): AgendaBlock {
  switch (block.kind) {
    case 'table':
      return {
        ...block,
        caption: xmlSafeText(block.caption),
        columns: block.columns.map((column) => ({ ...column, heading: xmlSafeText(column.heading) })),
        rows: block.rows.map((row) => row.map(xmlSafeText)),
      };
    default:
      return { ...block, text: xmlSafeText(block.text) };
  }
}

async function agendaDocx(agenda: NetworkDataAgenda, networkName: string): Promise<Uint8Array<ArrayBuffer>> {
  const blocks = networkAgendaBlocks(agenda, networkName).map(xmlSafeBlock);
  const font = 'Arial';
  const document = new Document({
    creator: 'Common Ground',
    title: `${xmlSafeText(networkName)} – shared data development agenda`,
    styles: {
      default: {
        document: { run: { font, size: 22 } },
        title: { run: { font, size: 40, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font, size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections: [
      {
        properties: { page: a4Page },
        footers: {
          default: pageNumberFooter(),
        },
        children: blocks.flatMap(docxBlock),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The network's data agenda as CSV, XLSX (formula cells neutralised) or a Word document. */
export async function agendaFile(
  agenda: NetworkDataAgenda,
  networkName: string,
  format: AgendaFormat,
): Promise<AgendaFile> {
  const fileName = agendaFileName(networkName, format);
  const rows = networkAgendaRows(agenda);
  const body =
    format === 'csv'
      ? tableToCsv(networkAgendaHeader, rows)
      : format === 'xlsx'
        ? // exceljs writes the XML itself but cannot write a character XML 1.0 forbids.
          ((await sheetsToXlsx([
            {
              name: 'Data agenda',
              header: networkAgendaHeader,
              rows: rows.map((row) => row.map(xmlSafeText)),
              widths,
            },
          ])) as Uint8Array<ArrayBuffer>)
        : await agendaDocx(agenda, networkName);
  return { body, mediaType: mediaTypes[format], fileName };
}
