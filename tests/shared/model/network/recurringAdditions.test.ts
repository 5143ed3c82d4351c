import { describe, expect, it } from 'vitest';
import { baseTemplateItems, networkTemplateAt } from '../../../../shared/model/network/networkTemplate.ts';
import {
  localAdditions,
  recurringAdditions,
  type PlaceAdditions,
} from '../../../../shared/model/network/recurringAdditions.ts';
import {
  similarPairs,
  similarityThreshold,
  stemWeights,
  weighWording,
  wordingSimilarity,
  wordingStems,
} from '../../../../shared/model/network/similarWording.ts';
import { indicator, metric, outcome, smallTemplate } from './factories.ts';

describe('wording similarity', () => {
  // Weights learnt from the Common Outcomes Framework's own wording, as a network starting from it would.
  const corpus = baseTemplateItems().map((item) => wordingStems(item.label));
  const weight = stemWeights(corpus);
  const similarity = (a: string, b: string) =>
    wordingSimilarity(weighWording(wordingStems(a), weight), weighWording(wordingStems(b), weight));

  it('reduces wording to its main stems: no stop words or punctuation, numbers as digits', () => {
    expect(wordingStems('Children are ready for school at five')).toEqual(['children', 'readi', 'school', '5']);
    expect(wordingStems('Children are school-ready at age 5')).toEqual(['children', 'school', 'readi', 'ag', '5']);
    expect(wordingStems('The, the and THE!')).toEqual([]);
  });

  it.each([
    ['Children are ready for school at five', 'Children are school-ready at age 5'],
    ['Families can get help with the cost of living', 'Families get cost of living support'],
    ['Percentage of children with good level of development', 'Children achieving a good level of development (%)'],
    ['Number of families using the family hub', 'Families using family hubs'],
  ])('links “%s” with “%s”', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(similarityThreshold);
  });

  it.each([
    // Only "children" in common, and nearly every outcome says "children".
    ['Fewer children are obese', 'More children are active'],
    // Same frame, different outcome: the threshold sits above these.
    ['Children are safe at home', 'Children are healthy at home'],
    ['Parents feel confident', 'Parents feel supported'],
    ['Children are safe online', 'Children are safe at school'],
    ['Fathers are involved in their child’s early years', 'Dads engage with family hub services'],
  ])('keeps “%s” apart from “%s”', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(similarityThreshold);
  });

  it('finds through prefix filtering exactly the pairs that comparing everything with everything finds', () => {
    const texts = [
      'Children are ready for school at five',
      'Children are school-ready at age 5',
      'Fewer children are obese',
      'More children are active',
      'Children are safe at home',
      'Children are healthy at home',
      'Families get cost of living support',
      'Families can get help with the cost of living',
      'Children ready for school',
      'Children',
      '',
    ];
    const wordings = texts.map((text) => weighWording(wordingStems(text), weight));
    for (const threshold of [0.3, similarityThreshold, 0.8]) {
      const everything: [number, number][] = [];
      for (let j = 0; j < wordings.length; j++) {
        for (let i = 0; i < j; i++) {
          if (wordingSimilarity(wordings[i]!, wordings[j]!) >= threshold) everything.push([i, j]);
        }
      }
      const sort = (pairs: [number, number][]) => [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(sort(similarPairs(wordings, threshold))).toEqual(sort(everything));
    }
  });
});

