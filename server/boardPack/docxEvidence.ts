import type { BoardPack, PackException } from '../../shared/schemas/boardPack.ts';
import { docxTable } from './docxTables.ts';
import { bullet, labelled, nothing, paragraph, sectionHeading, subheading, type DocxBlock } from './docxBlocks.ts';
import {
  areaCell,
  calendarDate,
  changeLine,
  changesByDomain,
  dayOf,
  domainWords,
  reviewIsDue,
  seriesCell,
  noDataGapsWords,
} from '../../shared/model/cycles/packWords.ts';

/** What changed since the last meeting: the summary a chair reads first, then the changes by domain. */
export function changesSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [sectionHeading('What changed since the last meeting')];
  const changes = pack.changes;
  if (!changes) {
    return [...blocks, nothing('There is no earlier version of the partnership to compare with yet.')];
  }
  blocks.push(
    paragraph(`Compared with “${changes.since.label}” (${dayOf(changes.since.createdAt)}).`, { italics: true }),
    paragraph(changes.summary),
  );
  if (changes.changes.length === 0) return [...blocks, nothing('Nothing has changed since then.')];
  for (const group of changesByDomain(changes.changes)) {
    blocks.push(subheading(group.label));
    for (const change of group.changes) blocks.push(bullet(changeLine(change), { bold: change.attention }));
  }
  return blocks;
}

/** The current priorities and the decisions behind them, each with the date the board will look again. */
export function prioritiesSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [sectionHeading('Current priorities and decisions'), subheading('Current priorities')];
  if (pack.priorities.length === 0) {
    blocks.push(nothing('The board has not recorded any priorities yet.'));
  } else {
    blocks.push(
      ...docxTable(
        'Current priorities with the date each was agreed and its review date',
        [
          { heading: 'Priority', weight: 5 },
          { heading: 'Kind', weight: 1.5 },
          { heading: 'Agreed', weight: 2 },
          { heading: 'Review by', weight: 2 },
        ],
        pack.priorities.map((priority) => [
          priority.label,
          kindWords(priority.kind),
          dayOf(priority.decidedAt),
          calendarDate(priority.reviewDate),
        ]),
      ),
    );
  }
  blocks.push(subheading('Decisions'));
  if (pack.decisions.length === 0) return [...blocks, nothing('No decisions have been recorded yet.')];
  for (const decision of pack.decisions) {
    const due = reviewIsDue(decision.reviewDate, pack.meeting.startsAt) ? ' (the review date has passed)' : '';
    blocks.push(
      paragraph(decision.roundTitle, { bold: true }),
      paragraph(decision.statement),
      labelled('Agreed priorities', decision.priorities.map((candidate) => candidate.label).join('; ')),
      labelled('Decided', dayOf(decision.decidedAt)),
      labelled('Review by', `${calendarDate(decision.reviewDate)}${due}`),
    );
  }
  return blocks;
}

function kindWords(kind: string): string {
  return kind === '' ? '' : kind[0]!.toUpperCase() + kind.slice(1);
}

function exceptionBlocks(exception: PackException, areaName: string): DocxBlock[] {
  return [
    subheading(exception.metricName),
    labelled('Indicator', exception.indicatorName),
    labelled('Outcomes', exception.outcomeStatements.join('; ') || 'None linked'),
    labelled('Domain', domainWords(exception.domain)),
    labelled('Why it is reported', exception.reasons.join('; ')),
    ...docxTable(
      `${exception.metricName}: ${areaName} against England and the region, by period (latest ${exception.latestPeriod})`,
      [
        { heading: 'Period', weight: 2 },
        { heading: areaName, weight: 2 },
        { heading: 'England', weight: 2 },
        { heading: 'Region', weight: 2 },
      ],
      exception.series.map((row) => [
        row.period,
        areaCell(row, exception.unit),
        seriesCell(row.england, exception.unit),
        seriesCell(row.region, exception.unit),
      ]),
    ),
  ];
}

/** Indicators reported by exception: worse than England or the region, or significantly worsening. */
export function exceptionsSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [
    sectionHeading('Indicators by exception'),
    paragraph('Metrics worse than England or the region, or getting significantly worse.'),
  ];
  if (pack.exceptions.length === 0) return [...blocks, nothing('No indicator is worse than England or worsening.')];
  return [...blocks, ...pack.exceptions.flatMap((exception) => exceptionBlocks(exception, pack.partnership.area))];
}

/** The data development agenda: metrics with missing or partial data, why, and what happens next. */
export function dataAgendaSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [sectionHeading('Data development agenda')];
  if (pack.dataGaps.length === 0) return [...blocks, nothing(noDataGapsWords)];
  return [
    ...blocks,
    ...docxTable(
      'Metrics with missing or partial data, the reason, the next step and its owner',
      [
        { heading: 'Metric', weight: 3 },
        { heading: 'Domain', weight: 1.5 },
        { heading: 'Status', weight: 1.5 },
        { heading: 'Reason', weight: 3 },
        { heading: 'Next step', weight: 3 },
        { heading: 'Owner', weight: 2 },
      ],
      pack.dataGaps.map((gap) => [
        gap.metricName,
        domainWords(gap.domain),
        gap.status,
        gap.reason,
        gap.nextStep,
        gap.owner.trim() || 'No owner',
      ]),
    ),
  ];
}

/** Theory-of-change gaps: outcomes no commissioned action serves, and links that need attention. */
export function tocGapsSection(pack: BoardPack): DocxBlock[] {
  const blocks: DocxBlock[] = [sectionHeading('Theory of change gaps')];
  if (pack.tocGaps.length === 0) return [...blocks, nothing('The theory of change has no gaps.')];
  return [
    ...blocks,
    ...docxTable(
      'Theory of change gaps and what is missing',
      [
        { heading: 'Outcome or link', weight: 1 },
        { heading: 'What is missing', weight: 1 },
      ],
      pack.tocGaps.map((gap) => [gap.label, gap.problem]),
    ),
  ];
}
