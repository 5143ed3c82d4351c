import {
  IndicatorSchema,
  MetricSchema,
  OutcomeSchema,
  type Indicator,
  type Metric,
  type Outcome,
} from '../../../../shared/schemas/framework.ts';
import type { NetworkPlace, Sharing, TemplateChange, TemplateVersion } from '../../../../shared/schemas/networks.ts';
import type { FrameworkTemplate } from '../../../../shared/templates/templateTypes.ts';

let sequence = 0;
const next = (): number => ++sequence;

/**
 * A small starting framework for network tests: two outcomes, two indicators, three metrics (two with a Fingertips
 * id), so hand counts stay short.
 */
export const smallTemplate: FrameworkTemplate = {
  id: 'common-outcomes',
  name: 'Small test framework',
  description: '',
  domains: [
    {
      domain: 'learning',
      outcomes: [
        {
          templateId: 't.out.ready',
          level: 'child',
          statement: 'Children are ready for school',
          description: '',
          ageStages: [],
        },
      ],
      indicators: [
        {
          templateId: 't.ind.gld',
          name: 'Good level of development',
          definition: '',
          outcomes: ['t.out.ready'],
          metrics: [
            metricTemplate('t.met.gld', 'Percentage of children with a good level of development', '90631'),
            metricTemplate('t.met.fsm', 'Good level of development, free school meals', null),
          ],
        },
      ],
    },
    {
      domain: 'healthy',
      outcomes: [
        {
          templateId: 't.out.weight',
          level: 'child',
          statement: 'Children are a healthy weight',
          description: '',
          ageStages: [],
        },
      ],
      indicators: [
        {
          templateId: 't.ind.obesity',
          name: 'Obesity at reception',
          definition: '',
          outcomes: ['t.out.weight'],
          metrics: [metricTemplate('t.met.obese', 'Reception children living with obesity', '90316')],
        },
      ],
    },
  ],
};

function metricTemplate(templateId: string, name: string, fingertipsId: string | null) {
  return {
    templateId,
    name,
    definition: '',
    unit: '%',
    polarity: 'higher-is-better' as const,
    source: 'OHID',
    fingertipsId,
    frequency: 'annual',
    breakdowns: [],
  };
}

/** A published version holding `changes`, with ids filled in. */
export function buildVersion(version: number, changes: TemplateChange[]): TemplateVersion {
  return {
    id: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
    networkId: '11111111-1111-4111-8111-111111111111',
    version,
    note: '',
    publishedAt: '2026-01-01T00:00:00.000Z',
    publishedBy: 'Coordinator',
    summary: '',
    changes,
  };
}

/** A change id that reads as what it is in failures. */
export function changeId(n: number): string {
  return `22222222-2222-4222-8222-${String(n).padStart(12, '0')}`;
}

export const allShared: Sharing = {
  framework: true,
  dataMapping: true,
  priorities: true,
  theoryOfChange: true,
  evidence: true,
};

/** A member place sharing everything unless told otherwise. */
export function buildPlace(partnershipId: string, sharing: Partial<Sharing> = {}): NetworkPlace {
  return {
    partnershipId,
    name: `Place ${partnershipId}`,
    areaName: `Area ${partnershipId}`,
    sharing: { ...allShared, ...sharing },
  };
}

/** A live outcome as a read returns it. */
export function outcome(overrides: Partial<Outcome> = {}): Outcome {
  const n = next();
  return OutcomeSchema.parse({
    id: `o${n}`,
    statement: `Outcome ${n}`,
    description: '',
    domain: 'safe',
    level: 'child',
    ageStages: [],
    scope: 'core',
    order: 'a0',
    ...overrides,
  });
}

/** A live indicator as a read returns it. */
export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  const n = next();
  return IndicatorSchema.parse({
    id: `i${n}`,
    name: `Indicator ${n}`,
    definition: '',
    outcomeIds: [],
    scope: 'core',
    order: 'a0',
    ...overrides,
  });
}

/** A live metric as a read returns it. */
export function metric(overrides: Partial<Metric> = {}): Metric {
  const n = next();
  return MetricSchema.parse({
    id: `m${n}`,
    indicatorId: 'i0',
    name: `Metric ${n}`,
    definition: '',
    unit: '%',
    polarity: 'higher-is-better',
    source: '',
    frequency: '',
    breakdowns: [],
    scope: 'core',
    order: 'a0',
    ...overrides,
  });
}
