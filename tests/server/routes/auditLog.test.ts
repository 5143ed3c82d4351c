import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../shared/schemas/apiError.ts';
import { AuditEntrySchema } from '../../../shared/schemas/audit.ts';
import { buildWorld, type World } from './world.ts';

async function get(world: World, path: string) {
  const response = await world.app.request(path, {
    headers: { host: 'localhost', ...world.actors.facilitator.headers },
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

const today = new Date().toISOString().slice(0, 10);
const dayOffset = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A world whose log holds, oldest first: 3 member changes by the facilitator, then 250 ballots by the viewer. */
async function floodedWorld() {
  const world = await buildWorld();
  const facilitatorId = (await world.store.users.findByEmail('facilitator@example.org'))!.id;
  const viewerId = (await world.store.users.findByEmail('viewer@example.org'))!.id;
  const before = (await world.store.audit.forPartnership(world.alphaId)).length;
  for (let index = 0; index < 3; index++) {
    await world.store.audit.record({
      action: 'member.updated',
      actorId: facilitatorId,
      partnershipId: world.alphaId,
      target: `member-${index}`,
    });
  }
  for (let index = 0; index < 250; index++) {
    await world.store.audit.record({
      action: 'ballot.cast',
      actorId: viewerId,
      partnershipId: world.alphaId,
      target: 'round-1',
      details: { n: index },
    });
  }
  return { world, facilitatorId, viewerId, before };
}

describe('the audit log pages and filters', () => {
  it('pages back in time from the oldest entry shown, so a flood never hides what came before it', async () => {
    const { world, before } = await floodedWorld();
    const path = `/api/partnerships/${world.alphaId}/audit`;
    const first = z.array(AuditEntrySchema).parse((await get(world, `${path}?limit=100`)).json);
    expect(first).toHaveLength(100);
    // Newest first: the last ballot recorded (n = 249) heads the first page.
    expect(first[0]!.details).toEqual({ n: 249 });
    const second = z
      .array(AuditEntrySchema)
      .parse((await get(world, `${path}?limit=100&before=${first[99]!.id}`)).json);
    expect(second[0]!.details).toEqual({ n: 149 });
    const third = z
      .array(AuditEntrySchema)
      .parse((await get(world, `${path}?limit=100&before=${second[99]!.id}`)).json);
    // 50 ballots left, then the 3 member changes, then whatever the world recorded before them.
    expect(third).toHaveLength(Math.min(100, 50 + 3 + before));
    expect(third.slice(50, 53).map((entry) => entry.target)).toEqual(['member-2', 'member-1', 'member-0']);
    const ids = [...first, ...second, ...third].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by kind of entry, by who acted and by dates', async () => {
    const { world, facilitatorId, viewerId } = await floodedWorld();
    const path = `/api/partnerships/${world.alphaId}/audit`;
    const list = async (query: string) => z.array(AuditEntrySchema).parse((await get(world, `${path}?${query}`)).json);

    const members = await list('categories=member');
    expect(members.map((entry) => entry.target)).toEqual(['member-2', 'member-1', 'member-0']);
    expect(await list('categories=member,ballot&limit=500')).toHaveLength(253);
    expect((await list(`actorId=${facilitatorId}&categories=member`)).length).toBe(3);
    expect((await list(`actorId=${viewerId}&limit=500`)).every((entry) => entry.action === 'ballot.cast')).toBe(true);
    expect(await list(`actorId=${viewerId}&limit=500`)).toHaveLength(250);

    expect(await list(`from=${today}&to=${today}&categories=member`)).toHaveLength(3);
    expect(await list(`from=${dayOffset(1)}`)).toEqual([]);
    expect(await list(`to=${dayOffset(-1)}`)).toEqual([]);
  });

  it('refuses a filter it cannot apply, saying why', async () => {
    const world = await buildWorld();
    const path = `/api/partnerships/${world.alphaId}/audit`;
    for (const [query, words] of [
      ['categories=ballot,nonsense', '"nonsense" is not a kind of audit entry'],
      [`from=${dayOffset(1)}&to=${today}`, 'from must not be after to'],
      ['from=yesterday', 'from must be a date like'],
      ['limit=0', ''],
      ['limit=501', ''],
      ['before=-3', ''],
    ] as const) {
      const { status, json } = await get(world, `${path}?${query}`);
      expect(status, query).toBe(400);
      const { error } = ApiErrorSchema.parse(json);
      const said = [error.message, ...(error.issues ?? []).map((issue) => issue.message)].join(' ');
      expect(said, query).toContain(words);
    }
  });

  it('is for facilitators only (a partnership is not disclosed to outsiders)', async () => {
    const world = await buildWorld();
    for (const [actor, status] of [
      ['editor', 403],
      ['viewer', 403],
      ['outsider', 404],
    ] as const) {
      const response = await world.app.request(`/api/partnerships/${world.alphaId}/audit?categories=ballot`, {
        headers: { host: 'localhost', ...world.actors[actor].headers },
      });
      expect(response.status, actor).toBe(status);
    }
  });
});
