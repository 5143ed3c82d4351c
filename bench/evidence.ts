import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildAllAreasExport,
  runAllAreasImport,
  runComparatorRender,
  type AllAreasImportRun,
} from './evidence/comparatorBench.ts';
import { startEvidenceServer } from './evidence/evidenceServer.ts';
import { buildExport, runImport, type ImportRun } from './evidence/importBench.ts';
import { runRender } from './evidence/renderBench.ts';
import { comparatorBenchMarkdown, evidenceBenchMarkdown, writeEvidenceBenchReport } from './evidence/report.ts';

// Evidence: importing 100,000 observation rows (rows/s) and drawing a metric page with 20 years for 3 comparators
// in headless Chromium; then (issue 16) importing a 100,000-row export for all 33 London boroughs with ten comparator
// areas chosen, and the metric page with those ten comparators. Needs a built client: `npm run build` first (or CLIENT_OUT_DIR pointing at one).
// `npm run bench:evidence -- --rows 100000 --runs 3 --years 20 --visits 5`.
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    years: { type: 'string', default: '20' },
    visits: { type: 'string', default: '5' },
    'no-write': { type: 'boolean', default: false },
  },
});
const repoRoot = path.resolve(import.meta.dirname, '..');
const clientDir = path.resolve(process.env.CLIENT_OUT_DIR ?? path.join(repoRoot, 'dist', 'client'));
if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
  console.error(`No built client in ${clientDir}: run \`npm run build\` first.`);
  process.exit(1);
}

const rows = Number(values.rows);
const csv = buildExport(rows);
// Built before the server starts too (see runImport).
const allAreasFile = buildAllAreasExport(rows);
const bench = await startEvidenceServer(clientDir);
try {
  const imports: ImportRun[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    const result = await runImport(bench, csv, rows, String(run));
    imports.push(result);
    console.log(
      `import ${run}: ${result.rows} rows (${result.created} new) in ${Math.round(result.firstImportMs)} ms; re-import ${Math.round(result.reimportMs)} ms (${result.unchanged} unchanged)`,
    );
  }
  const render = await runRender(bench, Number(values.years), Number(values.visits));
  console.log(`metric page: cold ${Math.round(render.coldMs)} ms, warm ${render.warmMs.map(Math.round).join(', ')} ms`);
  const allAreasImports: AllAreasImportRun[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    const result = await runAllAreasImport(bench, allAreasFile, rows, String(run));
    allAreasImports.push(result);
    console.log(
      `all-areas import ${run}: ${result.rows} rows (${result.kept} kept) in ${Math.round(result.firstImportMs)} ms; re-import ${Math.round(result.reimportMs)} ms`,
    );
  }
  const comparatorRender = await runComparatorRender(bench, Number(values.years), Number(values.visits));
  console.log(
    `metric page with ${comparatorRender.comparators} comparators: cold ${Math.round(comparatorRender.coldMs)} ms, warm ${comparatorRender.warmMs.map(Math.round).join(', ')} ms`,
  );
  const command = `npm run bench:evidence -- --rows ${values.rows} --runs ${values.runs} --years ${values.years} --visits ${values.visits}`;
  const markdown =
    evidenceBenchMarkdown(imports, render, command) + comparatorBenchMarkdown(allAreasImports, comparatorRender);
  if (!values['no-write'])
    await writeEvidenceBenchReport(path.join(repoRoot, 'docs', 'benchmarks-evidence.md'), markdown);
  console.log(markdown);
} finally {
  await bench.close();
}
