import { AlignmentType, Footer, HeadingLevel, PageNumber, Paragraph, TextRun, type Table } from 'docx';

/** The numbering the agenda uses (declared on the document). */
export const agendaNumbering = 'agenda-numbers';

// A4 in twentieths of a point, with 2 cm margins.
const margin = 1134;

/** The page every Word document we write is set on: A4 with 2 cm margins. */
export const a4Page = {
  size: { width: 11906, height: 16838 },
  margin: { top: margin, bottom: margin, left: margin, right: margin },
};

/** The "Page X of Y" footer, centred, every Word document we write carries. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 18, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** A block of a section: a paragraph or a table. */
export type DocxBlock = Paragraph | Table;

/** A major section's heading: shows in Word's navigation pane and starts a new page unless `newPage` is false. */
export function sectionHeading(text: string, { newPage = true }: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: newPage, keepNext: true, text });
}

/** A heading inside a section. */
export function subheading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text });
}

/** A paragraph of text. */
export function paragraph(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, ...options })] });
}

/** A label in bold followed by its value: "Place: Millbrook Family Hub". */
export function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { after: 80 },
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
  });
}

/** An item of a bulleted list. */
export function bullet(text: string, options: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text, ...options })] });
}

/** What a section says when it has nothing to list. */
export function nothing(text: string): Paragraph {
  return paragraph(text, { italics: true });
}
