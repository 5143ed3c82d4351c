import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import * as prettier from 'prettier';
import { readFramework } from '../shared/model/framework/index.ts';
import { workspaceDocName } from '../shared/protocol/docNames.ts';
import { readConfig } from '../server/config.ts';
import { silentLogger } from '../server/logger.ts';
import { startServer } from '../server/startServer.ts';
import { chromiumArgs, findChromium } from '../scripts/chromium.mjs';
import { largeFramework, seedLargeFramework } from './framework/seedFramework.ts';
import { median, quantile } from './stats.ts';

// The voting screen with the evidence beside every candidate (issue 15): the 500-outcome / 1,500-metric workspace,
// a dots round on 20 outcomes whose metrics have five years of data, opened in headless Chromium by a voter. Time to
// interactive = navigation start until the ballot's 20 rows and their 20 evidence summaries are on screen. The
// comparison in the same run: the same screen with the evidence request blocked (the ballot alone). Then the
// ballot answer time with that workspace: voters casting one after another.
// `npm run build && npm run bench:voting -- --visits 5 --casts 60`.
const { values } = parseArgs({
  options: {
    visits: { type: 'string', default: '5' },
    casts: { type: 'string', default: '60' },
    candidates: { type: 'string', default: '20' },
    'no-write': { type: 'boolean', default: false },
  },
});
const visits = Number(values.visits);
const casts = Number(values.casts);
const candidateCount = Number(values.candidates);
const repoRoot = path.resolve(import.meta.dirname, '..');
const clientDir = path.resolve(process.env.CLIENT_OUT_DIR ?? path.join(repoRoot, 'dist', 'client'));
if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
  console.error(`No built client in ${clientDir}: run \`npm run build\` first.`);
  process.exit(1);
}
const admin = { email: 'bench-admin@example.org', password: 'voting bench passphrase' };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-voting-'));
const config = readConfig({ ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_DEMO: 'false' });
const server = await startServer({
  config: { ...config, port: 0, host: '127.0.0.1', dataDir, clientDir },
  logger: silentLogger,
});

async function call(method: string, url: string, cookie: string, body?: unknown, type = 'application/json') {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': type } : {}) },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response;
}