describe('recurringAdditions', () => {
  const template = networkTemplateAt([], Infinity, smallTemplate);
  const ready = outcome({
    id: 'a-ready',
    templateId: 't.out.ready',
    domain: 'learning',
    statement: 'Children are ready for school',
  });
  const gld = indicator({
    id: 'a-gld',
    templateId: 't.ind.gld',
    outcomeIds: ['a-ready'],
    name: 'Good level of development',
  });
  const bReady = outcome({ id: 'b-ready', templateId: 't.out.ready', domain: 'learning' });
  const bGld = indicator({ id: 'b-gld', templateId: 't.ind.gld', outcomeIds: ['b-ready'] });
  const places: PlaceAdditions[] = [
    {
      partnershipId: 'a',
      outcomes: [
        ready,
        outcome({ id: 'a1', templateId: null, domain: 'learning', statement: 'Children are ready for school at five' }),
        outcome({ id: 'a2', templateId: null, domain: 'healthy', statement: 'Fewer children are obese' }),
        outcome({ id: 'a3', templateId: null, domain: 'safe', statement: 'Children are safe at home' }),
        outcome({
          id: 'a4',
          templateId: null,
          domain: 'engaged',
          statement: 'Families can get help with the cost of living',
        }),
      ],
      indicators: [gld],
      metrics: [
        metric({ id: 'a5', indicatorId: 'a-gld', templateId: null, name: 'Number of families using the family hub' }),
      ],
    },
    {
      partnershipId: 'b',
      outcomes: [
        bReady,
        // A template id from elsewhere (not this network's template) is a local addition too.
        outcome({
          id: 'b1',
          templateId: 'other.template.item',
          scope: 'local',
          domain: 'learning',
          statement: 'Children are school-ready at age 5',
        }),
        outcome({ id: 'b2', templateId: null, domain: 'healthy', statement: 'More children are active' }),
        outcome({ id: 'b3', templateId: null, domain: 'healthy', statement: 'Children are healthy at home' }),
      ],
      indicators: [bGld],
      metrics: [metric({ id: 'b4', indicatorId: 'b-gld', templateId: null, name: 'Families using family hubs' })],
    },
    {
      partnershipId: 'c',
      outcomes: [
        outcome({ id: 'c1', templateId: null, domain: 'engaged', statement: 'Families get cost of living support' }),
      ],
      // The same words as an outcome elsewhere, but an indicator: kinds are never grouped together.
      indicators: [indicator({ id: 'c2', templateId: null, name: 'Fewer children are obese' })],
      metrics: [],
    },
    {
      partnershipId: 'd',
      outcomes: [],
      indicators: [indicator({ id: 'd-local', templateId: null, name: 'Hub reach' })],
      metrics: [
        metric({ id: 'd1', indicatorId: 'd-local', templateId: null, name: 'Families using family hubs' }),
        // Two similar additions in one place and nowhere else are not a recurrence.
        metric({ id: 'd2', indicatorId: 'd-local', templateId: null, name: 'Hub staff sickness absence' }),
        metric({ id: 'd3', indicatorId: 'd-local', templateId: null, name: 'Sickness absence of hub staff' }),
      ],
    },
  ];

  it('finds the local additions: no template id, or one the network template does not hold', () => {
    const ids = localAdditions(places[1]!, template).map((addition) => addition.entityId);
    expect(ids).toEqual(['b1', 'b2', 'b3', 'b4']);
  });

  it('groups similar wording across places and matches the hand count', () => {
    // Hand count: "Families using family hubs" in a, b, d (three places; two of them say it this way, and two sit
    // under the template's good-level-of-development indicator, in learning); "…school-ready at age 5" with
    // "…ready for school at five" (a, b: one each, the shorter labels it); the cost of living pair (a, c). Obese /
    // active, safe / healthy at home, and d's two sickness metrics (one place) are no candidates.
    expect(recurringAdditions(template, places)).toEqual([
      {
        type: 'metric',
        label: 'Families using family hubs',
        labels: ['Families using family hubs', 'Number of families using the family hub'],
        partnershipIds: ['a', 'b', 'd'],
        entityIds: [
          { partnershipId: 'a', entityId: 'a5' },
          { partnershipId: 'b', entityId: 'b4' },
          { partnershipId: 'd', entityId: 'd1' },
        ],
        domain: 'learning',
        parentTemplateId: 't.ind.gld',
      },
      {
        type: 'outcome',
        label: 'Children are school-ready at age 5',
        labels: ['Children are school-ready at age 5', 'Children are ready for school at five'],
        partnershipIds: ['a', 'b'],
        entityIds: [
          { partnershipId: 'a', entityId: 'a1' },
          { partnershipId: 'b', entityId: 'b1' },
        ],
        domain: 'learning',
        parentTemplateId: null,
      },
      {
        type: 'outcome',
        label: 'Families get cost of living support',
        labels: ['Families get cost of living support', 'Families can get help with the cost of living'],
        partnershipIds: ['a', 'c'],
        entityIds: [
          { partnershipId: 'a', entityId: 'a4' },
          { partnershipId: 'c', entityId: 'c1' },
        ],
        domain: 'engaged',
        parentTemplateId: null,
      },
    ]);
  });

  it('labels a group by its most common wording, spelling as most places spell it', () => {
    const wordings = ['Dads feel welcome', 'dads feel welcome.', 'Dads feel welcome', 'Fathers and dads feel welcome'];
    const groupPlaces = wordings.map((statement, index) => ({
      partnershipId: `p${index}`,
      outcomes: [outcome({ templateId: null, domain: 'engaged', statement })],
      indicators: [],
      metrics: [],
    }));
    const [candidate] = recurringAdditions(template, groupPlaces);
    expect(candidate).toMatchObject({
      label: 'Dads feel welcome',
      labels: ['Dads feel welcome', 'Fathers and dads feel welcome'],
      partnershipIds: ['p0', 'p1', 'p2', 'p3'],
    });
  });

  it('takes many places holding the same words (a spreadsheet passed round) in its stride', () => {
    const shared = Array.from({ length: 100 }, (_, n) => `Imported measure ${n} of local services`);
    const same = Array.from({ length: 150 }, (_, p) => ({
      partnershipId: `p${p}`,
      outcomes: [outcome({ templateId: null, statement: 'The other' })],
      indicators: [],
      metrics: shared.map((name) => metric({ templateId: null, name })),
    }));
    const started = performance.now();
    const candidates = recurringAdditions(template, same);
    expect(performance.now() - started).toBeLessThan(3_000);
    // "Imported measure 7 …" and "… 8 …" differ by their number, the rarest word each has: 100 groups, each in all
    // 150 places; "The other" has no word to compare and is no candidate.
    expect(candidates).toHaveLength(100);
    expect(
      candidates.every((candidate) => candidate.type === 'metric' && candidate.partnershipIds.length === 150),
    ).toBe(true);
  });

  it('stays fast for 150 places with a few additions each', () => {
    const subjects = ['Children', 'Families', 'Parents', 'Young people', 'Babies'];
    const topics = ['sleep well', 'read at home', 'use the hub', 'feel safe online', 'eat fruit', 'see a dentist'];
    const many = Array.from({ length: 150 }, (_, p) => ({
      partnershipId: `p${p}`,
      outcomes: Array.from({ length: 6 }, (_, n) =>
        outcome({ templateId: null, statement: `${subjects[(p + n) % 5]} ${topics[(p * 7 + n) % 6]} ${p % 11}` }),
      ),
      indicators: [],
      metrics: [],
    }));
    const started = performance.now();
    const candidates = recurringAdditions(template, many);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(candidates.length).toBeGreaterThan(0);
  });
});
