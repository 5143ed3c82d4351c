import { Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** The width of the text on an A4 page with the pack's margins, in twentieths of a point. */
export const textWidthTwips = 11906 - 2 * 1134;

/** One column of a pack table: its heading and its share of the page width. */
export interface DocxColumn {
  heading: string;
  weight: number;
}

const headerFill = 'E6E6E6';

function cell(text: string, header: boolean): TableCell {
  // A cell's lines are paragraphs of their own, so minutes and reasons keep their line breaks.
  const lines = text === '' ? [''] : text.split('\n');
  return new TableCell({
    children: lines.map(
      (line) => new Paragraph({ keepLines: true, children: [new TextRun({ text: line, bold: header })] }),
    ),
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: headerFill, color: 'auto' } } : {}),
  });
}

/**
 * A table with a header row that Word repeats at the top of every page it runs onto; no row is split across a page.
 * The caption is a bold paragraph kept with the table, so it never ends one page with the table on the next.
 */
export function docxTable(caption: string, columns: readonly DocxColumn[], rows: readonly (readonly string[])[]) {
  const total = columns.reduce((sum, column) => sum + column.weight, 0);
  const columnWidths = columns.map((column) => Math.floor((textWidthTwips * column.weight) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column) => cell(column.heading, true)),
  });
  const body = rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text) => cell(text, false)) }));
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 160, after: 80 },
      children: [new TextRun({ text: caption, bold: true })],
    }),
    new Table({
      rows: [header, ...body],
      columnWidths,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      width: { size: textWidthTwips, type: WidthType.DXA },
    }),
  ];
}
