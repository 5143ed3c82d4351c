import { describe, expect, it } from 'vitest';
import {
  commonCoreItems,
  templateRewordings,
  wordingKey,
  type PlaceFramework,
} from '../../../../shared/model/network/commonCore.ts';
import { networkTemplateAt, sameWording } from '../../../../shared/model/network/networkTemplate.ts';
import { buildPlace, buildVersion, changeId, indicator, metric, outcome, smallTemplate } from './factories.ts';

const addPhonics = changeId(1);
const rewordWeight = changeId(2);
const versions = [
  buildVersion(1, [
    {
      id: addPhonics,
      sourceEntities: [],
      kind: 'add-metric',
      templateId: 't.met.new',
      indicatorTemplateId: 't.ind.gld',
      name: 'Children meeting the expected standard in phonics',
      definition: '',
      unit: '%',
      polarity: 'higher-is-better',
      source: '',
      fingertipsId: null,
      frequency: '',
    },
    {
      id: rewordWeight,
      sourceEntities: [],
      kind: 'reword',
      type: 'outcome',
      templateId: 't.out.weight',
      from: 'Children are a healthy weight',
      to: 'Children grow up a healthy weight',
    },
  ]),
];
const template = networkTemplateAt(versions, Infinity, smallTemplate);

type Entities = NonNullable<PlaceFramework['framework']>;
const framework = (entities: Partial<Entities>): Entities => ({
  outcomes: [],
  indicators: [],
  metrics: [],
  ...entities,
});
const decided = (choices: Record<string, 'adopted' | 'declined'>) => new Map(Object.entries(choices));

// Five places, each arranged to show one way of holding the template.
const places: PlaceFramework[] = [
  {
    // A: took everything, adopted both changes.
    place: buildPlace('a'),
    framework: framework({
      outcomes: [
        outcome({ templateId: 't.out.ready', statement: 'Children are ready for school' }),
        outcome({ templateId: 't.out.weight', statement: 'Children grow up a healthy weight' }),
      ],
      indicators: [
        indicator({ templateId: 't.ind.gld', name: 'Good level of development' }),
        indicator({ templateId: 't.ind.obesity', name: 'Obesity at reception' }),
      ],
      metrics: [
        metric({ templateId: 't.met.gld', name: 'Percentage of children with a good level of development' }),
        metric({ templateId: 't.met.fsm', name: 'Good level of development, free school meals' }),
        metric({ templateId: 't.met.obese', name: 'Reception children living with obesity' }),
        metric({ templateId: 't.met.new', name: 'Children meeting the expected standard in phonics' }),
      ],
    }),
    choices: decided({ [addPhonics]: 'adopted', [rewordWeight]: 'adopted' }),
  },
  {
    // B: case and a full stop aside as is; one metric reworded, one dropped; has decided nothing.
    place: buildPlace('b'),
    framework: framework({
      outcomes: [
        outcome({ templateId: 't.out.ready', statement: '  children are ready for SCHOOL. ' }),
        outcome({ templateId: 't.out.weight', statement: 'Children are a healthy weight' }),
      ],
      indicators: [
        indicator({ templateId: 't.ind.gld', name: 'Good level of development' }),
        indicator({ templateId: 't.ind.obesity', name: 'Obesity at reception' }),
      ],
      metrics: [
        metric({ templateId: 't.met.gld', name: '% of children reaching a good level of development' }),
        metric({ templateId: 't.met.obese', name: 'Reception children living with obesity' }),
      ],
    }),
    choices: decided({}),
  },
  // C: does not share its framework.
  { place: buildPlace('c', { framework: false }), framework: null, choices: decided({}) },
  {
    // D: declined both changes and keeps the old wording; no obesity indicator.
    place: buildPlace('d'),
    framework: framework({
      outcomes: [
        outcome({ templateId: 't.out.ready', statement: 'Children are ready for school' }),
        outcome({ templateId: 't.out.weight', statement: 'Children are a healthy weight' }),
      ],
      indicators: [indicator({ templateId: 't.ind.gld', name: 'Good level of development' })],
      metrics: [
        metric({ templateId: 't.met.gld', name: 'Percentage of children with a good level of development' }),
        metric({ templateId: 't.met.fsm', name: 'Good level of development, free school meals' }),
      ],
    }),
    choices: decided({ [addPhonics]: 'declined', [rewordWeight]: 'declined' }),
  },
  {
    // E: two outcomes from one template item (one as is), its own wording for the other; an indicator wrongly
    // carrying a metric's template id does not count for the metric.
    place: buildPlace('e'),
    framework: framework({
      outcomes: [
        outcome({ templateId: 't.out.ready', statement: 'School readiness' }),
        outcome({ templateId: 't.out.ready', statement: 'Children are ready for school' }),
        outcome({ templateId: 't.out.weight', statement: 'Healthy weight for every child' }),
        outcome({ templateId: null, statement: 'Children feel safe online' }),
      ],
      indicators: [
        indicator({ templateId: 't.met.gld', name: 'Percentage of children with a good level of development' }),
      ],
      metrics: [metric({ templateId: 't.met.unknown', name: 'Something of its own' })],
    }),
    choices: decided({}),
  },
];

