import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { filterThreads, threadsOnEntity, threadsOnNarrative } from '../../../../shared/model/comments/filters.ts';
import { readThread, readThreads, removeThread, writeThread } from '../../../../shared/model/comments/projection.ts';
import type { CommentThread } from '../../../../shared/schemas/comments.ts';

let built = 0;
/** A thread as the server projects it. */
function buildThread(overrides: Partial<CommentThread> = {}): CommentThread {
  built += 1;
  return {
    id: `thread-${built}`,
    partnershipId: 'p1',
    anchor: { kind: 'entity', entityKind: 'outcome', entityId: 'o1' },
    status: 'open',
    createdBy: { id: 'u1', name: 'Cora Lewis' },
    createdAt: `2026-01-0${built % 9}T10:00:00.000Z`,
    resolvedBy: null,
    resolvedAt: null,
    comments: [
      {
        id: `c${built}`,
        author: { id: 'u1', name: 'Cora Lewis' },
        body: 'Source?',
        mentions: [],
        createdAt: '2026-01-01T10:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

describe('the comments projection', () => {
  it('writes, reads and removes threads, skipping unreadable entries', () => {
    const doc = new Y.Doc();
    const first = buildThread();
    const second = buildThread({ status: 'resolved' });
    writeThread(doc, second);
    writeThread(doc, first);
    doc.getMap('threads').set('junk', { id: 'junk' });
    expect(readThreads(doc).map((t) => t.id)).toEqual([first.id, second.id]);
    expect(readThread(doc, 'junk')).toBeNull();
    removeThread(doc, first.id);
    expect(readThreads(doc).map((t) => t.id)).toEqual([second.id]);
  });

  it('does not rewrite an unchanged thread', () => {
    const doc = new Y.Doc();
    const thread = buildThread();
    writeThread(doc, thread);
    let updates = 0;
    doc.on('update', () => (updates += 1));
    writeThread(doc, structuredClone(thread));
    expect(updates).toBe(0);
  });
});

describe('thread filters', () => {
  it('lists open, resolved and mine (started, replied or mentioned)', () => {
    const mine = buildThread({ createdBy: { id: 'me', name: 'Me' } });
    const mentioned = buildThread({
      comments: [
        {
          id: 'm',
          author: { id: 'u1', name: 'Cora' },
          body: 'x',
          mentions: [{ id: 'me', name: 'Me' }],
          createdAt: 'x',
        },
      ],
    });
    const resolved = buildThread({ status: 'resolved' });
    const threads = [mine, mentioned, resolved];
    expect(filterThreads(threads, 'open', 'me')).toEqual([mine, mentioned]);
    expect(filterThreads(threads, 'resolved', 'me')).toEqual([resolved]);
    expect(filterThreads(threads, 'mine', 'me')).toEqual([mine, mentioned]);
    expect(threadsOnEntity(threads, 'outcome', 'o1')).toHaveLength(3);
    expect(threadsOnNarrative(threads, 'narrative:domain:safe')).toEqual([]);
  });

  it("narrows a metric's threads to one aspect: the metric itself, its data mapping, or its evidence in any period", () => {
    const onMetric = (aspect?: 'data-mapping' | 'evidence', period?: string) =>
      buildThread({
        anchor: {
          kind: 'entity',
          entityKind: 'metric',
          entityId: 'm1',
          ...(aspect ? { aspect } : {}),
          ...(period ? { period } : {}),
        },
      });
    const whole = onMetric();
    const mapping = onMetric('data-mapping');
    const latest = onMetric('evidence', '2024/25');
    const chart = onMetric('evidence');
    const link = buildThread({ anchor: { kind: 'entity', entityKind: 'link', entityId: 'm1' } });
    const threads = [whole, mapping, latest, chart, link];
    expect(threadsOnEntity(threads, 'metric', 'm1')).toEqual([whole, mapping, latest, chart]);
    expect(threadsOnEntity(threads, 'metric', 'm1', { aspect: null })).toEqual([whole]);
    expect(threadsOnEntity(threads, 'metric', 'm1', { aspect: 'data-mapping' })).toEqual([mapping]);
    expect(threadsOnEntity(threads, 'metric', 'm1', { aspect: 'evidence' })).toEqual([latest, chart]);
    expect(threadsOnEntity(threads, 'link', 'm1')).toEqual([link]);
  });
});
