import { randomUUID } from 'node:crypto';
import { readFrameworkEntities } from '../../shared/model/framework/index.ts';
import { adoptTemplateChange } from '../../shared/model/network/templateChanges.ts';
import { networkTemplateAt } from '../../shared/model/network/networkTemplate.ts';
import type { SourceEntity, TemplateChange } from '../../shared/schemas/networks.ts';
import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { demoPartnershipId } from '../workspace/seedDemo.ts';
import { demoPlaces, shapeDemoPlace } from './demoPlaces.ts';

/** The demo network's name: says it is sample data wherever it is listed. */
const demoNetworkName = 'North Thames family hubs network (sample data)';

/** What each sample place (by index, the demo partnership last) does with each change of version 1. */
const choicesByPlace: readonly ('adopt' | 'decline' | null)[][] = [
  ['adopt', 'adopt', 'adopt', 'adopt'],
  ['adopt', 'decline', 'adopt', null],
  ['adopt', 'adopt', 'decline', 'adopt'],
  [null, null, null, null],
  ['decline', 'adopt', 'adopt', 'adopt'],
  ['adopt', 'adopt', null, 'decline'],
  ['adopt', 'decline', 'adopt', 'adopt'],
  [null, null, null, null],
];

/**
 * Seeds the demo network on a store that has just been given its demo partnership: seven sample places and the demo
 * partnership, each adopting the Common Outcomes Framework its own way (see `demoPlaces.ts`), sharing different
 * sections, and a first template version — a promoted local outcome, a new metric, a rewording — that some places
 * adopted, some declined and some have not decided yet. Everything is labelled sample data. Returns false when a demo
 * network exists already.
 */
export async function seedDemoNetwork(
  store: Repositories,
  partnershipService: PartnershipService,
  docs: WorkspaceDocs,
): Promise<boolean> {
  if ((await store.networks.all()).some((network) => network.isDemo)) return false;
  for (const [index, place] of demoPlaces.entries()) {
    if (await store.partnerships.findById(place.id)) continue;
    await store.partnerships.create({
      id: place.id,
      name: place.name,
      areaName: place.areaName,
      areaCode: place.areaCode,
      template: 'common-outcomes',
      createdBy: null,
    });
    await partnershipService.initialiseDemo(place.id);
    await docs.change(place.id, (doc) => shapeDemoPlace(doc, index));
  }
  const network = await store.networks.create({ name: demoNetworkName, isDemo: true, createdBy: null });
  const places = [
    ...demoPlaces.map((place) => ({ id: place.id, sharing: place.sharing })),
    {
      id: demoPartnershipId,
      sharing: { framework: true, dataMapping: true, priorities: true, theoryOfChange: true, evidence: true },
    },
  ];
  const joinedAt = new Date().toISOString();
  for (const place of places) {
    if (!(await store.partnerships.findById(place.id))) continue;
    await store.networks.invite({
      networkId: network.id,
      partnershipId: place.id,
      invitedBy: null,
      sharing: place.sharing,
    });
    await store.networks.join(network.id, place.id, place.sharing, joinedAt);
  }

  const changes = await firstVersionChanges(
    docs,
    places.map((place) => place.id),
  );
  const stored = await store.networks.publishVersion(network.id, null, () => ({
    note: 'Sample version: school readiness joins the core, a new breastfeeding metric, clearer wording for one outcome.',
    changes,
  }));
  const template = networkTemplateAt([{ version: stored.version, changes: stored.changes }]);
  for (const [index, place] of places.entries()) {
    if (!(await store.partnerships.findById(place.id))) continue;
    for (const [position, change] of stored.changes.entries()) {
      const choice = choicesByPlace[index]?.[position] ?? null;
      if (choice === 'decline') {
        await store.networks.decline({
          partnershipId: place.id,
          networkId: network.id,
          changeId: change.id,
          decidedBy: null,
        });
      } else if (choice === 'adopt') {
        const adopted = await docs.change(place.id, (doc) => {
          try {
            adoptTemplateChange(doc, change, { partnershipId: place.id, template });
            return true;
          } catch {
            return false; // this place cannot take it as things are (e.g. it dropped the parent): left undecided
          }
        });
        if (adopted) {
          await store.networks.adopt({
            partnershipId: place.id,
            networkId: network.id,
            changeId: change.id,
            decidedBy: null,
          });
        }
      }
    }
  }
  return true;
}

/**
 * Version 1 of the demo template, written against the starting framework: the recurring "ready for school" outcome
 * promoted (naming the places' own local outcomes, which adopting links rather than duplicates), a metric under a
 * template indicator, and a rewording.
 */
async function firstVersionChanges(docs: WorkspaceDocs, placeIds: readonly string[]): Promise<TemplateChange[]> {
  const base = networkTemplateAt([]);
  const outcome = base.items.find((item) => item.type === 'outcome' && item.domain === 'healthy')!;
  const indicator = base.items.find((item) => item.type === 'indicator' && item.domain === 'healthy')!;
  const reworded = base.items.find((item) => item.type === 'outcome' && item.domain === 'safe')!;
  const sources: SourceEntity[] = [];
  for (const partnershipId of placeIds) {
    const found = await docs.read(partnershipId, (doc) =>
      readFrameworkEntities(doc).outcomes.find(
        (candidate) =>
          candidate.templateId === null && /ready .*school|school.ready|start school/i.test(candidate.statement),
      ),
    );
    if (found) sources.push({ partnershipId, entityId: found.id });
  }
  return [
    {
      id: randomUUID(),
      kind: 'add-outcome',
      templateId: 'net.demo.v1.1',
      domain: 'learning',
      level: 'child',
      statement: 'Children are ready for school at five',
      description: 'Promoted from the local outcomes most places wrote in their own words.',
      sourceEntities: sources,
    },
    {
      id: randomUUID(),
      kind: 'add-metric',
      templateId: 'net.demo.v1.2',
      indicatorTemplateId: indicator.templateId,
      name: 'Breastfeeding at 6 to 8 weeks',
      definition: 'Infants totally or partially breastfed at the 6 to 8 week health visitor review.',
      unit: '%',
      polarity: 'higher-is-better',
      source: 'OHID Fingertips',
      fingertipsId: '92517',
      frequency: 'Quarterly',
      sourceEntities: [],
    },
    {
      id: randomUUID(),
      kind: 'reword',
      type: 'outcome',
      templateId: reworded.templateId,
      from: reworded.label,
      to: `${reworded.label}, wherever they live`,
      sourceEntities: [],
    },
    {
      id: randomUUID(),
      kind: 'reword',
      type: 'outcome',
      templateId: outcome.templateId,
      from: outcome.label,
      to: `${outcome.label}, from pregnancy onwards`,
      sourceEntities: [],
    },
  ];
}
