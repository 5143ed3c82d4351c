import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMetric,
  deleteIndicator,
  deleteOutcome,
  metricsForIndicator,
  moveMetric,
  moveOutcome,
  readFramework,
  readIndicator,
  readMetric,
  readOutcome,
  restoreIndicator,
  restoreOutcome,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { buildMetric, seedFramework, sync } from './factories.ts';

function twoReplicas(): { a: Y.Doc; b: Y.Doc; seeded: ReturnType<typeof seedFramework> } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const seeded = seedFramework(a);
  sync(a, b);
  return { a, b, seeded };
}

describe('an edit made while someone else deletes', () => {
  it('keeps the edit: the outcome stays deleted, and restoring it shows the edit', () => {
    const { a, b, seeded } = twoReplicas();
    const id = seeded.outcomes[0]!;
    deleteOutcome(a, id, 'amira');
    updateOutcome(b, id, { statement: 'Children are safe and thrive at home' });
    sync(a, b);
    for (const replica of [a, b]) expect(readOutcome(replica, id)).toBeNull();
    restoreOutcome(b, id);
    sync(a, b);
    expect(readOutcome(a, id)?.statement).toBe('Children are safe and thrive at home');
  });

  it('keeps a move made while the outcome was deleted', () => {
    const { a, b, seeded } = twoReplicas();
    const id = seeded.outcomes[1]!;
    deleteOutcome(a, id, 'amira');
    moveOutcome(b, id, { domain: 'happy', level: 'system', index: 0 });
    sync(a, b);
    restoreOutcome(a, id);
    expect(readOutcome(a, id)).toMatchObject({ domain: 'happy', level: 'system' });
  });

  it('keeps a metric added to an indicator hidden at the same time with its only outcome', () => {
    const { a, b, seeded } = twoReplicas();
    deleteOutcome(a, seeded.outcomes[1]!, 'amira');
    const metric = addMetric(b, buildMetric(seeded.indicators[1]!));
    sync(a, b);
    expect(readIndicator(a, seeded.indicators[1]!)).toBeNull();
    expect(readMetric(a, metric)).toBeNull();
    restoreOutcome(a, seeded.outcomes[1]!);
    expect(readMetric(a, metric)).not.toBeNull();
  });

  it('moves a metric into an indicator being deleted: it is hidden with it, and back on restore', () => {
    const { a, b, seeded } = twoReplicas();
    deleteIndicator(a, seeded.indicators[1]!, 'amira');
    moveMetric(b, seeded.metrics[0]!, { indicatorId: seeded.indicators[1]!, index: 0 });
    sync(a, b);
    expect(readMetric(a, seeded.metrics[0]!)).toBeNull();
    restoreIndicator(b, seeded.indicators[1]!);
    sync(a, b);
    expect(metricsForIndicator(readFramework(a), seeded.indicators[1]!).map((m) => m.id)[0]).toBe(seeded.metrics[0]);
  });

  it('resolves a delete and a restore made at the same time the same way everywhere', () => {
    const { a, b, seeded } = twoReplicas();
    const id = seeded.outcomes[2]!;
    deleteOutcome(a, id, 'amira');
    sync(a, b);
    restoreOutcome(a, id);
    deleteOutcome(b, id, 'ben');
    sync(a, b);
    expect(readOutcome(a, id, { includeDeleted: true })).toEqual(readOutcome(b, id, { includeDeleted: true }));
  });
});
