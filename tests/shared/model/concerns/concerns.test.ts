import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addConcern,
  concernsForOutcome,
  deleteConcern,
  readConcern,
  readConcerns,
  restoreConcern,
  setConcernLink,
  updateConcern,
} from '../../../../shared/model/concerns/index.ts';
import type { ConcernDraft } from '../../../../shared/schemas/concerns.ts';
import { sync } from '../framework/factories.ts';

function buildConcern(overrides: Partial<ConcernDraft> = {}): ConcernDraft {
  return {
    name: 'Young carers missing school',
    description: 'Attendance of young carers is falling.',
    kind: 'cohort',
    outcomeIds: ['o1'],
    metricIds: [],
    evidenceNotes: 'School census, 2025',
    ...overrides,
  };
}

describe('concerns', () => {
  it('records, reads and soft-deletes a concern', () => {
    const doc = new Y.Doc();
    const id = addConcern(doc, buildConcern(), 'Asha', new Date('2026-03-01T10:00:00Z'));
    expect(readConcerns(doc)).toEqual([
      {
        id,
        name: 'Young carers missing school',
        description: 'Attendance of young carers is falling.',
        kind: 'cohort',
        outcomeIds: ['o1'],
        metricIds: [],
        evidenceNotes: 'School census, 2025',
        createdAt: '2026-03-01T10:00:00.000Z',
        createdBy: 'Asha',
        deletedAt: null,
        deletedBy: null,
      },
    ]);
    deleteConcern(doc, id, 'Ben');
    expect(readConcerns(doc)).toEqual([]);
    expect(readConcern(doc, id, { includeDeleted: true })?.deletedBy).toBe('Ben');
    restoreConcern(doc, id);
    expect(readConcern(doc, id)).not.toBeNull();
  });

  it('keeps concurrent link changes and text edits from two people', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const id = addConcern(a, buildConcern({ outcomeIds: [] }), 'Asha');
    sync(a, b);
    setConcernLink(a, id, 'outcomeIds', 'o1', true);
    setConcernLink(b, id, 'metricIds', 'm9', true);
    setConcernLink(b, id, 'outcomeIds', 'o2', true);
    updateConcern(a, id, { kind: 'locality', name: 'Young carers missing school in Northfield' });
    updateConcern(b, id, { evidenceNotes: 'School census, 2025; health visiting records' });
    sync(a, b);
    const [fromA, fromB] = [readConcern(a, id), readConcern(b, id)];
    expect(fromA).toEqual(fromB);
    expect(fromA).toMatchObject({
      outcomeIds: ['o1', 'o2'],
      metricIds: ['m9'],
      kind: 'locality',
      name: 'Young carers missing school in Northfield',
      evidenceNotes: 'School census, 2025; health visiting records',
    });
  });

  it('finds the concerns of an outcome directly or through its metrics', () => {
    const doc = new Y.Doc();
    addConcern(doc, buildConcern({ name: 'Direct', outcomeIds: ['o1'] }), 'Asha');
    addConcern(doc, buildConcern({ name: 'Through a metric', outcomeIds: [], metricIds: ['m1'] }), 'Asha');
    addConcern(doc, buildConcern({ name: 'Elsewhere', outcomeIds: ['o2'] }), 'Asha');
    expect(
      concernsForOutcome(readConcerns(doc), 'o1', ['m1'])
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Direct', 'Through a metric']);
  });

  it('skips entries that cannot be read', () => {
    const doc = new Y.Doc();
    doc.getMap('concerns').set('broken', 'text');
    expect(readConcerns(doc)).toEqual([]);
  });
});
