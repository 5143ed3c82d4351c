import fs from 'node:fs';
import { format, resolveConfig } from 'prettier';
import os from 'node:os';
import type { AllAreasImportRun, ComparatorRenderRun } from './comparatorBench.ts';
import type { ImportRun } from './importBench.ts';
import type { RenderRun } from './renderBench.ts';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-GB')} ms`;
const perSecond = (rows: number, milliseconds: number) =>
  Math.round((rows / milliseconds) * 1000).toLocaleString('en-GB');

/** The figures as markdown, with the command, the machine and what each number means. */
export function evidenceBenchMarkdown(imports: readonly ImportRun[], render: RenderRun, command: string): string {
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  return `# Evidence benchmarks

Measured by \`${command}\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}),
Node ${process.version}, load average at the end ${load} (the machine is shared with other work: figures vary between runs).

## Importing observations

A real OHID Fingertips "all data" CSV (27 columns, quoted names with commas, a byte order mark) posted to
\`POST /api/partnerships/:id/observations/import/fingertips\` on a server in this process, SQLite on disk in WAL mode.
Every row is kept (the partnership's area, London and England, 20 years, whole population and ward breakdowns), so every
row is written: the worst case. "Re-import" posts the same file again: every row is compared and found unchanged,
nothing is written.

| rows | file | first import | rows/s | re-import (all unchanged) | rows/s |
| ---: | ---: | ---: | ---: | ---: | ---: |
${imports
  .map(
    (run) =>
      `| ${run.rows.toLocaleString('en-GB')} | ${run.megabytes.toFixed(1)} MB | ${ms(run.firstImportMs)} | ${perSecond(run.rows, run.firstImportMs)} | ${ms(run.reimportMs)} | ${perSecond(run.rows, run.reimportMs)} |`,
  )
  .join('\n')}

Each import is checked whole before anything is written (all-or-nothing), and the write is one transaction.

## Rendering a metric page

Headless Chromium opens \`/p/:id/evidence/metrics/:metricId\` for a metric with ${render.years} years of data for the area,
its region and England (${render.points} points with 95% confidence intervals). Time from navigation start until the
comparison in words, the chart's England line and all ${render.years} table rows are on screen: sign-in check,
partnership and evidence requests, and the lazily loaded chart code. The page draws from the evidence answer (which
carries the metric) and does not wait for the workspace doc to sync over the socket.

| visit | time |
| --- | ---: |
| first (cold browser cache) | ${ms(render.coldMs)} |
| median of ${render.warmMs.length} later visits (assets cached) | ${ms(median(render.warmMs))} |
| slowest later visit | ${ms(Math.max(...render.warmMs))} |
`;
}

/** Writes the report to docs/benchmarks-evidence.md, formatted as the repository's prettier check expects. */
export async function writeEvidenceBenchReport(file: string, markdown: string): Promise<void> {
  fs.writeFileSync(file, await format(markdown, { ...(await resolveConfig(file)), filepath: file }));
}

/** The comparator-area figures (issue 16) as markdown, with the goals they are measured against. */
export function comparatorBenchMarkdown(imports: readonly AllAreasImportRun[], render: ComparatorRenderRun): string {
  return `
## Importing an all-areas export with comparator areas

The same import route, given an "all data" export for every London borough (all 33, E09000001–E09000033), London and
England: the template's indicators × 35 areas × 20 years × the whole population and deprivation deciles. The
partnership (Merton) has ten comparator areas, so 13 of the 35 areas are kept; every row is still read and ranked for
its quintile among the 33 boroughs, and the file's own "Compared to England/region" texts are checked against ours.
Goal: at least 40,000 rows/s.

| rows | kept | file | first import | rows/s | re-import (all unchanged) | rows/s |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${imports
  .map(
    (run) =>
      `| ${run.rows.toLocaleString('en-GB')} | ${run.kept.toLocaleString('en-GB')} | ${run.megabytes.toFixed(1)} MB | ${ms(run.firstImportMs)} | ${perSecond(run.rows, run.firstImportMs)} | ${ms(run.reimportMs)} | ${perSecond(run.rows, run.reimportMs)} |`,
  )
  .join('\n')}

## Rendering a metric page with ${render.comparators} comparator areas

The metric page of smoking at delivery with ${render.years} years for every London borough imported and
${render.comparators} comparator areas chosen: time from navigation start until the comparison in words, the trend
chart, the comparator dot chart and all ${render.comparators} rows of its table are on screen. Goal: under 1.5 s cold.

| visit | time |
| --- | ---: |
| first (cold browser cache) | ${ms(render.coldMs)} |
| median of ${render.warmMs.length} later visits (assets cached) | ${ms(median(render.warmMs))} |
| slowest later visit | ${ms(Math.max(...render.warmMs))} |
`;
}
