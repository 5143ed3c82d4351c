import type * as Y from 'yjs';
import { frameworkToRows, planFrameworkImport, readFramework } from '../../shared/model/framework/index.ts';
import { importLosses, type ImportLossContext } from '../../shared/model/framework/spreadsheet/importLosses.ts';
import type { FrameworkImportError, FrameworkRow } from '../../shared/schemas/framework.ts';
import {
  frameworkFileMediaTypes,
  importErrorToIssue,
  type FrameworkFileFormat,
  type FrameworkImportMode,
  type FrameworkImportResult,
} from '../../shared/schemas/frameworkImport.ts';
import type { AuditLog } from '../store/repositories/AuditLog.ts';
import type { Principal } from '../auth/Principal.ts';
import { HttpError } from '../http/errors.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Upload } from '../routes/defineRoute.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { frameworkToCsv, parseFrameworkCsv } from './csv.ts';
import { frameworkMediaTypes } from './limits.ts';
import type { FrameworkFileResult } from './table.ts';
import { frameworkToXlsx, parseFrameworkXlsx } from './xlsx.ts';

/** A framework export, ready to send as a download. */
export interface FrameworkFile {
  filename: string;
  mediaType: string;
  body: Uint8Array<ArrayBuffer>;
}

export interface FrameworkServiceDeps {
  docs: WorkspaceDocs;
  audit: AuditLog;
  /**
   * What a replace puts out of sight besides the items themselves: the partnership's agreed priorities and how many
   * observations each metric has. Route tests without them report only what the doc holds.
   */
  lossContext?: (partnershipId: string) => Promise<ImportLossContext>;
  now?: () => Date;
}

const noLossContext = (): Promise<ImportLossContext> =>
  Promise.resolve({ priorities: [], observationsByMetric: new Map() });

const modeWords: Record<FrameworkImportMode, string> = {
  merge: 'Add and update what the file lists',
  replace: 'Replace the framework with the file',
};

/** A file name people recognise in their downloads folder: the partnership, what it is, and the day. */
export function frameworkFileName(partnershipName: string, format: FrameworkFileFormat, day: Date): string {
  const slug = partnershipName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'partnership'}-outcomes-framework-${day.toISOString().slice(0, 10)}.${format}`;
}

function rejected(errors: readonly FrameworkImportError[]): HttpError {
  const count = errors.length === 1 ? 'a problem' : `${errors.length} problems`;
  return new HttpError(
    400,
    'invalid_import',
    `The file has ${count}, so nothing was imported. Correct the rows listed and try again.`,
    errors.map(importErrorToIssue),
  );
}

/** Checks an import and, for a replace, reads what it would take away with the items it deletes. */
function planWithLosses(
  doc: Y.Doc,
  rows: readonly FrameworkRow[],
  options: { mode: FrameworkImportMode; by: string },
  context: ImportLossContext | null,
) {
  const checked = planFrameworkImport(doc, rows, options);
  if (!checked.ok) return checked;
  return { ...checked, losses: context ? importLosses(doc, checked.removedIds, context) : undefined };
}

/** The framework as a spreadsheet: exports, and imports that are checked whole and applied all-or-nothing. */
export class FrameworkService {
  readonly #deps: FrameworkServiceDeps;

  constructor(deps: FrameworkServiceDeps) {
    this.#deps = deps;
  }

  /** The partnership's framework as CSV or XLSX, one row per metric. */
  async export(partnership: PartnershipRecord, format: FrameworkFileFormat): Promise<FrameworkFile> {
    const rows = await this.#deps.docs.read(partnership.id, (doc) => frameworkToRows(readFramework(doc)));
    const body =
      format === 'csv' ? new TextEncoder().encode(frameworkToCsv(rows)) : new Uint8Array(await frameworkToXlsx(rows));
    return {
      filename: frameworkFileName(partnership.name, format, this.#deps.now?.() ?? new Date()),
      mediaType: frameworkMediaTypes[format],
      body,
    };
  }

  /**
   * Checks an uploaded spreadsheet against the workspace and, unless it is a dry run, applies it in one transaction
   * that is stored and then broadcast to everyone editing. Any problem rejects the whole file (400, row by row).
   */
  async import(
    actor: Principal,
    partnershipId: string,
    upload: Upload,
    options: { mode: FrameworkImportMode; dryRun: boolean },
    ip: string | null,
  ): Promise<FrameworkImportResult> {
    const rows = await this.#readRows(upload);
    const planOptions = { mode: options.mode, by: actor.user.displayName };
    const context = options.mode === 'replace' ? await (this.#deps.lossContext ?? noLossContext)(partnershipId) : null;
    // The plan is made on the doc as it is at apply time, inside the same transaction, so nothing slips between;
    // what a replace takes away is read from the doc before it is applied.
    const plan = options.dryRun
      ? await this.#deps.docs.read(partnershipId, (doc) => planWithLosses(doc, rows, planOptions, context))
      : await this.#deps.docs.change(partnershipId, (doc) => {
          const checked = planWithLosses(doc, rows, planOptions, context);
          if (checked.ok) checked.apply(doc);
          return checked;
        });
    if (!plan.ok) throw rejected(plan.errors);
    const result: FrameworkImportResult = {
      applied: !options.dryRun,
      mode: options.mode,
      rows: rows.length,
      summary: plan.summary,
      ...(plan.losses ? { losses: plan.losses } : {}),
    };
    if (result.applied) {
      const counts = (kind: keyof FrameworkImportResult['summary']): string => {
        const { inFile, added, updated, removed } = plan.summary[kind];
        const taken = options.mode === 'replace' ? `, ${removed} removed` : '';
        return `${inFile} in the file, ${added} new, ${updated} changed${taken}`;
      };
      await this.#deps.audit.record({
        action: 'framework.imported',
        actorId: actor.user.id,
        partnershipId,
        details: {
          format: upload.mediaType === frameworkFileMediaTypes.csv ? 'CSV' : 'XLSX',
          mode: modeWords[options.mode],
          rows: rows.length,
          outcomes: counts('outcomes'),
          indicators: counts('indicators'),
          metrics: counts('metrics'),
        },
        ip,
      });
    }
    return result;
  }

  async #readRows(upload: Upload): Promise<FrameworkRow[]> {
    if (upload.bytes.byteLength === 0) {
      throw new HttpError(400, 'empty_file', 'The file is empty: choose a CSV or XLSX file of the framework');
    }
    const parsed: FrameworkFileResult =
      upload.mediaType === frameworkFileMediaTypes.csv
        ? parseFrameworkCsv(upload.bytes)
        : await parseFrameworkXlsx(upload.bytes);
    if (!parsed.ok) throw rejected(parsed.errors);
    return parsed.rows;
  }
}
