import type ExcelJS from 'exceljs';
import { neutraliseCell } from '../../shared/spreadsheet/formulaInjection.ts';
import type { BoardPack } from '../../shared/schemas/boardPack.ts';
import { loadExcel } from '../spreadsheets/excel.ts';
import { xmlSafePack } from './xmlSafe.ts';
import {
  actionStatusWords,
  areaCell,
  calendarDate,
  changesByDomain,
  dayOf,
  domainWords,
  seriesCell,
} from '../../shared/model/cycles/packWords.ts';

/** One cell: text (made safe so no spreadsheet runs it as a formula) or a number. */
type PackCell = string | number;

/** One sheet of the pack's workbook. */
interface PackSheet {
  name: string;
  columns: readonly { header: string; width: number }[];
  rows: readonly (readonly PackCell[])[];
}

function actionsSheet(pack: BoardPack): PackSheet {
  return {
    name: 'Actions',
    columns: [
      { header: 'Action', width: 60 },
      { header: 'Owner', width: 24 },
      { header: 'Due', width: 18 },
      { header: 'Status', width: 14 },
      { header: 'Linked to', width: 40 },
    ],
    rows: pack.actions.map((action) => [
      action.text,
      action.owner,
      calendarDate(action.dueDate),
      actionStatusWords(action.status),
      action.linkLabel ?? '',
    ]),
  };
}

function changesSheet(pack: BoardPack): PackSheet {
  const groups = changesByDomain(pack.changes?.changes ?? []);
  return {
    name: 'Changes',
    columns: [
      { header: 'Area of the workspace', width: 30 },
      { header: 'Needs attention', width: 16 },
      { header: 'What changed', width: 40 },
      { header: 'Change', width: 70 },
      { header: 'By', width: 22 },
    ],
    rows: groups.flatMap((group) =>
      group.changes.map((change) => [
        group.label,
        change.attention ? 'Yes' : 'No',
        change.entity.label,
        change.words,
        change.by?.name ?? '',
      ]),
    ),
  };
}

function decisionsSheet(pack: BoardPack): PackSheet {
  return {
    name: 'Decisions',
    columns: [
      { header: 'Round', width: 30 },
      { header: 'Statement', width: 60 },
      { header: 'Agreed priorities', width: 60 },
      { header: 'Decided', width: 18 },
      { header: 'Review by', width: 18 },
    ],
    rows: pack.decisions.map((decision) => [
      decision.roundTitle,
      decision.statement,
      decision.priorities.map((candidate) => candidate.label).join('; '),
      dayOf(decision.decidedAt),
      calendarDate(decision.reviewDate),
    ]),
  };
}

function exceptionsSheet(pack: BoardPack): PackSheet {
  // Numbers stay numbers so the board's analysts can chart them; a suppressed value is the words, never a number.
  const value = (number: number | null): PackCell => number ?? 'no data';
  return {
    name: 'Exceptions',
    columns: [
      { header: 'Metric', width: 40 },
      { header: 'Indicator', width: 30 },
      { header: 'Domain', width: 14 },
      { header: 'Why it is reported', width: 50 },
      { header: 'Unit', width: 10 },
      { header: 'Period', width: 12 },
      { header: pack.partnership.area, width: 16 },
      { header: 'England', width: 12 },
      { header: 'Region', width: 12 },
    ],
    rows: pack.exceptions.flatMap((exception) =>
      exception.series.map((row) => [
        exception.metricName,
        exception.indicatorName,
        domainWords(exception.domain),
        exception.reasons.join('; '),
        exception.unit,
        row.period,
        row.suppressed ? areaCell(row, exception.unit) : value(row.area),
        row.england === null ? seriesCell(null, exception.unit) : row.england,
        row.region === null ? seriesCell(null, exception.unit) : row.region,
      ]),
    ),
  };
}

function dataAgendaSheet(pack: BoardPack): PackSheet {
  return {
    name: 'Data agenda',
    columns: [
      { header: 'Metric', width: 40 },
      { header: 'Domain', width: 14 },
      { header: 'Status', width: 12 },
      { header: 'Reason', width: 50 },
      { header: 'Next step', width: 50 },
      { header: 'Owner', width: 24 },
    ],
    rows: pack.dataGaps.map((gap) => [
      gap.metricName,
      domainWords(gap.domain),
      gap.status,
      gap.reason,
      gap.nextStep,
      gap.owner,
    ]),
  };
}

function tocGapsSheet(pack: BoardPack): PackSheet {
  return {
    name: 'Theory of change gaps',
    columns: [
      { header: 'Outcome or link', width: 60 },
      { header: 'What is missing', width: 60 },
    ],
    rows: pack.tocGaps.map((gap) => [gap.label, gap.problem]),
  };
}

function addSheet(workbook: ExcelJS.Workbook, spec: PackSheet): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => ({ width: column.width }));
  const safe = (cell: PackCell) => (typeof cell === 'string' ? neutraliseCell(cell) : cell);
  sheet.addRow(spec.columns.map((column) => safe(column.header)));
  for (const row of spec.rows) sheet.addRow(row.map(safe));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
}

/** The board pack's tables as an XLSX workbook: one sheet each, header bold and frozen, no cell run as a formula. */
export async function boardPackXlsx(written: BoardPack): Promise<Buffer> {
  const pack = xmlSafePack(written);
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Common Ground';
  workbook.title = `${pack.meeting.title} – board pack tables`;
  for (const sheet of [actionsSheet, changesSheet, decisionsSheet, exceptionsSheet, dataAgendaSheet, tocGapsSheet]) {
    addSheet(workbook, sheet(pack));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
