import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../server/logger.ts';
import { createPrioritisation, type Prioritisation } from '../../../server/rounds/createPrioritisation.ts';
import type { Store } from '../../../server/store/Store.ts';
import { memoryWorkspaceDocs } from '../../../server/workspace/workspaceDocAccess.ts';
import { createTestPartnership, createTestUser } from '../../helpers/storeFactories.ts';
import { openTestStore, testStoreKind } from '../../helpers/testStore.ts';

/**
 * Two instances on one database: on PostgreSQL two stores (two pools) on the same schema, as two servers have; on
 * SQLite, which one process owns, two sets of services over the one store (two closings racing in one instance).
 */
async function twoInstances(): Promise<{ stores: [Store, Store]; closings: string[]; instances: Prioritisation[] }> {
  const dataDir = testStoreKind === 'postgres' ? `/memory/${process.pid}/${randomUUID()}` : ':memory:';
  const first = await openTestStore({ dataDir });
  const second = testStoreKind === 'postgres' ? await openTestStore({ dataDir }) : first;
  const closings: string[] = [];
  const instances = [first, second].map((store, index) =>
    createPrioritisation({
      store,
      logger: silentLogger,
      writeBallotsDoc: () => Promise.resolve(),
      workspaceDocs: memoryWorkspaceDocs(),
      // Board cycles take a version of the partnership here: it must happen once per round.
      onRoundClosed: (round) => {
        closings.push(`${round.id} on instance ${index}`);
        return Promise.resolve();
      },
    }),
  );
  return { stores: [first, second], closings, instances };
}

/** Open rounds whose closing time passed a moment ago (while nothing was watching). */
async function overdueRounds(store: Store, count: number): Promise<string[]> {
  await createTestPartnership(store, 'p1');
  const facilitator = await createTestUser(store, 'Fran');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await store.transaction(async (tx) => {
      await tx.rounds.insert(
        {
          id,
          partnershipId: 'p1',
          followUpOf: null,
          createdBy: facilitator.id,
          title: `Priorities ${i}`,
          question: '',
          settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: null },
          visibility: 'live',
          anonymous: i % 2 === 1,
          eligibility: 'voting-members',
          quorum: 0.5,
          closesAt: null,
        },
        [{ id: 'c1', kind: 'outcome', refId: 'o1', label: 'Children start school ready to learn' }],
      );
      if (i % 2 === 1) await tx.ballots.createSecret(id);
      await tx.rounds.setState(id, {
        state: 'open',
        openedAt: new Date(Date.now() - 60_000).toISOString(),
        closedAt: null,
        eligibleAtClose: null,
        closesAt: new Date(Date.now() - 1000).toISOString(),
      });
    });
    ids.push(id);
  }
  return ids;
}

async function closedAudits(store: Store): Promise<number> {
  const rows = await store.db.selectFrom('audit_log').select('id').where('action', '=', 'round.closed').execute();
  return rows.length;
}

describe('a round due on two instances', () => {
  it('closes once when both read it overdue at the same moment', async () => {
    const { stores, closings, instances } = await twoInstances();
    const ids = await overdueRounds(stores[0], 8);
    const read = await Promise.all(ids.flatMap((id) => instances.map((instance) => instance.rounds.current(id))));
    expect(read.map((round) => round.state)).toEqual(read.map(() => 'closed'));
    expect(closings).toHaveLength(ids.length);
    expect(new Set(closings.map((closing) => closing.split(' ')[0]))).toEqual(new Set(ids));
    expect(await closedAudits(stores[1])).toBe(ids.length);
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  it('closes once when both instances start together after the closing time passed', async () => {
    const { stores, closings, instances } = await twoInstances();
    const ids = await overdueRounds(stores[0], 8);
    await Promise.all(instances.map((instance) => instance.start()));
    expect(closings).toHaveLength(ids.length);
    expect(await closedAudits(stores[1])).toBe(ids.length);
    expect(await stores[1].rounds.listOpen()).toEqual([]);
    await Promise.all(instances.map((instance) => instance.stop()));
  });
});
