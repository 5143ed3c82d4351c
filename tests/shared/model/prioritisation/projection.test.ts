import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  priorityLookup,
  readPriorities,
  readPriority,
  readRoundProjection,
  readRoundProjections,
  readRoundVersion,
  removeRoundProjection,
  writePriorities,
  writeRoundProjection,
  type PriorityProjection,
  type RoundProjection,
} from '../../../../shared/model/prioritisation/projection.ts';

function buildPriority(refId: string, overrides: Partial<PriorityProjection> = {}): PriorityProjection {
  return {
    kind: 'outcome',
    refId,
    label: `Outcome ${refId}`,
    roundId: 'round-1',
    roundTitle: 'Priorities',
    decisionId: 'd1',
    decidedAt: '2026-01-02T00:00:00.000Z',
    reviewDate: '2027-01-01',
    ...overrides,
  };
}

function buildProjection(overrides: Partial<RoundProjection> = {}): RoundProjection {
  return {
    id: 'round-1',
    title: 'Priorities 2026',
    question: '',
    method: 'dots',
    state: 'open',
    anonymous: true,
    visibility: 'after-close',
    eligibility: 'voting-members',
    closesAt: null,
    openedAt: '2026-01-01T10:00:00.000Z',
    closedAt: null,
    followUpOf: null,
    hasDecision: false,
    turnout: { voted: 2, eligible: 5 },
    quorum: { required: 0.5, needed: 3, met: false },
    voters: null,
    version: 2,
    results: null,
    ...overrides,
  };
}

describe('the ballots projection', () => {
  it('reads back what was written, and sends only changed fields', () => {
    const doc = new Y.Doc();
    writeRoundProjection(doc, buildProjection());
    expect(readRoundProjection(doc, 'round-1')).toEqual(buildProjection());

    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    writeRoundProjection(doc, buildProjection());
    expect(updates).toHaveLength(0);
    writeRoundProjection(doc, buildProjection({ turnout: { voted: 3, eligible: 5 }, version: 3 }));
    expect(readRoundProjection(doc, 'round-1')?.turnout.voted).toBe(3);
    expect(readRoundVersion(doc, 'round-1')).toEqual({ version: 3, voted: 3 });
    expect(readRoundVersion(doc, 'nope')).toBeNull();
  });

  it('lists rounds newest first and forgets removed ones', () => {
    const doc = new Y.Doc();
    writeRoundProjection(doc, buildProjection({ id: 'old', openedAt: '2025-01-01T00:00:00.000Z' }));
    writeRoundProjection(doc, buildProjection({ id: 'new', openedAt: '2026-06-01T00:00:00.000Z' }));
    expect(readRoundProjections(doc).map((round) => round.id)).toEqual(['new', 'old']);
    removeRoundProjection(doc, 'old');
    expect(readRoundProjections(doc).map((round) => round.id)).toEqual(['new']);
  });

  it('skips what does not parse instead of showing it', () => {
    const doc = new Y.Doc();
    const fields = new Y.Map<unknown>();
    doc.getMap('rounds').set('broken', fields);
    fields.set('summary', { id: 'broken' });
    expect(readRoundProjections(doc)).toEqual([]);
  });

  it('holds exactly the priorities written last', () => {
    const doc = new Y.Doc();
    writePriorities(doc, [buildPriority('a'), buildPriority('b')]);
    writePriorities(doc, [buildPriority('b')]);
    expect(readPriorities(doc).map((p) => p.refId)).toEqual(['b']);
    expect(readPriority(doc, 'outcome', 'b')?.reviewDate).toBe('2027-01-01');
    expect(readPriority(doc, 'outcome', 'a')).toBeNull();
  });

  it('finds each priority by its kind as well as its id', () => {
    const indicator = buildPriority('x', { kind: 'indicator', label: 'Good level of development' });
    const concern = buildPriority('y', { kind: 'concern', label: 'Young carers' });
    const priorityOf = priorityLookup([buildPriority('a'), indicator, concern]);
    expect(priorityOf('indicator', 'x')).toBe(indicator);
    expect(priorityOf('concern', 'y')).toBe(concern);
    expect(priorityOf('outcome', 'a')?.refId).toBe('a');
    // An id agreed as one kind says nothing about another kind that happens to share it.
    expect(priorityOf('outcome', 'x')).toBeUndefined();
    expect(priorityOf('concern', 'a')).toBeUndefined();
  });
});
