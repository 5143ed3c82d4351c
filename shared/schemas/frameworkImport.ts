import { z } from 'zod';
import type { ApiIssueSchema } from './apiError.ts';
import type { FrameworkImportError } from './framework.ts';

/** How an import treats what the file leaves out: `merge` keeps it, `replace` deletes it (undoably). */
export const FrameworkImportModeSchema = z.enum(['merge', 'replace']);
export type FrameworkImportMode = z.infer<typeof FrameworkImportModeSchema>;

/** The formats the framework is exported in and imported from. */
export const FrameworkFileFormatSchema = z.enum(['csv', 'xlsx']);
export type FrameworkFileFormat = z.infer<typeof FrameworkFileFormatSchema>;

/** Media types of framework spreadsheets, as uploads are sent and downloads are served. */
export const frameworkFileMediaTypes: Readonly<Record<FrameworkFileFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Largest framework spreadsheet accepted for import, in bytes (5 MiB: a 1,500-metric framework is well under 1 MiB). */
export const maxFrameworkUploadBytes = 5 * 1024 * 1024;

/** `POST /api/partnerships/:id/framework/import` query: the mode, and whether only to check the file. */
export const FrameworkImportQuerySchema = z.object({
  mode: FrameworkImportModeSchema.default('merge'),
  /** `true` checks the file and reports what it would change, changing nothing (the preview step). */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type FrameworkImportQuery = z.input<typeof FrameworkImportQuerySchema>;

const KindCountsSchema = z.object({
  /** How many the file lists. */
  inFile: z.number().int().min(0),
  /** How many of those are new to the workspace. */
  added: z.number().int().min(0),
  /** How many of those are already there and change (wording, links, order, a restore from deleted). */
  updated: z.number().int().min(0),
  /** How many of those are already there exactly as the file says. */
  unchanged: z.number().int().min(0),
  /**
   * How many live ones a replace takes out of the framework because the file leaves them out (0 when merging),
   * counting indicators and metrics hidden because everything they belong to goes.
   */
  removed: z.number().int().min(0),
});

/** What an import does (or, in a dry run, would do), per kind of item. */
export const FrameworkImportSummarySchema = z.object({
  outcomes: KindCountsSchema,
  indicators: KindCountsSchema,
  metrics: KindCountsSchema,
});
export type FrameworkImportSummary = z.infer<typeof FrameworkImportSummarySchema>;

const LossItemSchema = z.object({ id: z.string(), label: z.string() });

/**
 * What a replace takes away with the items it deletes: agreed priorities on them, theory-of-change links to them,
 * evidence (observations) and data mapping of their metrics. All of it comes back if the items are restored.
 */
export const FrameworkImportLossesSchema = z.object({
  priorities: z.array(LossItemSchema.extend({ kind: z.enum(['outcome', 'indicator']) })),
  links: z.array(z.object({ id: z.string(), action: z.string(), target: z.string() })),
  evidence: z.array(LossItemSchema.extend({ observations: z.number().int() })),
  dataMapping: z.array(LossItemSchema.extend({ status: z.string() })),
});
export type FrameworkImportLosses = z.infer<typeof FrameworkImportLossesSchema>;

/** The answer to an import that passed every check. */
export const FrameworkImportResultSchema = z.object({
  /** False for a dry run: nothing was changed. */
  applied: z.boolean(),
  mode: FrameworkImportModeSchema,
  /** Data rows read from the file (the header not counted). */
  rows: z.number().int().min(0),
  summary: FrameworkImportSummarySchema,
  /** In replace mode: what goes with the items it deletes (empty lists when nothing does); absent when merging. */
  losses: FrameworkImportLossesSchema.optional(),
});
export type FrameworkImportResult = z.infer<typeof FrameworkImportResultSchema>;

type ApiIssue = z.infer<typeof ApiIssueSchema>;

/**
 * A row-by-row import error as an API issue: its path is `[row, column]` into the spreadsheet (row 1 is the header),
 * `[row]` for a whole row, `[]` for the whole file. A rejected import answers 400 with these as `issues`.
 */
export function importErrorToIssue(error: FrameworkImportError): ApiIssue {
  const path = error.row === null ? [] : error.column === null ? [error.row] : [error.row, error.column];
  return { path, message: error.message };
}

/** Reads an issue of a rejected import back as a row-by-row error (the inverse of `importErrorToIssue`). */
export function issueToImportError(issue: ApiIssue): FrameworkImportError {
  const [row, column] = issue.path;
  return {
    row: typeof row === 'number' ? row : null,
    column: typeof column === 'string' ? column : null,
    message: issue.message,
  };
}
