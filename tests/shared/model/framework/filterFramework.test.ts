import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  addOutcome,
  filterFramework,
  readFramework,
  searchFramework,
} from '../../../../shared/model/framework/index.ts';
import { buildIndicator, buildMetric, buildOutcome } from './factories.ts';

function sampleFramework() {
  const doc = new Y.Doc();
  const safe = addOutcome(doc, buildOutcome({ statement: 'Children are safe at home', ageStages: ['0-2'] }));
  const ready = addOutcome(
    doc,
    buildOutcome({
      domain: 'learning',
      statement: 'Children start school ready to learn',
      ageStages: ['3-4'],
      scope: 'core',
    }),
  );
  const allAges = addOutcome(
    doc,
    buildOutcome({ domain: 'happy', level: 'parent-carer', statement: 'Parents feel confident', ageStages: [] }),
  );
  const indicator = addIndicator(doc, buildIndicator({ name: 'Good level of development', outcomeIds: [ready] }));
  addMetric(doc, buildMetric(indicator, { name: 'GLD at the end of Reception', source: 'DfE EYFSP' }));
  return { framework: readFramework(doc), safe, ready, allAges };
}

const ids = (framework: ReturnType<typeof readFramework>): string[] => framework.outcomes.map((outcome) => outcome.id);

describe('filtering and searching the framework', () => {
  it('groups outcomes into all 20 cells, domain by domain, child first', () => {
    const { framework } = sampleFramework();
    expect(framework.cells).toHaveLength(20);
    expect(framework.cells.slice(0, 4).map((cell) => cell.level)).toEqual([
      'child',
      'parent-adult',
      'parent-carer',
      'system',
    ]);
  });

  it('filters by domain, level and scope, keeping only the cells asked for', () => {
    const { framework, ready, allAges } = sampleFramework();
    const learning = filterFramework(framework, { domain: 'learning' });
    expect(ids(learning)).toEqual([ready]);
    expect(learning.cells).toHaveLength(4);
    expect(ids(filterFramework(framework, { level: 'parent-carer' }))).toEqual([allAges]);
    expect(ids(filterFramework(framework, { scope: 'core' }))).toEqual([ready]);
  });

  it('filters by age stage, counting outcomes with no stage as for every age', () => {
    const { framework, safe, allAges } = sampleFramework();
    expect(ids(filterFramework(framework, { ageStage: '0-2' }))).toEqual([safe, allAges]);
  });

  it('finds text in an outcome or in the indicators and metrics under it, ignoring case and accents', () => {
    const { framework, ready } = sampleFramework();
    expect(ids(filterFramework(framework, { text: 'eyfsp' }))).toEqual([ready]);
    expect(ids(filterFramework(framework, { text: 'SCHÖOL' }))).toEqual([ready]);
    const found = searchFramework(framework, 'development');
    expect(found.indicators.map((indicator) => indicator.name)).toEqual(['Good level of development']);
    expect(searchFramework(framework, '  ').outcomes).toEqual([]);
  });
});
