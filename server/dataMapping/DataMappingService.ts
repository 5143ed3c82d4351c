import {
  applyDataMappingImport,
  dataMappingToRows,
  metricContexts,
  planDataMappingImport,
  readDataMapping,
} from '../../shared/model/dataMapping/index.ts';
import { readFramework } from '../../shared/model/framework/index.ts';
import {
  dataMappingColumns,
  type DataMappingColumn,
  type DataMappingImportReport,
  type DataMappingRow,
} from '../../shared/schemas/dataMapping.ts';
import { restoreCell } from '../../shared/spreadsheet/formulaInjection.ts';
import type { Principal } from '../auth/Principal.ts';
import { zipUnpackProblem } from '../framework/zipGuard.ts';
import type { Upload } from '../routes/defineRoute.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { matchColumns, type ColumnSpec } from '../evidence/columns.ts';
import { forEachCsvRecord, type OnRecord } from '../evidence/csvRecords.ts';
import { importRefused } from '../evidence/importProblems.ts';
import { spreadsheetMediaTypes } from '../evidence/limits.ts';
import { sheetsToXlsx, tableToCsv } from '../evidence/spreadsheetWriters.ts';
import { requireKind } from '../evidence/upload.ts';
import { forEachXlsxRecord } from '../evidence/xlsxRecords.ts';

/** The name of the sheet exports write and imports look for first. */
export const dataMappingSheetName = 'Data mapping';

const columnSpecs: ColumnSpec<DataMappingColumn>[] = dataMappingColumns.map((column) => ({
  key: column,
  name: column,
  required: column === 'Status',
}));

const wide = new Set<DataMappingColumn>(['Outcomes', 'Indicator', 'Metric', 'Reason', 'Next step']);

/** A spreadsheet to download. */
export interface SpreadsheetFile {
  fileName: string;
  mediaType: string;
  body: string | Uint8Array<ArrayBuffer>;
}

export interface DataMappingServiceDeps {
  /** The audit log, through the store's repositories. */
  store: Repositories;
  docs: WorkspaceDocs;
  now?: () => Date;
}

/** The data mapping as a spreadsheet: export with human column names, and checked all-or-nothing imports. */
export class DataMappingService {
  readonly #deps: DataMappingServiceDeps;

  constructor(deps: DataMappingServiceDeps) {
    this.#deps = deps;
  }

  async export(partnership: PartnershipRecord, format: 'csv' | 'xlsx'): Promise<SpreadsheetFile> {
    const rows = await this.#deps.docs.read(partnership.id, (doc) =>
      dataMappingToRows(metricContexts(readFramework(doc)), readDataMapping(doc).byMetric),
    );
    const cells = rows.map((row) => dataMappingColumns.map((column) => row[column]));
    const day = (this.#deps.now?.() ?? new Date()).toISOString().slice(0, 10);
    const fileName = `data-mapping-${partnership.id}-${day}.${format}`;
    if (format === 'csv') {
      return { fileName, mediaType: spreadsheetMediaTypes.csv, body: tableToCsv(dataMappingColumns, cells) };
    }
    const body = await sheetsToXlsx([
      {
        name: dataMappingSheetName,
        header: dataMappingColumns,
        rows: cells,
        widths: dataMappingColumns.map((column) => (wide.has(column) ? 45 : 18)),
      },
    ]);
    return { fileName, mediaType: spreadsheetMediaTypes.xlsx, body: body as Uint8Array<ArrayBuffer> };
  }

  /**
   * Imports a data mapping spreadsheet (our export, or a council's edited copy of it): every row is checked first;
   * any problem refuses the whole file; metrics the framework does not have are reported, never created.
   */
  async import(
    principal: Principal,
    partnership: PartnershipRecord,
    upload: Upload,
    ip: string | null,
  ): Promise<DataMappingImportReport> {
    const kind = requireKind(upload.bytes, ['text', 'xlsx'], 'a CSV or XLSX data mapping spreadsheet');
    const rows = await readRows(upload.bytes, kind);
    const importer = {
      by: principal.user.displayName,
      on: (this.#deps.now?.() ?? new Date()).toISOString().slice(0, 10),
    };
    // Planned and applied inside one transaction on the server's copy, so nobody's edit slips in between.
    const report = await this.#deps.docs.change(partnership.id, (doc) => {
      const contexts = metricContexts(readFramework(doc));
      const mappings = readDataMapping(doc).byMetric;
      const plan = planDataMappingImport(rows, contexts, mappings);
      if (!plan.ok) return plan;
      applyDataMappingImport(doc, plan.changes, mappings, importer);
      return plan;
    });
    if (!report.ok) throw importRefused(report.errors);
    // Audited once the document change is stored (never inside a transaction: document writes need the connection).
    await this.#deps.store.audit.record({
      action: 'data_mapping.imported',
      actorId: principal.user.id,
      partnershipId: partnership.id,
      details: { changed: report.report.changed, unknownMetrics: report.report.unknownMetrics.length },
      ip,
    });
    return report.report;
  }
}

async function readRows(bytes: Uint8Array, kind: 'text' | 'xlsx'): Promise<DataMappingRow[]> {
  if (kind === 'xlsx') {
    const problem = zipUnpackProblem(bytes);
    if (problem) throw importRefused([{ row: null, column: null, message: problem }]);
  }
  const rows: DataMappingRow[] = [];
  let positions: Map<DataMappingColumn, number> | null = null;
  const onRecord: OnRecord = (cells, rowNumber) => {
    if (!positions) {
      const matched = matchColumns(cells, columnSpecs);
      if (!matched.ok)
        throw new Error(`This does not look like a data mapping spreadsheet: ${matched.problems.join('; ')}`);
      if (!matched.positions.has('Metric id') && !matched.positions.has('Metric')) {
        throw new Error('This does not look like a data mapping spreadsheet: the column "Metric id" is missing');
      }
      positions = matched.positions;
      return;
    }
    // Rows are kept in spreadsheet numbering (blank rows the reader skipped still count), so errors point at the row.
    while (rows.length < rowNumber - 2) rows.push(blankRow());
    const row = blankRow();
    for (const [column, index] of positions) row[column] = restoreCell(cells[index] ?? '');
    rows.push(row);
  };
  const stopped = kind === 'xlsx' ? await forEachXlsxRecord(bytes, onRecord) : await forEachCsvRecord(bytes, onRecord);
  if (stopped) throw importRefused([{ row: stopped.row, column: null, message: stopped.message }]);
  if (!positions)
    throw importRefused([{ row: null, column: null, message: 'The file is empty: it has no header row' }]);
  return rows;
}

function blankRow(): DataMappingRow {
  return Object.fromEntries(dataMappingColumns.map((column) => [column, ''])) as DataMappingRow;
}
