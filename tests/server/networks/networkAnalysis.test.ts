import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { updateDataMapping } from '../../../shared/model/dataMapping/index.ts';
import {
  addOutcome,
  deleteMetric,
  deleteOutcome,
  readFrameworkEntities,
  updateMetric,
  updateOutcome,
  addMetric,
} from '../../../shared/model/framework/index.ts';
import { addAction, addLink } from '../../../shared/model/theoryOfChange/index.ts';
import { suppressSmallCount } from '../../../shared/model/evidence/suppression.ts';
import type { Observation } from '../../../shared/schemas/observations.ts';
import type { DataStatus } from '../../../shared/schemas/dataMapping.ts';
import type { NetworkPlace, Sharing, TemplateChoices, TemplateVersion } from '../../../shared/schemas/networks.ts';
import { AcrossPlacesSchema, CommonCoreSchema, NetworkDataAgendaSchema } from '../../../shared/schemas/networks.ts';
import { applyTemplate } from '../../../shared/templates/applyTemplate.ts';
import { NetworkAnalysisService } from '../../../server/networks/NetworkAnalysisService.ts';
import { memoryWorkspaceDocs } from '../../../server/workspace/workspaceDocAccess.ts';

// Eight places on the Common Outcomes Framework, a network version that adds a metric (c1) and rewords an outcome
// (c2), and what each place did with them. The hand count tables are beside each expectation.
const networkId = '11111111-1111-4111-8111-111111111111';
const c1 = '22222222-2222-4222-8222-000000000001';
const c2 = '22222222-2222-4222-8222-000000000002';
const safeAtHome = 'cof.out.safe.child.1';
const oldSafeAtHome = 'Babies and children are safe at home and in their community';
const newSafeAtHome = 'Children are safe at home and in their community';
const infantMortalityRate = 'cof.met.safe.infant-mortality-rate';
const injuries = 'cof.met.safe.injury-admissions-0-4';
const protectedFromHarm = 'cof.out.safe.child.2';
const earlyHelp = 'cof.out.safe.child.3';
const newMetric = 'net.met.sudi';

const versions: TemplateVersion[] = [
  {
    id: '33333333-3333-4333-8333-000000000001',
    networkId,
    version: 1,
    note: '',
    publishedAt: '2026-02-01T00:00:00.000Z',
    publishedBy: 'Coordinator',
    summary: '1 new metric, 1 outcome reworded',
    changes: [
      {
        id: c1,
        sourceEntities: [],
        kind: 'add-metric',
        templateId: newMetric,
        indicatorTemplateId: 'cof.ind.safe.infant-mortality',
        name: 'Sudden unexpected deaths in infancy',
        definition: '',
        unit: 'per 1,000',
        polarity: 'lower-is-better',
        source: '',
        fingertipsId: null,
        frequency: '',
      },
      {
        id: c2,
        sourceEntities: [],
        kind: 'reword',
        type: 'outcome',
        templateId: safeAtHome,
        from: oldSafeAtHome,
        to: newSafeAtHome,
      },
    ],
  },
];

const nothingShared: Sharing = {
  framework: false,
  dataMapping: false,
  priorities: false,
  theoryOfChange: false,
  evidence: false,
};
const defaults: Sharing = {
  framework: true,
  dataMapping: true,
  priorities: true,
  theoryOfChange: true,
  evidence: false,
};
const sharing: Record<string, Sharing> = {
  p1: { ...defaults, evidence: true },
  p2: { ...defaults, evidence: true },
  p3: nothingShared,
  p4: { ...defaults, priorities: false },
  p5: defaults,
  p6: defaults,
  p7: { ...defaults, dataMapping: false },
  p8: defaults,
};
const ids = Object.keys(sharing);

const stamp = { by: 'Test', on: '2026-03-01' };
const byTemplate = (doc: Y.Doc, templateId: string) => {
  const { outcomes, indicators, metrics } = readFrameworkEntities(doc);
  const found = [...outcomes, ...indicators, ...metrics].find((entity) => entity.templateId === templateId);
  if (!found) throw new Error(`no ${templateId}`);
  return found.id;
};
const map = (doc: Y.Doc, templateId: string, status: DataStatus, reason = '', owner = '') =>
  updateDataMapping(doc, byTemplate(doc, templateId), { status, reason, owner }, stamp);

