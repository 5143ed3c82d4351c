import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import * as Y from 'yjs';
import { addOutcome, deleteOutcome, readFramework, updateOutcome } from '../shared/model/framework/index.ts';
import { updateDataMapping } from '../shared/model/dataMapping/index.ts';
import { workspaceDocName } from '../shared/protocol/docNames.ts';
import type { VersionSummary } from '../shared/schemas/cycles.ts';
import { buildExport } from './evidence/importBench.ts';
import {
  createBenchPartnership,
  postFile,
  startEvidenceServer,
  type EvidenceBenchServer,
} from './evidence/evidenceServer.ts';
import { seedLargeFramework } from './framework/seedFramework.ts';
import { median } from './stats.ts';

// Board cycles on the large workspace (500 outcomes / 1,500 metrics / 20,000 observations): taking a version,
// comparing two versions 200 edits apart, and producing the board pack. Goals (issue 13): version < 1 s,
// changes < 500 ms, DOCX < 5 s, print page interactive < 2 s (headless Chromium, a fresh context each time), and a version no bigger on disk than the document's encoded state plus its facts.
// `npm run bench:cycles -- --runs 5`. The comparison run in the same invocation is encoding the same document
// in-process (`Y.encodeStateAsUpdate`), which every version must do at least once.

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));

function progress(message: string): void {
  process.stderr.write(`[bench:cycles] ${message}\n`);
}