describe('commonCoreItems', () => {
  it('matches the hand count, place by place and item by item, in template order', () => {
    // Hand count (places A B C D E):
    //   t.out.ready    = = . = =   as is 4
    //   t.out.weight   = ? . ~ ~   as is 1, changed 2, pending 1 (B has not decided the rewording)
    //   t.ind.gld      = = . = -   as is 3, dropped 1
    //   t.met.gld      = ~ . = -   as is 2, changed 1, dropped 1
    //   t.met.fsm      = - . = -   as is 2, dropped 2
    //   t.ind.obesity  = = . - -   as is 2, dropped 2
    //   t.met.obese    = = . - -   as is 2, dropped 2
    //   t.met.new      = ? . - ?   as is 1, dropped 1 (D declined), pending 2
    const items = commonCoreItems(template, places, templateRewordings(versions));
    expect(
      items.map((item) => [item.templateId, item.states, item.asIs, item.changed, item.dropped, item.pending]),
    ).toEqual([
      ['t.out.ready', '==.==', 4, 0, 0, 0],
      ['t.out.weight', '=?.~~', 1, 2, 0, 1],
      ['t.ind.gld', '==.=-', 3, 0, 1, 0],
      ['t.met.gld', '=~.=-', 2, 1, 1, 0],
      ['t.met.fsm', '=-.=-', 2, 0, 2, 0],
      ['t.ind.obesity', '==.--', 2, 0, 2, 0],
      ['t.met.obese', '==.--', 2, 0, 2, 0],
      ['t.met.new', '=?.-?', 1, 0, 1, 2],
    ]);
  });

  it('labels each item with the current template wording, its type and domain', () => {
    const items = commonCoreItems(template, places, templateRewordings(versions));
    expect(items[1]).toMatchObject({ type: 'outcome', label: 'Children grow up a healthy weight', domain: 'healthy' });
    expect(items[7]).toMatchObject({
      type: 'metric',
      label: 'Children meeting the expected standard in phonics',
      domain: 'learning',
    });
  });

  it('without the rewording history, old wording reads as changed', () => {
    const items = commonCoreItems(template, places);
    expect(items[1]!.states).toBe('=~.~~');
  });

  it('compares wording by keys exactly as sameWording does', () => {
    const texts = [
      'Children are safe.',
      ' children  ARE safe ',
      'Children are safe..',
      'Children are sáfe',
      'İstanbul',
      '',
    ];
    for (const a of texts) for (const b of texts) expect(wordingKey(a) === wordingKey(b)).toBe(sameWording(a, b));
  });

  it('gives an empty states string when the network has no places', () => {
    expect(commonCoreItems(template, []).every((item) => item.states === '' && item.asIs === 0)).toBe(true);
  });
});