async function signIn(email: string, password: string): Promise<string> {
  const response = await call('POST', '/api/auth/login', '', { email, password });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Five years for the area, London and England for each metric, as the local template takes them. */
function observationsCsv(metricIds: readonly string[]): string {
  const lines = ['Metric id,Area code,Area name,Period,Value,Lower CI (95%),Upper CI (95%),Count,Denominator'];
  metricIds.forEach((metricId, n) => {
    for (let year = 0; year < 5; year++) {
      const period = `${2019 + year}/${String((20 + year) % 100).padStart(2, '0')}`;
      const area = 10 + (n % 7) - year * 0.4;
      lines.push(
        `${metricId},E09000024,Merton,${period},${area.toFixed(1)},${(area - 1).toFixed(1)},${(area + 1).toFixed(1)},120,1000`,
      );
      lines.push(`${metricId},E12000007,London region,${period},9.5,9.3,9.7,9500,100000`);
      lines.push(`${metricId},E92000001,England,${period},10.2,10.15,10.25,102000,1000000`);
    }
  });
  return `${lines.join('\r\n')}\r\n`;
}

try {
  const facilitator = await signIn(admin.email, admin.password);
  const created = await call('POST', '/api/partnerships', facilitator, {
    name: 'Voting bench',
    areaName: 'Merton',
    areaCode: 'E09000024',
    template: 'blank',
  });
  const { id: partnershipId } = (await created.json()) as { id: string };
  let candidates: { kind: 'outcome'; refId: string; label: string }[] = [];
  let metricIds: string[] = [];
  await server.rooms.transact(workspaceDocName(partnershipId), (doc) => {
    seedLargeFramework(doc, largeFramework);
    const framework = readFramework(doc);
    const chosen = framework.outcomes.slice(0, candidateCount);
    candidates = chosen.map((outcome) => ({ kind: 'outcome', refId: outcome.id, label: outcome.statement }));
    const indicators = framework.indicators.filter((indicator) =>
      indicator.outcomeIds.some((id) => chosen.some((outcome) => outcome.id === id)),
    );
    metricIds = framework.metrics
      .filter((metric) => indicators.some((i) => i.id === metric.indicatorId))
      .map((m) => m.id);
  });
  await call(
    'POST',
    `/api/partnerships/${partnershipId}/observations/import/local?fileName=bench.csv`,
    facilitator,
    observationsCsv(metricIds),
    'text/csv',
  );
  // Voters join by invitation, as people do.
  const voters: string[] = [];
  for (let n = 0; n < 6; n++) {
    const invited = await call('POST', `/api/partnerships/${partnershipId}/invitations`, facilitator, {
      role: 'viewer',
      organisation: `Organisation ${n + 1}`,
      isVotingMember: true,
      note: '',
    });
    const token = ((await invited.json()) as { url: string }).url.split('/').pop()!;
    const account = {
      email: `voter-${n}@example.org`,
      displayName: `Voter ${n + 1}`,
      organisation: `Organisation ${n + 1}`,
      password: 'voting bench passphrase',
    };
    await call('POST', `/api/invitations/${token}/accept`, '', account);
    voters.push(await signIn(account.email, account.password));
  }
  const round = await call('POST', `/api/partnerships/${partnershipId}/rounds`, facilitator, {
    title: 'Bench round',
    settings: { method: 'dots', dotsPerVoter: 10, maxPerCandidate: null, candidateOrder: 'framework' },
    visibility: 'after-close',
    candidates,
  });
  const roundId = ((await round.json()) as { id: string }).id;
  await call('POST', `/api/rounds/${roundId}/open`, facilitator);
  const candidateIds = (
    (await (await call('GET', `/api/rounds/${roundId}`, facilitator)).json()) as {
      candidates: { id: string }[];
    }
  ).candidates.map((candidate) => candidate.id);

  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` first');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const url = `${server.url}/p/${partnershipId}/rounds/${roundId}`;
  const [cookieName, cookieValue] = voters[0]!.split('=') as [string, string];
  const contextFor = async (): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
    return context;
  };
  /** One visit: navigation start until the 20 rows (and, unless blocked, their 20 evidence summaries) are drawn. */
  const visit = async (context: BrowserContext, withEvidence: boolean): Promise<number> => {
    const page = await context.newPage();
    if (!withEvidence) await page.route('**/api/rounds/*/evidence', (route) => route.abort());
    await page.goto(url);
    await page
      .getByTestId('ballot-row')
      .nth(candidateCount - 1)
      .waitFor();
    if (withEvidence)
      await page
        .getByTestId('candidate-evidence')
        .nth(candidateCount - 1)
        .waitFor();
    const elapsed = await page.evaluate(() => performance.now());
    await page.close();
    return elapsed;
  };
  const runs: Record<'evidence' | 'ballotOnly', { cold: number; warm: number[] }> = {
    evidence: { cold: 0, warm: [] },
    ballotOnly: { cold: 0, warm: [] },
  };
  // Alternated, so both see the same machine: cold on a fresh context each, then warm visits in turn.
  for (const kind of ['evidence', 'ballotOnly'] as const) {
    const context = await contextFor();
    runs[kind].cold = await visit(context, kind === 'evidence');
    await context.close();
  }
  const warmContexts = { evidence: await contextFor(), ballotOnly: await contextFor() };
  for (let n = 0; n < visits; n++) {
    for (const kind of ['evidence', 'ballotOnly'] as const) {
      runs[kind].warm.push(await visit(warmContexts[kind], kind === 'evidence'));
    }
  }
  await browser.close();
  console.log(
    `voting screen: with evidence cold ${Math.round(runs.evidence.cold)} ms, ballot only ${Math.round(runs.ballotOnly.cold)} ms`,
  );

  // Ballot answer times: voters in turn, each changing their ballot (under the 30-a-minute limit per voter).
  const castMs: number[] = [];
  for (let n = 0; n < casts; n++) {
    const voter = voters[n % voters.length]!;
    const dots = { [candidateIds[n % candidateIds.length]!]: 1 + (n % 3) };
    const started = performance.now();
    await call('PUT', `/api/rounds/${roundId}/ballot`, voter, { method: 'dots', dots });
    castMs.push(performance.now() - started);
  }
  const evidenceMs: number[] = [];
  for (let n = 0; n < 10; n++) {
    const started = performance.now();
    await call('GET', `/api/rounds/${roundId}/evidence`, voters[0]!);
    evidenceMs.push(performance.now() - started);
  }

  const ms = (value: number) => `${Math.round(value).toLocaleString('en-GB')} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const report = `# Voting screen benchmark

Measured by \`npm run bench:voting -- --visits ${visits} --casts ${casts}\` on ${new Date().toISOString().slice(0, 10)}:
${os.cpus().length} cores, Node ${process.version}, load average at the end ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')} (a shared machine: compare the ratios, measured in the same run).

The ${largeFramework.outcomes}-outcome / ${largeFramework.metrics.toLocaleString('en-GB')}-metric workspace (\`seedLargeFramework\`), a dots round
on its first ${candidateCount} outcomes (${metricIds.length} metrics, five years of data each for the area, London and England),
opened by a voter in headless Chromium. Time to interactive: navigation start until the ballot's ${candidateCount} rows and
their ${candidateCount} evidence summaries are on screen. The comparison is the same screen with the evidence request
blocked: the ballot alone. Goal: under 1.5 s.

| | with the evidence | ballot alone | ratio |
| --- | ---: | ---: | ---: |
| first visit (cold browser cache) | ${ms(runs.evidence.cold)} | ${ms(runs.ballotOnly.cold)} | ${ratio(runs.evidence.cold, runs.ballotOnly.cold)} |
| median of ${visits} later visits | ${ms(median(runs.evidence.warm))} | ${ms(median(runs.ballotOnly.warm))} | ${ratio(median(runs.evidence.warm), median(runs.ballotOnly.warm))} |
| slowest later visit | ${ms(Math.max(...runs.evidence.warm))} | ${ms(Math.max(...runs.ballotOnly.warm))} | |

\`GET /api/rounds/:roundId/evidence\` for those ${candidateCount} candidates: median ${ms(median(evidenceMs))}, slowest
${ms(Math.max(...evidenceMs))} (10 requests).

Ballot answer time with this workspace (\`PUT …/ballot\`, ${casts} casts by ${voters.length} voters in turn, each a
change of ballot): median ${ms(median(castMs))}, p95 ${ms(quantile(castMs, 0.95))}, slowest ${ms(Math.max(...castMs))}.
Goal: p95 under 200 ms.
`;
  console.log(report);
  if (!values['no-write']) {
    const file = path.join(repoRoot, 'docs', 'benchmarks-voting-screen.md');
    fs.writeFileSync(
      file,
      await prettier.format(report, { parser: 'markdown', printWidth: 120, proseWrap: 'preserve' }),
    );
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  }
} finally {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