async function api<T>(bench: EvidenceBenchServer, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${bench.server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: bench.cookie, origin: bench.server.url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.arrayBuffer()) as T;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** 200 edits of the kinds a board makes between meetings: rewordings, data-mapping moves, outcomes added and removed. */
function twoHundredEdits(doc: Y.Doc, round: number): void {
  const outcomes = readFramework(doc).outcomes;
  const metrics = readFramework(doc).metrics;
  doc.transact(() => {
    for (let n = 0; n < 100; n++) {
      const outcome = outcomes[(n * 5 + round) % outcomes.length]!;
      updateOutcome(doc, outcome.id, { statement: `${outcome.statement} (reworded ${round}.${n})` });
    }
    for (let n = 0; n < 50; n++) {
      const metric = metrics[(n * 29 + round) % metrics.length]!;
      const status = n % 2 === 0 ? 'partial' : 'available';
      updateDataMapping(doc, metric.id, { status, reason: `Edit ${round}.${n}` }, { by: 'Bench', on: '2027-01-01' });
    }
    for (let n = 0; n < 25; n++) deleteOutcome(doc, outcomes[(n * 17 + round + 3) % outcomes.length]!.id, 'bench');
    for (let n = 0; n < 25; n++) {
      addOutcome(doc, { domain: 'safe', level: 'child', statement: `New outcome ${round}.${n}`, description: '' });
    }
  });
}

/** Builds the client into a temporary directory, so the server serves the print page as in production. */
async function buildClient(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-cycles-client-'));
  progress(`building the client into ${outDir}`);
  await build({
    configFile: path.resolve(import.meta.dirname, '../vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** Opens the print page in a fresh browser context; milliseconds until its print button can be pressed. */
async function printPageInteractive(bench: EvidenceBenchServer, url: string): Promise<number> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const context = await browser.newContext();
    const [name, value] = bench.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: bench.server.url }]);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: 'Indicators by exception' }).waitFor({ state: 'visible' });
    const elapsed = performance.now() - started;
    await context.close();
    return elapsed;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const clientDir = await buildClient();
  const bench = await startEvidenceServer(clientDir);
  try {
    const partnershipId = await createBenchPartnership(bench, 'Cycles bench');
    const docName = workspaceDocName(partnershipId);
    progress('seeding 500 outcomes / 1,500 metrics and importing 20,000 observations');
    await bench.server.rooms.transact(docName, (doc) => seedLargeFramework(doc));
    await postFile(
      bench,
      `/api/partnerships/${partnershipId}/observations/import/fingertips?fileName=bench.csv`,
      buildExport(20_000),
    );
    // The last meeting closed (taking the version the pack compares with); the pack is the next meeting's.
    const previous = await api<{ id: string }>(bench, 'POST', `/api/partnerships/${partnershipId}/meetings`, {
      title: 'Previous board',
      startsAt: '2026-11-12T10:00:00Z',
      place: 'Civic Centre',
    });
    await api(bench, 'POST', `/api/meetings/${previous.id}/close`);
    const meeting = await api<{ id: string }>(bench, 'POST', `/api/partnerships/${partnershipId}/meetings`, {
      title: 'Bench board',
      startsAt: '2027-01-14T10:00:00Z',
      place: 'Civic Centre',
    });

    const encode: number[] = [];
    const take: number[] = [];
    const changes: number[] = [];
    const docx: number[] = [];
    const xlsx: number[] = [];
    const pack: number[] = [];
    const print: number[] = [];
    let sizes: VersionSummary['sizes'] | null = null;
    let encodedBytes = 0;
    let changeCount = 0;
    for (let run = 0; run < runs; run++) {
      progress(`run ${run + 1} of ${runs}`);
      const room = await bench.server.rooms.acquire(docName);
      try {
        const started = performance.now();
        encodedBytes = Y.encodeStateAsUpdate(room.doc).byteLength;
        encode.push(performance.now() - started);
      } finally {
        bench.server.rooms.release(docName);
      }
      const first = await timed(() =>
        api<VersionSummary>(bench, 'POST', `/api/partnerships/${partnershipId}/versions`, { label: `Before ${run}` }),
      );
      take.push(first.ms);
      sizes = first.result.sizes;
      await bench.server.rooms.transact(docName, (doc) => twoHundredEdits(doc, run));
      const second = await api<VersionSummary>(bench, 'POST', `/api/partnerships/${partnershipId}/versions`, {
        label: `After ${run}`,
      });
      const compared = await timed(() =>
        api<{ changes: unknown[] }>(
          bench,
          'GET',
          `/api/partnerships/${partnershipId}/changes?since=${first.result.id}&until=${second.id}`,
        ),
      );
      changes.push(compared.ms);
      changeCount = compared.result.changes.length;
      pack.push((await timed(() => api(bench, 'GET', `/api/meetings/${meeting.id}/board-pack`))).ms);
      docx.push((await timed(() => api(bench, 'GET', `/api/meetings/${meeting.id}/board-pack.docx`))).ms);
      xlsx.push((await timed(() => api(bench, 'GET', `/api/meetings/${meeting.id}/board-pack.xlsx`))).ms);
      print.push(
        await printPageInteractive(bench, `${bench.server.url}/p/${partnershipId}/meetings/${meeting.id}/pack`),
      );
    }

    const ms = (values: number[]) => `${Math.round(median(values))} ms`;
    const encodeMs = Math.max(median(encode), 0.1);
    const rows = [
      ['encode the document in-process (comparison)', ms(encode), '', '1.0×'],
      ['take a version', ms(take), '< 1,000 ms', `${(median(take) / encodeMs).toFixed(1)}×`],
      [
        `changes between versions 200 edits apart (${changeCount} changes)`,
        ms(changes),
        '< 500 ms',
        `${(median(changes) / encodeMs).toFixed(1)}×`,
      ],
      ['board pack (JSON)', ms(pack), '', `${(median(pack) / encodeMs).toFixed(1)}×`],
      ['board pack DOCX', ms(docx), '< 5,000 ms', `${(median(docx) / encodeMs).toFixed(1)}×`],
      ['board pack XLSX', ms(xlsx), '', `${(median(xlsx) / encodeMs).toFixed(1)}×`],
      [
        'print page interactive (fresh browser context)',
        ms(print),
        '< 2,000 ms',
        `${(median(print) / encodeMs).toFixed(1)}×`,
      ],
    ];
    const lines = [
      `Board cycles on 500 outcomes / 1,500 metrics / 20,000 observations, ${runs} runs, SQLite, medians:`,
      '',
      '| step | median | goal | × encoding |',
      '| --- | --- | --- | --- |',
      ...rows.map((row) => `| ${row.join(' | ')} |`),
      '',
      `Version on disk: document ${sizes?.document ?? 0} bytes (the encoded document is ${encodedBytes} bytes) + facts ${sizes?.facts ?? 0} bytes.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await bench.close();
    fs.rmSync(clientDir, { recursive: true, force: true });
  }
}

await main();
