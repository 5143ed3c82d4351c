import os from 'node:os';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { readDataMapping, updateDataMapping } from '../../shared/model/dataMapping/index.ts';
import { addMetric, addOutcome, readFrameworkEntities, domainOrder } from '../../shared/model/framework/index.ts';
import { commonCoreItems, templateRewordings } from '../../shared/model/network/commonCore.ts';
import { networkDataAgenda } from '../../shared/model/network/networkDataAgenda.ts';
import { baseTemplateItems, networkTemplateAt } from '../../shared/model/network/networkTemplate.ts';
import { recurringAdditions } from '../../shared/model/network/recurringAdditions.ts';
import { seededRandom } from '../../shared/model/seededRandom.ts';
import type { DataStatus } from '../../shared/schemas/dataMapping.ts';
import type { NetworkPlace, TemplateChange, TemplateChoices, TemplateVersion } from '../../shared/schemas/networks.ts';
import { applyTemplate } from '../../shared/templates/applyTemplate.ts';
import { NetworkAnalysisService } from '../../server/networks/NetworkAnalysisService.ts';
import type { WorkspaceDocs } from '../../server/workspace/workspaceDocAccess.ts';
import { median } from '../stats.ts';

// The network analysis for 150 places × 1,500 metrics (issue 14: < 2 s server time). Each place is a workspace doc
// built through the model's own functions: the Common Outcomes Framework, then the metrics a network version added
// (most as is, some reworded, some dropped), local additions drawn from a shared pool (so some recur), and a data
// mapping for every metric. Timed through `NetworkAnalysisService` with the docs held in memory (as the server's
// rooms hold loaded docs), and the pure analyses alone on what the reads return.
// `npm run bench:network -- --runs 5 [--places 150] [--metrics 1500] [--cold]` (--cold also times reading every doc
// from its encoded state, as a server that has none of them loaded must).

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    places: { type: 'string', default: '150' },
    metrics: { type: 'string', default: '1500' },
    cold: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const placeCount = Math.max(1, Number(values.places));
const metricsPerPlace = Math.max(1, Number(values.metrics));