function observation(metricId: string, areaCode: string, value: number, count: number): Observation {
  return suppressSmallCount({
    metricId,
    areaCode,
    areaName: areaCode,
    period: '2023',
    periodKey: 2023,
    categoryType: '',
    category: '',
    value,
    lowerCi: value - 0.1,
    upperCi: value + 0.1,
    count,
    denominator: 10_000,
    note: '',
    source: 'fingertips',
    suppressed: false,
    importedAt: '2026-01-01T00:00:00.000Z',
    batchId: 'b',
    lowerCi998: null,
    upperCi998: null,
    quintile: null,
    fingertipsComparisons: { england: null, region: null },
  });
}

describe('NetworkAnalysisService', () => {
  let docs: ReturnType<typeof memoryWorkspaceDocs>;
  let read: string[];
  let places: NetworkPlace[];
  let analysis: NetworkAnalysisService;
  const priorityRefs = new Map<string, { kind: string; refId: string }[]>();

  beforeEach(() => {
    docs = memoryWorkspaceDocs();
    read = [];
    places = ids.map((id) => ({
      partnershipId: id,
      name: `Place ${id}`,
      areaName: `Area ${id}`,
      sharing: sharing[id]!,
    }));
    for (const id of ids) applyTemplate(docs.doc(id), 'common-outcomes');
    const doc = (id: string) => docs.doc(id);
    const addSudi = (id: string) =>
      addMetric(doc(id), {
        indicatorId: byTemplate(doc(id), 'cof.ind.safe.infant-mortality'),
        name: 'Sudden unexpected deaths in infancy',
        templateId: newMetric,
        scope: 'core',
      });
    // p1 adopted both; p2 adopted the rewording only; p4 declined both and dropped the infant mortality rate;
    // p5 reworded that metric; p6 deleted the safe-at-home outcome; p7 did nothing; p8 adopted the rewording but
    // kept its own words. p1 and p5 added one similar local outcome; p3 (shares nothing) too.
    addSudi('p1');
    updateOutcome(doc('p1'), byTemplate(doc('p1'), safeAtHome), { statement: newSafeAtHome });
    updateOutcome(doc('p2'), byTemplate(doc('p2'), safeAtHome), { statement: newSafeAtHome });
    deleteMetric(doc('p4'), byTemplate(doc('p4'), infantMortalityRate), 'Test');
    updateMetric(doc('p5'), byTemplate(doc('p5'), infantMortalityRate), {
      name: 'Infant deaths per 1,000 live births',
    });
    deleteOutcome(doc('p6'), byTemplate(doc('p6'), safeAtHome), 'Test');
    const readiness = { domain: 'learning', level: 'child' } as const;
    addOutcome(doc('p1'), { ...readiness, statement: 'Children are ready for school at five' });
    const p5Local = addOutcome(doc('p5'), { ...readiness, statement: 'Children are school-ready at age 5' });
    addOutcome(doc('p3'), { ...readiness, statement: 'Children are ready for school at 5' });

    // Data mapping (p3 and p7 do not share it).
    const icb = 'Held by the ICB, no data-sharing agreement';
    map(doc('p1'), infantMortalityRate, 'not-accessible', icb, 'ICB');
    map(doc('p2'), infantMortalityRate, 'not-accessible', icb.toLowerCase(), 'icb');
    map(doc('p5'), infantMortalityRate, 'missing', 'Not collected', '');
    map(doc('p6'), infantMortalityRate, 'not-accessible', icb, 'ICB');
    map(doc('p8'), infantMortalityRate, 'available');
    map(doc('p7'), infantMortalityRate, 'missing', 'Secret of p7');
    for (const id of ['p1', 'p2', 'p4']) map(doc(id), injuries, 'missing');
    for (const id of ['p5', 'p6']) map(doc(id), injuries, 'available');

    // Theory of change: p1 has two actions, one linked to two outcomes, the other to an indicator.
    const hub = addAction(doc('p1'), { name: 'Family hub drop-in' });
    const visits = addAction(doc('p1'), { name: 'Health visiting' });
    addLink(doc('p1'), { actionId: hub, target: { kind: 'outcome', id: byTemplate(doc('p1'), protectedFromHarm) } });
    addLink(doc('p1'), { actionId: hub, target: { kind: 'outcome', id: byTemplate(doc('p1'), earlyHelp) } });
    addLink(doc('p1'), {
      actionId: visits,
      target: { kind: 'indicator', id: byTemplate(doc('p1'), 'cof.ind.safe.infant-mortality') },
    });

    // Agreed priorities by the place's own outcome ids (p4 does not share them).
    priorityRefs.clear();
    const outcomePriority = (id: string, templateId: string) => ({
      kind: 'outcome',
      refId: byTemplate(doc(id), templateId),
    });
    priorityRefs.set('p1', [outcomePriority('p1', protectedFromHarm), { kind: 'indicator', refId: 'x' }]);
    priorityRefs.set('p2', [outcomePriority('p2', protectedFromHarm)]);
    priorityRefs.set('p4', [outcomePriority('p4', protectedFromHarm)]);
    priorityRefs.set('p5', [outcomePriority('p5', protectedFromHarm), { kind: 'outcome', refId: p5Local }]);
    priorityRefs.set('p6', [outcomePriority('p6', earlyHelp)]);

    const choices: TemplateChoices['choices'] = [
      ['p1', c1, 'adopted'],
      ['p1', c2, 'adopted'],
      ['p2', c2, 'adopted'],
      ['p4', c1, 'declined'],
      ['p4', c2, 'declined'],
      ['p8', c1, 'declined'],
      ['p8', c2, 'adopted'],
    ].map(([partnershipId, changeId, choice]) => ({
      partnershipId: partnershipId!,
      changeId: changeId!,
      choice: choice as 'adopted' | 'declined',
      decidedAt: '2026-02-02T00:00:00.000Z',
    }));
    analysis = new NetworkAnalysisService({
      places: () => Promise.resolve(places),
      versions: () => Promise.resolve(versions),
      choices: () => Promise.resolve(choices),
      networkName: () => Promise.resolve('London family hubs'),
      docs: {
        read: (partnershipId, body) => {
          read.push(partnershipId);
          return docs.read(partnershipId, body);
        },
        change: () => Promise.reject(new Error('the analysis never changes a document')),
      },
      decisions: {
        forPartnership: (id) => Promise.resolve([{ priorities: priorityRefs.get(id) ?? [] }]),
      },
      observations: {
        series: (partnershipId, metricIds) => {
          const metricId = metricIds.find((id) => id === byTemplate(doc(partnershipId), infantMortalityRate));
          // p1: 4.1 (count 12) against England's 3.9; p2: a count of 3, suppressed.
          const count = partnershipId === 'p1' ? 12 : 3;
          const observations = metricId
            ? [observation(metricId, 'AREA', 4.1, count), observation(metricId, 'E92000001', 3.9, 2_000)]
            : [];
          return Promise.resolve({
            areas: [
              { code: 'AREA', name: 'Area', role: 'area' },
              { code: 'E92000001', name: 'England', role: 'england' },
            ],
            metrics: metricIds.map((id) => ({
              metricId: id,
              observations: observations.filter((o) => o.metricId === id),
            })),
            smallCountThreshold: 5,
          });
        },
      },
    });
  });

  it('common core: each template item as each place holds it, as hand counted', async () => {
    const core = CommonCoreSchema.parse(await analysis.commonCore(networkId));
    expect(core.templateVersion).toBe(1);
    // Places p1 … p8:
    //   safe at home      = = . ~ ? - ? ~   (p4, p8 kept the old words: declined / own choice; p5, p7 undecided)
    //   infant mortality  = = . - ~ = = =
    //   new SUDI metric   = ? . - ? ? ? -   (p1 adopted; p4 and p8 declined)
    //   protected (untouched) = = . = = = = =
    const item = (templateId: string) => core.items.find((entry) => entry.templateId === templateId)!;
    expect(item(safeAtHome)).toMatchObject({
      label: newSafeAtHome,
      states: '==.~?-?~',
      asIs: 2,
      changed: 2,
      dropped: 1,
      pending: 2,
    });
    expect(item(infantMortalityRate)).toMatchObject({
      states: '==.-~===',
      asIs: 5,
      changed: 1,
      dropped: 1,
      pending: 0,
    });
    expect(item(newMetric)).toMatchObject({ states: '=?.-???-', asIs: 1, changed: 0, dropped: 2, pending: 4 });
    expect(item(protectedFromHarm)).toMatchObject({ states: '==.=====', asIs: 7 });
    expect(core.items).toHaveLength(130);
  });

  it('common core: the recurring local addition of p1 and p5, never p3 which shares nothing', async () => {
    const core = await analysis.commonCore(networkId);
    expect(core.candidates).toMatchObject([
      {
        type: 'outcome',
        label: 'Children are school-ready at age 5',
        partnershipIds: ['p1', 'p5'],
        domain: 'learning',
      },
    ]);
    expect(core.similarity).toMatch(/similar/);
    expect(read).not.toContain('p3');
  });

  it('turning framework sharing off removes the place at once', async () => {
    places[0] = { ...places[0]!, sharing: { ...places[0]!.sharing, framework: false } };
    const core = await analysis.commonCore(networkId);
    expect(core.items.find((entry) => entry.templateId === safeAtHome)?.states).toBe('.=.~?-?~');
    expect(core.candidates).toEqual([]);
  });

  it("sees a change to a place's document at once, though it keeps what it read", async () => {
    const before = await analysis.commonCore(networkId);
    const readsBefore = read.length;
    await analysis.commonCore(networkId);
    expect(read.length - readsBefore).toBe(7);
    const p5 = docs.doc('p5');
    updateMetric(p5, byTemplate(p5, infantMortalityRate), { name: 'Infant mortality rate' });
    const after = await analysis.commonCore(networkId);
    const states = (core: typeof before) =>
      core.items.find((entry) => entry.templateId === infantMortalityRate)?.states;
    expect([states(before), states(after)]).toEqual(['==.-~===', '==.-====']);
  });

  it('data agenda: the infant mortality rate, as hand counted over the six places sharing their mapping', async () => {
    // Sharing: p1 p2 p4 p5 p6 p8 (6). Infant mortality rate: not accessible p1 p2 p6, missing p5, available p8,
    // dropped p4 → 1 + 3 = 4 > 3: listed. Injuries: missing p1 p2 p4 = 3, not more than half: not listed.
    const agenda = NetworkDataAgendaSchema.parse(await analysis.dataAgenda(networkId));
    expect(agenda.places).toBe(6);
    expect(agenda.metrics).toEqual([
      {
        templateId: infantMortalityRate,
        name: 'Infant mortality rate',
        indicator: 'Infant mortality',
        domain: 'safe',
        places: 5,
        missing: 1,
        notAccessible: 3,
        partial: 0,
        available: 1,
        notMapped: 0,
        reasons: [
          { reason: 'Held by the ICB, no data-sharing agreement', count: 3 },
          { reason: 'Not collected', count: 1 },
        ],
        owners: [{ owner: 'ICB', count: 3 }],
        nextSteps: [],
      },
    ]);
    expect(read).not.toContain('p3');
    expect(read).not.toContain('p7');
  });

  it('data agenda files: CSV, XLSX and DOCX, named after the network', async () => {
    const csv = await analysis.dataAgendaFile(networkId, 'csv');
    expect(csv.fileName).toBe('network-data-agenda-london-family-hubs.csv');
    expect(String(csv.body)).toContain('Held by the ICB, no data-sharing agreement: 3 of 6 places');
    const xlsx = await analysis.dataAgendaFile(networkId, 'xlsx');
    const docx = await analysis.dataAgendaFile(networkId, 'docx');
    // Both are zip packages.
    for (const file of [xlsx, docx]) expect([...(file.body as Uint8Array).slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(docx.mediaType).toMatch(/wordprocessingml/);
  });

  it('across places: priorities, evidence against England (suppressed hidden) and theory-of-change counts', async () => {
    const across = AcrossPlacesSchema.parse(await analysis.acrossPlaces(networkId));
    // Priorities (p4 does not share them): protected from harm p1 p2 p5; early help p6; p5's local outcome left out.
    expect(across.priorities.map((priority) => [priority.templateId, priority.partnershipIds])).toEqual([
      [protectedFromHarm, ['p1', 'p2', 'p5']],
      [earlyHelp, ['p6']],
    ]);
    // Evidence is shared by p1 and p2 only; p2's count of 3 is suppressed.
    const rate = across.evidence.find((entry) => entry.templateId === infantMortalityRate)!;
    expect(rate.places).toEqual([
      {
        partnershipId: 'p1',
        period: '2023',
        value: 4.1,
        englandValue: 3.9,
        judgement: 'worse',
        words: expect.stringMatching(/worse than England/) as unknown,
      },
      {
        partnershipId: 'p2',
        period: '2023',
        value: null,
        englandValue: 3.9,
        judgement: 'suppressed',
        words: 'Value suppressed (<5)',
      },
    ]);
    // Theory of change (p3 shares nothing): p1 has 2 actions, 3 links, reaching protected, early help and, through
    // the infant mortality indicator, its two outcomes (protected again, and one parent-carer outcome) = 3 of 49
    // outcomes (48 + its local one); everyone else has nothing: 0 of 48 (p5 49 with its local one, p6 47).
    expect(
      across.theoryOfChange.map((entry) => [
        entry.partnershipId,
        entry.actions,
        entry.links,
        entry.outcomesCovered,
        entry.outcomes,
      ]),
    ).toEqual([
      ['p1', 2, 3, 3, 49],
      ['p2', 0, 0, 0, 48],
      ['p4', 0, 0, 0, 48],
      ['p5', 0, 0, 0, 49],
      ['p6', 0, 0, 0, 47],
      ['p7', 0, 0, 0, 48],
      ['p8', 0, 0, 0, 48],
    ]);
    expect(read).not.toContain('p3');
  });
});
