import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readThreads } from '../../../shared/model/comments/projection.ts';
import { CreateThreadRequestSchema } from '../../../shared/schemas/comments.ts';
import { createComments } from '../../../server/comments/createComments.ts';
import { silentLogger } from '../../../server/logger.ts';
import { addTestMember, createTestPartnership, createTestUser } from '../../helpers/storeFactories.ts';
import { openTestStore } from '../../helpers/testStore.ts';
import { buildThreadRequest } from './factories.ts';

describe('the comments projection', () => {
  it('is repaired by the next change after a write failed (the thread itself was stored)', async () => {
    const store = await openTestStore();
    await createTestPartnership(store, 'p1');
    const user = await createTestUser(store, 'Cora');
    await addTestMember(store, 'p1', user.id, { role: 'commenter' });
    const projection = new Y.Doc();
    let failNext = true;
    const comments = createComments({
      store,
      logger: silentLogger,
      writeCommentsDoc: (_partnershipId, change) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('storage is full'));
        }
        projection.transact(() => change(projection));
        return Promise.resolve();
      },
    });
    const by = { userId: user.id, ip: null };
    const first = await comments.createThread('p1', by, CreateThreadRequestSchema.parse(buildThreadRequest()));
    expect(readThreads(projection)).toEqual([]);
    const second = await comments.createThread('p1', by, CreateThreadRequestSchema.parse(buildThreadRequest()));
    expect(
      readThreads(projection)
        .map((thread) => thread.id)
        .sort(),
    ).toEqual([first.id, second.id].sort());
  });
});
