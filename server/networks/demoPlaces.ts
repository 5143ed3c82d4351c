import type * as Y from 'yjs';
import { updateDataMapping } from '../../shared/model/dataMapping/dataMapping.ts';
import {
  addIndicator,
  addMetric,
  addOutcome,
  deleteOutcome,
  readFramework,
  updateMetric,
  updateOutcome,
} from '../../shared/model/framework/index.ts';
import { seededRandom } from '../../shared/model/seededRandom.ts';
import type { DataStatus } from '../../shared/schemas/dataMapping.ts';
import type { Domain, Level } from '../../shared/schemas/framework.ts';
import type { Sharing } from '../../shared/schemas/networks.ts';

/**
 * The sample places of the demo network: eight London-like boroughs (clearly labelled sample data) that adopted the
 * Common Outcomes Framework in different ways, so a newcomer sees the common-core analysis, recurring local
 * additions and a shared data development agenda at once. Deterministic: the same places every time.
 */
export interface DemoPlace {
  id: string;
  name: string;
  areaName: string;
  areaCode: string;
  sharing: Sharing;
}

const everything: Sharing = {
  framework: true,
  dataMapping: true,
  priorities: true,
  theoryOfChange: true,
  evidence: true,
};

/** The seven sample places beside the demo partnership itself (the eighth place). */
export const demoPlaces: readonly DemoPlace[] = [
  {
    id: 'sample-northbrook',
    name: 'Northbrook Family Hubs (sample)',
    areaName: 'Northbrook',
    areaCode: 'E09000005',
    sharing: everything,
  },
  {
    id: 'sample-eastmere',
    name: 'Eastmere Start for Life (sample)',
    areaName: 'Eastmere',
    areaCode: 'E09000025',
    sharing: everything,
  },
  {
    id: 'sample-riverside',
    name: 'Riverside Partnership (sample)',
    areaName: 'Riverside',
    areaCode: 'E09000028',
    sharing: { ...everything, evidence: false },
  },
  {
    id: 'sample-hollins',
    name: 'Hollins Family Hubs (sample)',
    areaName: 'Hollins',
    areaCode: 'E09000030',
    sharing: everything,
  },
  {
    id: 'sample-westcombe',
    name: 'Westcombe Children’s Partnership (sample)',
    areaName: 'Westcombe',
    areaCode: 'E09000012',
    sharing: { ...everything, dataMapping: false },
  },
  {
    id: 'sample-kingsfold',
    name: 'Kingsfold Family Hubs (sample)',
    areaName: 'Kingsfold',
    areaCode: 'E09000022',
    sharing: { ...everything, evidence: false },
  },
  {
    id: 'sample-ashgrove',
    name: 'Ashgrove Best Start (sample)',
    areaName: 'Ashgrove',
    areaCode: 'E09000014',
    sharing: { ...everything, theoryOfChange: false },
  },
];

/** Local outcomes several places wrote in their own words: the analysis groups them as candidates for the core. */
const recurringOutcomes: readonly {
  domain: Domain;
  level: Level;
  wordings: readonly string[];
  /** How places name the indicator and the metric they measure it by, in their own words too. */
  indicators: readonly string[];
  metrics: readonly string[];
}[] = [
  {
    domain: 'learning',
    level: 'child',
    wordings: [
      'Children are ready for school at five',
      'Children are school-ready at age 5',
      'More children are ready for school by the age of five',
      'Children start school ready to learn at five',
    ],
    indicators: ['School readiness at the end of Reception', 'Readiness for school at age five'],
    metrics: ['Children with a good level of development at five', 'Good level of development at age 5 (local)'],
  },
  {
    domain: 'healthy',
    level: 'parent-adult',
    wordings: [
      'Parents get help with their mental health early',
      'Parents with mental health needs get early help',
      'Early help for parents’ mental health',
    ],
    indicators: ['Parents seen early for perinatal mental health', 'Early perinatal mental health support'],
    metrics: ['Parents referred to perinatal mental health within 4 weeks', 'Perinatal referrals seen within 4 weeks'],
  },
  {
    domain: 'engaged',
    level: 'parent-carer',
    wordings: ['Fathers are involved in family hub services', 'More dads take part in family hub services'],
    indicators: ['Fathers taking part in hub sessions', 'Dads attending family hub sessions'],
    metrics: ['Fathers registered with a family hub', 'Dads registered with the family hub'],
  },
];

