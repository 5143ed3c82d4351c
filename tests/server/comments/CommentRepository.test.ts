import { describe, expect, it } from 'vitest';
import { orderedId } from '../../../server/store/repositories/CommentRepository.ts';
import type { Store } from '../../../server/store/Store.ts';
import { addTestMember, createTestPartnership, createTestUser } from '../../helpers/storeFactories.ts';
import { openTestStore } from '../../helpers/testStore.ts';

const at = '2026-01-01T00:00:00.000Z';

/** A partnership with two members, Cora and Esme. */
async function world(): Promise<{ store: Store; cora: string; esme: string }> {
  const store = await openTestStore();
  await createTestPartnership(store, 'p1', { name: 'Riverside' });
  const ids: string[] = [];
  for (const name of ['Cora', 'Esme']) {
    const user = await createTestUser(store, name);
    await addTestMember(store, 'p1', user.id);
    ids.push(user.id);
  }
  return { store, cora: ids[0]!, esme: ids[1]! };
}

describe('the comment repository', () => {
  it('makes ids that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => orderedId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('lists comments and mentions in the order they were written, even at the same instant', async () => {
    const { store, cora, esme } = await world();
    const { threadId } = await store.transaction((tx) =>
      tx.comments.createThread({
        partnershipId: 'p1',
        anchor: { kind: 'entity', entityKind: 'outcome', entityId: 'o1' },
        authorId: cora,
        body: 'First',
        mentions: [esme, cora],
        at,
      }),
    );
    for (const body of ['Second', 'Third', 'Fourth']) {
      await store.comments.addComment({ threadId, authorId: esme, body, mentions: [cora], at });
    }
    const thread = (await store.comments.thread(threadId))!;
    expect(thread.comments.map((comment) => [comment.body, comment.author.name])).toEqual([
      ['First', 'Cora'],
      ['Second', 'Esme'],
      ['Third', 'Esme'],
      ['Fourth', 'Esme'],
    ]);
    expect(thread.comments[0]!.mentions.map((person) => person.name)).toEqual(['Esme', 'Cora']);
    expect(await store.comments.threads('p1')).toEqual([thread]);
    expect(await store.comments.partnershipOfThread(threadId)).toBe('p1');
    expect(await store.comments.partnershipOfThread('no-such-thread')).toBeNull();
    expect(await store.comments.thread('no-such-thread')).toBeNull();
  });

  it('resolves and reopens, and keeps the inbox to my unread mentions in partnerships I belong to', async () => {
    const { store, cora, esme } = await world();
    const { threadId } = await store.comments.createThread({
      partnershipId: 'p1',
      anchor: { kind: 'entity', entityKind: 'metric', entityId: 'm1' },
      authorId: esme,
      body: 'x'.repeat(300),
      mentions: [cora],
      at,
    });
    await store.comments.addComment({ threadId, authorId: esme, body: 'Again', mentions: [cora], at });
    await store.comments.setStatus(threadId, 'resolved', cora, '2026-01-02T00:00:00.000Z');
    expect(await store.comments.thread(threadId)).toMatchObject({
      status: 'resolved',
      resolvedBy: { name: 'Cora' },
      resolvedAt: '2026-01-02T00:00:00.000Z',
    });
    await store.comments.setStatus(threadId, 'open', cora, at);
    expect(await store.comments.thread(threadId)).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });

    const inbox = await store.comments.inbox(cora);
    expect(inbox.unreadCount).toBe(2);
    expect(inbox.mentions.map((mention) => mention.excerpt.length).sort()).toEqual([280, 5]);
    await store.comments.markRead(esme, [inbox.mentions[0]!.id], at); // not Esme's: ignored
    await store.comments.markRead(cora, [], at);
    expect((await store.comments.inbox(cora)).unreadCount).toBe(2);
    await store.comments.markRead(cora, [inbox.mentions[0]!.id], at);
    expect((await store.comments.inbox(cora)).unreadCount).toBe(1);
    await store.comments.markRead(cora, undefined, at);
    expect((await store.comments.inbox(cora)).unreadCount).toBe(0);

    await store.partnerships.removeMember('p1', cora);
    expect(await store.comments.inbox(cora)).toEqual({ mentions: [], unreadCount: 0 });
  });

  it('marks read only my unread mentions in one thread, and says how many', async () => {
    const { store, cora, esme } = await world();
    const create = (entityId: string) =>
      store.comments.createThread({
        partnershipId: 'p1',
        anchor: { kind: 'entity', entityKind: 'link', entityId },
        authorId: esme,
        body: '@Cora is this the right outcome?',
        mentions: [cora, esme],
        at,
      });
    const { threadId } = await create('l1');
    await store.comments.addComment({ threadId, authorId: esme, body: 'And this?', mentions: [cora], at });
    const { threadId: elsewhere } = await create('l2');
    expect((await store.comments.inbox(cora)).unreadCount).toBe(3);

    expect(await store.comments.markThreadRead(cora, threadId, '2026-01-03T00:00:00.000Z')).toBe(2);
    const inbox = await store.comments.inbox(cora);
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.mentions.filter((m) => m.readAt === null).map((m) => m.threadId)).toEqual([elsewhere]);
    expect(inbox.mentions.find((m) => m.threadId === threadId)?.readAt).toBe('2026-01-03T00:00:00.000Z');
    // Esme's own mention in that thread is hers to read; read ones are not stamped again.
    expect((await store.comments.inbox(esme)).unreadCount).toBe(2);
    expect(await store.comments.markThreadRead(cora, threadId, '2026-01-04T00:00:00.000Z')).toBe(0);
    const again = await store.comments.inbox(cora);
    expect(again.mentions.find((m) => m.threadId === threadId)?.readAt).toBe('2026-01-03T00:00:00.000Z');
    expect(await store.comments.markThreadRead(cora, 'no-such-thread', at)).toBe(0);
  });
});
