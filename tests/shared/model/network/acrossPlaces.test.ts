import { describe, expect, it } from 'vitest';
import type { EvidenceFact } from '../../../../shared/schemas/cycles.ts';
import { evidenceAcrossPlaces, priorityOutcomes } from '../../../../shared/model/network/acrossPlaces.ts';
import { networkTemplateAt } from '../../../../shared/model/network/networkTemplate.ts';
import { outcome, smallTemplate } from './factories.ts';

const template = networkTemplateAt([], Infinity, smallTemplate);

describe('priorityOutcomes', () => {
  it('counts each place once per template outcome, most places first, leaving local outcomes out', () => {
    const ready = (id: string) => outcome({ id, templateId: 't.out.ready', statement: 'Our words for readiness' });
    const weight = (id: string) => outcome({ id, templateId: 't.out.weight' });
    const priorities = priorityOutcomes(template, [
      {
        // Two decisions naming the same outcome count once; an indicator and a concern are not outcomes.
        partnershipId: 'a',
        priorities: [
          { kind: 'outcome', refId: 'a-ready' },
          { kind: 'outcome', refId: 'a-ready' },
          { kind: 'indicator', refId: 'a-gld' },
          { kind: 'concern', refId: 'a-cohort' },
        ],
        outcomes: [ready('a-ready'), weight('a-weight')],
      },
      {
        partnershipId: 'b',
        priorities: [
          { kind: 'outcome', refId: 'b-weight' },
          { kind: 'outcome', refId: 'b-ready' },
          { kind: 'outcome', refId: 'b-local' },
          { kind: 'outcome', refId: 'b-gone' },
        ],
        outcomes: [ready('b-ready'), weight('b-weight'), outcome({ id: 'b-local', templateId: null })],
      },
      { partnershipId: 'c', priorities: [{ kind: 'outcome', refId: 'c-ready' }], outcomes: [ready('c-ready')] },
    ]);
    // Hand count: ready in a, b, c; weight in b only; b's local outcome and its unknown one left out.
    expect(priorities).toEqual([
      { templateId: 't.out.ready', label: 'Children are ready for school', partnershipIds: ['a', 'b', 'c'] },
      { templateId: 't.out.weight', label: 'Children are a healthy weight', partnershipIds: ['b'] },
    ]);
  });
});

function fact(overrides: Partial<EvidenceFact> = {}): EvidenceFact {
  return {
    metricId: 'm',
    areaCode: 'E09000001',
    period: '2023/24',
    periodKey: 2023,
    value: 64.2,
    suppressed: false,
    importedAt: '2026-01-01T00:00:00.000Z',
    comparisons: [
      { comparator: 'england', comparatorName: 'England', judgement: 'worse', words: 'worse than England' },
      { comparator: 'region', comparatorName: 'London', judgement: 'similar', words: 'similar to London' },
    ],
    trend: { direction: 'not-enough-data', judgement: 'none', tested: false, words: 'Could not be calculated' },
    ...overrides,
  };
}

describe('evidenceAcrossPlaces', () => {
  it('gives each sharing place its latest value against England in words, never a suppressed value', () => {
    const evidence = evidenceAcrossPlaces(template, [
      { partnershipId: 'a', facts: new Map([['t.met.gld', { fact: fact(), englandValue: 67.2 }]]) },
      {
        partnershipId: 'b',
        facts: new Map([
          ['t.met.gld', { fact: fact({ value: null, suppressed: true, comparisons: [] }), englandValue: 67.2 }],
          ['t.met.obese', { fact: null, englandValue: null }],
        ]),
      },
      // Holds neither core metric: not listed.
      { partnershipId: 'c', facts: new Map() },
    ]);
    expect(evidence).toEqual([
      {
        templateId: 't.met.gld',
        name: 'Percentage of children with a good level of development',
        fingertipsId: '90631',
        unit: '%',
        places: [
          {
            partnershipId: 'a',
            period: '2023/24',
            value: 64.2,
            englandValue: 67.2,
            judgement: 'worse',
            words: 'worse than England',
          },
          {
            partnershipId: 'b',
            period: '2023/24',
            value: null,
            englandValue: 67.2,
            judgement: 'suppressed',
            words: 'Value suppressed (<5)',
          },
        ],
      },
      {
        templateId: 't.met.obese',
        name: 'Reception children living with obesity',
        fingertipsId: '90316',
        unit: '%',
        places: [
          {
            partnershipId: 'b',
            period: '',
            value: null,
            englandValue: null,
            judgement: 'no-data',
            words: 'No data imported yet',
          },
        ],
      },
    ]);
  });

  it('leaves out template metrics without a Fingertips id', () => {
    const evidence = evidenceAcrossPlaces(template, [
      { partnershipId: 'a', facts: new Map([['t.met.fsm', { fact: fact(), englandValue: 1 }]]) },
    ]);
    expect(evidence).toEqual([]);
  });
});