/** Reasons people give for data they cannot use, as places actually write them (so the agenda aggregates them). */
const reasons: Readonly<
  Record<Exclude<DataStatus, 'available'>, readonly { reason: string; owner: string; nextStep: string }[]>
> = {
  'not-accessible': [
    { reason: 'Held by the ICB, no data-sharing agreement', owner: 'ICB', nextStep: 'Agree a data-sharing agreement' },
    { reason: 'Held by the ICB, no data-sharing agreement', owner: 'ICB', nextStep: 'Agree a data-sharing agreement' },
    {
      reason: 'Held by health visiting provider, not shared',
      owner: 'Health visiting provider',
      nextStep: 'Ask for a quarterly extract',
    },
  ],
  partial: [
    {
      reason: 'Only published annually at borough level',
      owner: 'Public health',
      nextStep: 'Ask OHID for ward-level figures',
    },
  ],
  missing: [
    { reason: 'Not collected anywhere', owner: 'DfE', nextStep: 'Raise with the national family hubs programme' },
    {
      reason: 'Not collected locally',
      owner: 'Council children’s services',
      nextStep: 'Add to the family hub registration form',
    },
  ],
};

/** About one template metric in five is a gap most places share (a stable choice: a character sum of its id). */
function sharedGapOf(templateId: string): boolean {
  let sum = 0;
  for (const character of templateId) sum += character.charCodeAt(0);
  return sum % 5 === 2;
}

/**
 * Shapes a sample place's framework (already filled from the template): drops a few outcomes, rewords some, adds
 * local outcomes (some recurring across places) with a local indicator and metric, and maps its metrics' data.
 * `index` (0–6) picks the place's own mix.
 */
export function shapeDemoPlace(doc: Y.Doc, index: number): void {
  const random = seededRandom(1_000 + index * 7_919);
  doc.transact(() => {
    const framework = readFramework(doc);
    const outcomes = framework.outcomes;
    // Most places keep most of the core; each drops two to five outcomes.
    const drops = 2 + Math.floor(random() * 4);
    for (let n = 0; n < drops; n++) {
      const outcome = outcomes[Math.floor(random() * outcomes.length)]!;
      deleteOutcome(doc, outcome.id, 'Sample data');
    }
    // Some reword an outcome or two in their own voice.
    if (index % 2 === 0) {
      const outcome = outcomes[(index * 5) % outcomes.length]!;
      updateOutcome(doc, outcome.id, { statement: `${outcome.statement}, in every neighbourhood` });
    }
    if (index % 3 === 0) {
      const metric = framework.metrics[(index * 11) % framework.metrics.length]!;
      updateMetric(doc, metric.id, { name: `${metric.name} (local measure)` });
    }
    // Local additions: the recurring ones for most places, in their own wording, and one place-specific one.
    recurringOutcomes.forEach((recurring, which) => {
      if ((index + which) % 4 === 3) return;
      const pick = <T>(list: readonly T[]): T => list[(index + which) % list.length]!;
      const statement = pick(recurring.wordings);
      const outcomeId = addOutcome(doc, {
        domain: recurring.domain,
        level: recurring.level,
        statement,
        scope: 'local',
      });
      const indicatorId = addIndicator(doc, { name: pick(recurring.indicators), outcomeIds: [outcomeId] });
      addMetric(doc, { indicatorId, name: pick(recurring.metrics), scope: 'local' });
    });
    // Data mapping: most metrics available; a shared set of gaps for most places, with the reasons people give.
    const stamp = { by: 'Sample data', on: '2026-10-01' };
    framework.metrics.forEach((metric) => {
      const roll = random();
      // The same metrics are out of reach almost everywhere: chosen by template id, the same in every place whatever
      // each dropped (positions shift with what a place deleted).
      const sharedGap = sharedGapOf(metric.templateId ?? metric.id);
      const status: DataStatus = sharedGap
        ? roll < 0.55
          ? 'not-accessible'
          : roll < 0.85
            ? 'missing'
            : 'partial'
        : roll < 0.78
          ? 'available'
          : roll < 0.88
            ? 'partial'
            : roll < 0.95
              ? 'not-accessible'
              : 'missing';
      if (status === 'available') {
        updateDataMapping(doc, metric.id, { status }, stamp);
        return;
      }
      const options = reasons[status];
      const pick = options[Math.floor(random() * options.length)]!;
      updateDataMapping(doc, metric.id, { status, ...pick }, stamp);
    });
  });
}
