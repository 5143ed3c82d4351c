import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { BoardPack } from '../../shared/schemas/boardPack.ts';
import { docxTable } from './docxTables.ts';
import {
  agendaNumbering,
  labelled,
  nothing,
  paragraph,
  sectionHeading,
  subheading,
  type DocxBlock,
} from './docxBlocks.ts';
import {
  actionStatusWords,
  agendaItemReason,
  agendaItemTitle,
  attendeesByOrganisation,
  calendarDate,
  dayOf,
  meetingDateTime,
  suppressionNote,
} from '../../shared/model/cycles/packWords.ts';

/** The cover: whose board, which meeting, when and where; and the suppression rule the whole pack follows. */
export function coverSection(pack: BoardPack): DocxBlock[] {
  const { meeting, partnership } = pack;
  return [
    new Paragraph({
      spacing: { before: 2400, after: 240 },
      children: [new TextRun({ text: partnership.name, size: 32 })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: meeting.title }),
    paragraph('Board pack', { bold: true }),
    labelled('Date and time', meetingDateTime(meeting.startsAt)),
    labelled('Place', meeting.place.trim() || 'To be confirmed'),
    labelled('Area', partnership.area),
    labelled('Pack produced', dayOf(pack.generatedAt)),
    paragraph(suppressionNote(pack.smallCountThreshold), { italics: true }),
  ];
}

/** The agenda, numbered; a decision back for review says why, in words. */
export function agendaSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [sectionHeading('Agenda')];
  if (pack.agenda.length === 0) return [...blocks, nothing('The agenda has no items yet.')];
  for (const item of pack.agenda) {
    blocks.push(new Paragraph({ numbering: { reference: agendaNumbering, level: 0 }, text: agendaItemTitle(item) }));
    const reason = agendaItemReason(item);
    if (reason) {
      blocks.push(
        new Paragraph({
          indent: { left: 720 },
          spacing: { after: 120 },
          children: [new TextRun({ text: reason, italics: true })],
        }),
      );
    }
  }
  return blocks;
}

function attendeeBlocks(attendees: BoardPack['attendees'], none: string): DocxBlock[] {
  if (attendees.length === 0) return [nothing(none)];
  return attendeesByOrganisation(attendees).map(({ organisation, names }) => labelled(organisation, names.join(', ')));
}

/** Who is attending, by the organisation each represents. */
export function attendeesSection(pack: BoardPack): DocxBlock[] {
  return [
    sectionHeading('Attendees', { newPage: false }),
    ...attendeeBlocks(pack.attendees, 'No attendance has been recorded for this meeting yet.'),
  ];
}

/** The minutes of the last meeting (and of this one, when the pack is printed after it). */
export function minutesSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [sectionHeading('Minutes of the last meeting')];
  const previous = pack.previousMeeting;
  if (!previous) {
    blocks.push(nothing('This is the board’s first meeting in Common Ground: there are no earlier minutes.'));
  } else {
    blocks.push(
      subheading(`${previous.meeting.title}, ${meetingDateTime(previous.meeting.startsAt)}`),
      labelled('Place', previous.meeting.place.trim() || 'Not recorded'),
      paragraph('Attended', { bold: true }),
      ...attendeeBlocks(previous.attendees, 'No attendance was recorded.'),
      paragraph('Minutes', { bold: true }),
      ...(previous.minutes.length > 0
        ? previous.minutes.map((text) => paragraph(text))
        : [nothing('No minutes were written.')]),
    );
  }
  if (pack.minutes.length > 0) {
    blocks.push(
      subheading(`Minutes of this meeting: ${pack.meeting.title}`),
      ...pack.minutes.map((text) => paragraph(text)),
    );
  }
  return blocks;
}

/** The actions log: every action that carries from meeting to meeting until it is done. */
export function actionsSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [sectionHeading('Actions log')];
  if (pack.actions.length === 0) return [...blocks, nothing('There are no actions in the log.')];
  const rows = pack.actions.map((action) => [
    action.linkLabel ? `${action.text}\nLinked to: ${action.linkLabel}` : action.text,
    action.owner.trim() || 'No owner',
    action.dueDate ? calendarDate(action.dueDate) : 'No due date',
    actionStatusWords(action.status),
  ]);
  return [
    ...blocks,
    ...docxTable(
      'Actions log: action, owner, due date and status',
      [
        { heading: 'Action', weight: 5 },
        { heading: 'Owner', weight: 2 },
        { heading: 'Due', weight: 2 },
        { heading: 'Status', weight: 1.5 },
      ],
      rows,
    ),
  ];
}
