import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOutcome,
  moveOutcome,
  readFramework,
  readOutcome,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { frameworkMapNames } from '../../../../shared/model/framework/docShape.ts';
import { buildOutcome, seedFramework } from './factories.ts';

/** Writes a stored entry directly, as a bug or an old client might have, bypassing the model. */
function storeRaw(doc: Y.Doc, kind: keyof typeof frameworkMapNames, id: string, value: unknown): void {
  doc.getMap(frameworkMapNames[kind]).set(id, value);
}

function outcomeEntry(fields: Record<string, unknown>): Y.Map<unknown> {
  return new Y.Map<unknown>(
    Object.entries({
      statement: new Y.Text('A statement'),
      description: new Y.Text(''),
      domain: 'safe',
      level: 'child',
      scope: 'local',
      order: 'a0',
      ...fields,
    }),
  );
}

describe('invalid doc content', () => {
  it('is reported with the id and the reason, skipped, and never thrown', () => {
    const doc = new Y.Doc();
    const seeded = seedFramework(doc);
    storeRaw(doc, 'outcome', 'not-a-map', 'just a string');
    storeRaw(doc, 'outcome', 'plain-statement', outcomeEntry({ statement: 'typed as a plain string' }));
    storeRaw(doc, 'outcome', 'bad-domain', outcomeEntry({ domain: 'wealthy' }));
    storeRaw(doc, 'outcome', 'bad-order', outcomeEntry({ order: '' }));
    storeRaw(doc, 'outcome', 'bad-stages', outcomeEntry({ ageStages: ['0-2'] }));
    storeRaw(doc, 'indicator', 'no-name', new Y.Map<unknown>(Object.entries({ scope: 'core', order: 'a0' })));
    const orphan = new Y.Map<unknown>(
      Object.entries({
        indicatorId: 'missing-indicator',
        name: new Y.Text('Orphan'),
        definition: new Y.Text(''),
        unit: '%',
        polarity: 'higher-is-better',
        source: 'DfE',
        frequency: 'annual',
        scope: 'local',
        order: 'a0',
      }),
    );
    storeRaw(doc, 'metric', 'orphan', orphan);

    const framework = readFramework(doc);
    const reasons = Object.fromEntries(framework.problems.map((problem) => [problem.id, problem.reason]));
    expect(reasons).toMatchObject({
      'not-a-map': 'is not a map of fields',
      'plain-statement': 'statement is not shared text',
      'bad-domain': expect.stringContaining('domain') as string,
      'bad-order': expect.stringContaining('order') as string,
      'bad-stages': 'ageStages is not a set',
      'no-name': 'name is not shared text',
      orphan: 'its indicator missing-indicator does not exist',
    });
    expect(framework.problems.find((problem) => problem.id === 'orphan')?.kind).toBe('metric');
    expect(framework.outcomes.map((outcome) => outcome.id).sort()).toEqual([...seeded.outcomes].sort());
    expect(framework.metrics).toHaveLength(seeded.metrics.length);
    expect(readOutcome(doc, 'bad-domain')).toBeNull();
  });

  it('does not stop people working next to it', () => {
    const doc = new Y.Doc();
    storeRaw(doc, 'outcome', 'bad-order', outcomeEntry({ order: 'not a key!' }));
    const id = addOutcome(doc, buildOutcome());
    expect(moveOutcome(doc, id, { domain: 'happy', index: 0 })).toBe(true);
    expect(readOutcome(doc, id)?.domain).toBe('happy');
  });

  it('repairs a field of the wrong type when someone edits it', () => {
    const doc = new Y.Doc();
    storeRaw(doc, 'outcome', 'plain-statement', outcomeEntry({ statement: 'typed as a plain string' }));
    updateOutcome(doc, 'plain-statement', { statement: 'Now shared text' });
    expect(readOutcome(doc, 'plain-statement')?.statement).toBe('Now shared text');
  });
});
