import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readThreads } from '../../../shared/model/comments/projection.ts';
import { CreateThreadRequestSchema } from '../../../shared/schemas/comments.ts';
import { createComments } from '../../../server/comments/createComments.ts';
import { silentLogger } from '../../../server/logger.ts';
import { openTestStore } from '../../helpers/testStore.ts';
import { buildThreadRequest } from './factories.ts';

describe('the comments projection', () => {
  it('is repaired by the next change after a write failed (the thread itself was stored)', async () => {
    const store = await openTestStore();
    await store.partnerships.create({
      id: 'p1',
      name: 'P',
      areaName: 'P',
      areaCode: 'E09000001',
      template: 'blank',
      createdBy: null,
    });
    const user = await store.users.create({
      email: 'cora@example.org',
      displayName: 'Cora',
      organisation: 'Org',
      passwordHash: 'x',
      isAdmin: false,
    });
    await store.partnerships.addMember({
      partnershipId: 'p1',
      userId: user.id,
      role: 'commenter',
      organisation: 'Org',
      isVotingMember: false,
    });
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
