import * as prng from 'lib0/prng';
import { vi } from 'vitest';
import * as Y from 'yjs';
import type { FrameworkRow, IndicatorDraft, MetricDraft, OutcomeDraft } from '../../../../shared/schemas/framework.ts';
import { addIndicator, addMetric, addOutcome } from '../../../../shared/model/framework/index.ts';

let sequence = 0;
const next = (): number => ++sequence;

/** An outcome draft with sensible defaults; override what the test is about. */
export function buildOutcome(overrides: Partial<OutcomeDraft> = {}): OutcomeDraft {
  const n = next();
  return {
    domain: 'safe',
    level: 'child',
    statement: `Children are safe at home ${n}`,
    description: `Free from harm, abuse and neglect (${n}).`,
    ageStages: ['0-2', '3-4'],
    scope: 'local',
    ...overrides,
  };
}

/** An indicator draft with sensible defaults. */
export function buildIndicator(overrides: Partial<IndicatorDraft> = {}): IndicatorDraft {
  const n = next();
  return {
    name: `Injury admissions ${n}`,
    definition: `Admissions for injuries (${n}).`,
    scope: 'local',
    ...overrides,
  };
}

/** A metric draft under `indicatorId` with sensible defaults. */
export function buildMetric(indicatorId: string, overrides: Partial<MetricDraft> = {}): MetricDraft {
  const n = next();
  return {
    indicatorId,
    name: `Admissions per 10,000 children ${n}`,
    definition: `Emergency admissions, ages 0 to 4 (${n}).`,
    unit: 'per 10,000',
    polarity: 'lower-is-better',
    source: 'Hospital Episode Statistics',
    fingertipsId: null,
    frequency: 'annual',
    breakdowns: ['Sex', 'Ward or locality'],
    scope: 'local',
    ...overrides,
  };
}

/** A small framework: outcomes in two cells, indicators (one serving two outcomes) and metrics under each. */
export function seedFramework(doc: Y.Doc): { outcomes: string[]; indicators: string[]; metrics: string[] } {
  const outcomes = [
    addOutcome(doc, buildOutcome()),
    addOutcome(doc, buildOutcome()),
    addOutcome(doc, buildOutcome({ domain: 'healthy', level: 'parent-carer' })),
  ];
  const indicators = [
    addIndicator(doc, buildIndicator({ outcomeIds: [outcomes[0]!, outcomes[2]!] })),
    addIndicator(doc, buildIndicator({ outcomeIds: [outcomes[1]!] })),
  ];
  const metrics = [
    addMetric(doc, buildMetric(indicators[0]!)),
    addMetric(doc, buildMetric(indicators[0]!)),
    addMetric(doc, buildMetric(indicators[1]!)),
  ];
  return { outcomes, indicators, metrics };
}

/** A complete spreadsheet row describing one new metric, indicator and outcome. */
export function buildRow(overrides: Partial<FrameworkRow> = {}): FrameworkRow {
  const n = next();
  return {
    Domain: 'Safe',
    Level: 'Babies, children and young people',
    'Outcome id': '',
    Outcome: `Children are safe at home ${n}`,
    'Outcome description': '',
    'Age stages': 'Age 0 to 2',
    'Outcome scope': 'Local',
    'Outcome template id': '',
    'Indicator id': '',
    Indicator: `Injury admissions ${n}`,
    'Indicator definition': '',
    'Indicator scope': 'Local',
    'Indicator template id': '',
    'Metric id': '',
    Metric: `Admissions per 10,000 ${n}`,
    'Metric definition': '',
    Unit: 'per 10,000',
    Polarity: 'Lower is better',
    Source: 'HES',
    'Fingertips id': '',
    Frequency: 'annual',
    Breakdowns: 'Sex',
    'Metric scope': 'Local',
    'Metric template id': '',
    ...overrides,
  };
}

/** Two docs in sync: everything each has, the other gets. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Makes new entity ids come from a seeded generator, so a convergence seed replays exactly. Restored after each test. */
export function seedEntityIds(seed: number): void {
  const random = prng.create(seed);
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array instanceof Uint8Array) for (let i = 0; i < array.length; i++) array[i] = prng.uint32(random, 0, 255);
    return array;
  });
}