const networkId = '11111111-1111-4111-8111-111111111111';
const uuid = (prefix: number, n: number) =>
  `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

function progress(message: string): void {
  process.stderr.write(`[bench:network] ${message}\n`);
}

// ---------------------------------------------------------------- the network's template

const base = baseTemplateItems();
const baseIndicators = base.filter((item) => item.type === 'indicator');
const baseMetricCount = base.filter((item) => item.type === 'metric').length;
// About one added metric in ten is declined or undecided, so a place ends up with about `metricsPerPlace`.
const addedMetricCount = Math.max(0, Math.round((metricsPerPlace - baseMetricCount - 4) / 0.9));
const topics = ['attendance', 'readiness', 'weight', 'dental decay', 'smoking', 'breastfeeding', 'injuries', 'housing'];

const addMetricChanges: TemplateChange[] = Array.from({ length: addedMetricCount }, (_, n) => ({
  id: uuid(1, n),
  sourceEntities: [],
  kind: 'add-metric',
  templateId: `bench.met.${n}`,
  indicatorTemplateId: baseIndicators[n % baseIndicators.length]!.templateId,
  name: `Children and families: ${topics[n % topics.length]} measure ${n}`,
  definition: '',
  unit: '%',
  polarity: 'higher-is-better',
  source: '',
  fingertipsId: null,
  frequency: 'annual',
}));
const rewordChanges: TemplateChange[] = Array.from({ length: 20 }, (_, n) => ({
  id: uuid(2, n),
  sourceEntities: [],
  kind: 'reword',
  type: 'metric',
  templateId: `bench.met.${n * 7}`,
  from: `Children and families: ${topics[(n * 7) % topics.length]} measure ${n * 7}`,
  to: `Families: ${topics[(n * 7) % topics.length]} measure ${n * 7}, reworded`,
}));
const versions: TemplateVersion[] = [
  {
    id: uuid(9, 1),
    networkId,
    version: 1,
    note: '',
    publishedAt: '2026-01-01T00:00:00.000Z',
    publishedBy: 'Bench',
    summary: '',
    changes: addMetricChanges,
  },
  {
    id: uuid(9, 2),
    networkId,
    version: 2,
    note: '',
    publishedAt: '2026-02-01T00:00:00.000Z',
    publishedBy: 'Bench',
    summary: '',
    changes: rewordChanges,
  },
];

// ---------------------------------------------------------------- the places

const localOutcomes = [
  'Children are ready for school at five',
  'Children are school-ready at age 5',
  'Families can get help with the cost of living',
  'Families get cost of living support',
  'Dads feel welcome at the family hub',
  'Fathers feel welcome in family hubs',
  'Young carers are identified and supported',
  'Young carers get support early',
  'Fewer children live in temporary accommodation',
  'Children are safe online',
  'Parents feel confident about their baby’s sleep',
  'More families use the family hub',
];
const localMetrics = [
  'Number of families using the family hub',
  'Families using family hubs',
  'Percentage of fathers attending hub sessions',
  'Young carers known to the council',
  'Households in temporary accommodation with children',
  'Hub staff sickness absence',
];
const reasons = [
  'Held by the ICB, no data-sharing agreement',
  'held by the ICB, no data sharing agreement',
  'Not collected locally',
  'Only published for the whole county',
  'Published two years late',
];
const owners = ['ICB', 'Council', 'DfE', 'NHS England', ''];
const steps = ['Agree a data-sharing agreement', 'Ask DfE to publish by ward', 'Raise at the regional network', ''];
const statuses: (DataStatus | null)[] = ['available', 'available', 'partial', 'not-accessible', 'missing', null];

interface BuiltPlace {
  place: NetworkPlace;
  update: Uint8Array;
  choices: TemplateChoices['choices'];
}

function buildPlace(p: number): BuiltPlace {
  const random = seededRandom(1_000 + p);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const partnershipId = `bench-place-${String(p).padStart(3, '0')}`;
  const doc = new Y.Doc();
  const choices: TemplateChoices['choices'] = [];
  const decide = (changeId: string, choice: 'adopted' | 'declined') =>
    choices.push({ changeId, partnershipId, choice, decidedAt: '2026-03-01T00:00:00.000Z' });
  applyTemplate(doc, 'common-outcomes');
  const indicatorIds = new Map(
    readFrameworkEntities(doc).indicators.map((indicator) => [indicator.templateId ?? '', indicator.id]),
  );
  const stamp = { by: 'Bench', on: '2026-03-01' };
  doc.transact(() => {
    for (const change of addMetricChanges) {
      if (change.kind !== 'add-metric') continue;
      const roll = random();
      if (roll < 0.06) {
        decide(change.id, 'declined');
        continue;
      }
      if (roll < 0.1) continue; // not decided yet
      decide(change.id, 'adopted');
      addMetric(doc, {
        indicatorId: indicatorIds.get(change.indicatorTemplateId)!,
        name: roll < 0.14 ? `${change.name} (local definition)` : change.name,
        templateId: change.templateId,
        scope: 'core',
        unit: change.unit,
      });
    }
    for (const change of rewordChanges) if (random() < 0.5) decide(change.id, 'adopted');
    for (let n = 0; n < 4; n++) {
      addOutcome(doc, { domain: pick(domainOrder), level: 'child', statement: pick(localOutcomes) });
    }
    const indicators = [...indicatorIds.values()];
    for (let n = 0; n < 4; n++) {
      addMetric(doc, { indicatorId: pick(indicators), name: pick(localMetrics) });
    }
    const { metrics } = readFrameworkEntities(doc);
    for (const metric of metrics) {
      // Every 40th template metric is one most places cannot get: the agenda lists those.
      const hard = metric.templateId?.startsWith('bench.met.') && Number(metric.templateId.slice(10)) % 40 === 0;
      const status = hard
        ? random() < 0.8
          ? pick(['missing', 'not-accessible'] as const)
          : 'available'
        : pick(statuses);
      const available = status === 'available' || status === null;
      updateDataMapping(
        doc,
        metric.id,
        {
          status,
          reason: available ? '' : pick(reasons),
          owner: available ? '' : pick(owners),
          nextStep: available ? '' : pick(steps),
        },
        stamp,
      );
    }
  });
  const place: NetworkPlace = {
    partnershipId,
    name: `Bench place ${p}`,
    areaName: `Area ${p}`,
    sharing: { framework: true, dataMapping: true, priorities: true, theoryOfChange: true, evidence: false },
  };
  return { place, update: Y.encodeStateAsUpdate(doc), choices };
}

// ---------------------------------------------------------------- timing

/** Wall time, and the CPU time this process spent (user + system, GC threads included): the latter says less about
 * how busy the rest of the machine was. */
async function time<T>(body: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; result: T }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await body();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result };
}

async function main(): Promise<void> {
  progress(`building ${placeCount} places × about ${metricsPerPlace} metrics`);
  const builtStarted = performance.now();
  const built: BuiltPlace[] = [];
  for (let p = 0; p < placeCount; p++) {
    built.push(buildPlace(p));
    if ((p + 1) % 25 === 0) progress(`  ${p + 1} places (${Math.round((performance.now() - builtStarted) / 1000)} s)`);
  }
  const docs = new Map<string, Y.Doc>();
  for (const { place, update } of built) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    docs.set(place.partnershipId, doc);
  }
  const heldDocs: WorkspaceDocs = {
    read: (id, read) => Promise.resolve(read(docs.get(id)!)),
    change: () => Promise.reject(new Error('read only')),
  };
  const updates = new Map(built.map(({ place, update }) => [place.partnershipId, update]));
  const coldDocs: WorkspaceDocs = {
    read: (id, read) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, updates.get(id)!);
      return Promise.resolve(read(doc));
    },
    change: () => Promise.reject(new Error('read only')),
  };
  const places = built.map(({ place }) => place);
  const choices = built.flatMap((entry) => entry.choices);
  const service = (workspaceDocs: WorkspaceDocs) =>
    new NetworkAnalysisService({
      places: () => Promise.resolve(places),
      versions: () => Promise.resolve(versions),
      choices: () => Promise.resolve(choices),
      networkName: () => Promise.resolve('Bench network'),
      docs: workspaceDocs,
      decisions: { forPartnership: () => Promise.resolve([]) },
      observations: { series: () => Promise.reject(new Error('not benchmarked')) },
    });
  const held = service(heldDocs);
  const template = networkTemplateAt(versions);
  const sample = readFrameworkEntities(docs.get(places[0]!.partnershipId)!);
  progress(
    `template ${template.items.length} items; a place holds ${sample.metrics.length} metrics, ${sample.outcomes.length} outcomes`,
  );

  // Inputs of the pure analyses, read once, so their own cost can be told apart from reading 150 documents.
  const frameworks = places.map((place) => {
    const { outcomes, indicators, metrics } = readFrameworkEntities(docs.get(place.partnershipId)!);
    return { place, framework: { outcomes, indicators, metrics } };
  });
  const mappings = places.map((place) => ({
    partnershipId: place.partnershipId,
    metrics: frameworks.find((entry) => entry.place === place)!.framework.metrics,
    mappings: readDataMapping(docs.get(place.partnershipId)!).byMetric,
  }));
  const choiceMaps = new Map<string, Map<string, 'adopted' | 'declined'>>();
  for (const choice of choices) {
    const map = choiceMaps.get(choice.partnershipId) ?? new Map<string, 'adopted' | 'declined'>();
    map.set(choice.changeId, choice.choice);
    choiceMaps.set(choice.partnershipId, map);
  }
  const serviceSteps = [
    'common core, service, first request (reads every place + states + candidates)',
    'data agenda, service, first request (reads mappings + counts)',
    'common core, service, again (unchanged places kept)',
    'data agenda, service, again',
  ];
  const figures: Record<string, number[]> = {
    [serviceSteps[0]!]: [],
    [serviceSteps[1]!]: [],
    [serviceSteps[2]!]: [],
    [serviceSteps[3]!]: [],
    'common core states, pure': [],
    'recurring additions (candidates), pure': [],
    'data agenda, pure': [],
    'data agenda XLSX, service': [],
  };
  const cpu: Record<string, number[]> = Object.fromEntries(serviceSteps.map((step) => [step, []]));
  let summary = '';
  for (let run = 0; run < runs; run++) {
    const core = await time(() => held.commonCore(networkId));
    figures[serviceSteps[run === 0 ? 0 : 2]!]!.push(core.ms);
    cpu[serviceSteps[run === 0 ? 0 : 2]!]!.push(core.cpuMs);
    const agenda = await time(() => held.dataAgenda(networkId));
    figures[serviceSteps[run === 0 ? 1 : 3]!]!.push(agenda.ms);
    cpu[serviceSteps[run === 0 ? 1 : 3]!]!.push(agenda.cpuMs);
    const states = await time(() =>
      commonCoreItems(
        template,
        frameworks.map(({ place, framework }) => ({
          place,
          framework,
          choices: choiceMaps.get(place.partnershipId) ?? new Map(),
        })),
        templateRewordings(versions),
      ),
    );
    figures['common core states, pure']!.push(states.ms);
    const candidates = await time(() =>
      recurringAdditions(
        template,
        frameworks.map(({ place, framework }) => ({ partnershipId: place.partnershipId, ...framework })),
      ),
    );
    figures['recurring additions (candidates), pure']!.push(candidates.ms);
    const pureAgenda = await time(() => networkDataAgenda(template, mappings));
    figures['data agenda, pure']!.push(pureAgenda.ms);
    const xlsx = await time(() => held.dataAgendaFile(networkId, 'xlsx'));
    figures['data agenda XLSX, service']!.push(xlsx.ms);
    summary =
      `${core.result.items.length} template items, ${core.result.candidates.length} candidates, ` +
      `${agenda.result.metrics.length} metrics on the agenda, response ${Math.round(JSON.stringify(core.result).length / 1024)} kB`;
    progress(
      `run ${run + 1}: common core ${Math.round(core.ms)} ms, data agenda ${Math.round(agenda.ms)} ms ` +
        `(load ${os.loadavg()[0]!.toFixed(1)})`,
    );
  }
  if (values.cold) {
    const cold = service(coldDocs);
    figures['common core, service, every doc decoded (cold)'] = [(await time(() => cold.commonCore(networkId))).ms];
    figures['data agenda, service, every doc decoded (cold)'] = [(await time(() => cold.dataAgenda(networkId))).ms];
  }
  const load = os.loadavg()[0]!.toFixed(1);
  const lines = [
    `Network analysis, ${placeCount} places × ${sample.metrics.length} metrics (${template.items.length} template items), ` +
      `${runs} runs, medians (Node ${process.version}):`,
    '',
    '| step | median | CPU time | goal |',
    '| --- | --- | --- | --- |',
    ...Object.entries(figures).map(
      ([step, samples]) =>
        `| ${step} | ${Math.round(median(samples))} ms | ${cpu[step] ? `${Math.round(median(cpu[step]))} ms` : ''} | ` +
        `${serviceSteps.includes(step) ? '< 2,000 ms' : ''} |`,
    ),
    '',
    summary,
    `Load average (1 min) at the end: ${load} on ${os.cpus().length} CPUs; other work on the machine slows every figure.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
