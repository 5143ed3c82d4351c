import { AlignmentType, Document, Header, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import type { BoardPack } from '../../shared/schemas/boardPack.ts';
import { a4Page, agendaNumbering, pageNumberFooter } from './docxBlocks.ts';
import {
  changesSection,
  dataAgendaSection,
  exceptionsSection,
  prioritiesSection,
  tocGapsSection,
} from './docxEvidence.ts';
import { actionsSection, agendaSection, attendeesSection, coverSection, minutesSection } from './docxSections.ts';
import { meetingDateTime } from '../../shared/model/cycles/packWords.ts';
import { xmlSafePack } from './xmlSafe.ts';

const font = 'Arial';

/**
 * The board pack as a Word document, the form councils circulate papers in: every section under a real heading
 * (Word's navigation pane lists them), the meeting on every page's header, "Page X of Y" in the footer, table headers
 * repeated on each page a table runs onto.
 */
export async function boardPackDocx(written: BoardPack): Promise<Buffer> {
  const pack = xmlSafePack(written);
  const runningHeader = `${pack.meeting.title} · ${pack.partnership.name}`;
  const document = new Document({
    creator: 'Common Ground',
    title: `${pack.meeting.title} – board pack`,
    description: `Board pack for ${pack.partnership.name}, ${meetingDateTime(pack.meeting.startsAt)}`,
    styles: {
      default: {
        document: { run: { font, size: 22 } },
        title: { run: { font, size: 48, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font, size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { font, size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: agendaNumbering,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: a4Page },
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [new TextRun({ text: runningHeader, size: 18 })] })],
          }),
        },
        footers: {
          default: pageNumberFooter(),
        },
        children: [
          ...coverSection(pack),
          ...agendaSection(pack),
          ...attendeesSection(pack),
          ...minutesSection(pack),
          ...actionsSection(pack),
          ...changesSection(pack),
          ...prioritiesSection(pack),
          ...exceptionsSection(pack),
          ...dataAgendaSection(pack),
          ...tocGapsSection(pack),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
