import { describe, expect, it } from 'vitest';
import type { Trends, VersionSummary } from '../../../shared/schemas/cycles.ts';
import { buildCyclesWorld } from './cyclesWorld.ts';

describe('GET /api/partnerships/:id/trends', () => {
  it('lets viewers follow the versions and closed rounds, and hides them from non-members', async () => {
    const world = await buildCyclesWorld();
    const first = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'Before the March board',
    });
    expect(first.status).toBe(201);
    const { round } = await world.decide(world.outcomes.slice(0, 2), {
      statement: 'Focus on school readiness',
      reviewDate: '2028-01-31',
    });

    const viewer = await world.join('Val', { role: 'viewer' });
    const read = await viewer.api.request<Trends>('GET', `${world.base}/trends`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.versions.map((version) => version.label)).toEqual(['Before the March board', 'Priority outcomes']);
    expect(read.body.versions[1]!.reason).toEqual({ kind: 'round', id: round.id });
    for (const domain of read.body.availability) {
      expect(domain.points.map((point) => point.versionId)).toEqual(read.body.versions.map((version) => version.id));
    }
    expect(read.body.priorities.map((entry) => entry.refId).sort()).toEqual(
      world.outcomes
        .slice(0, 2)
        .map((outcome) => outcome.refId)
        .sort(),
    );
    for (const entry of read.body.priorities) {
      expect(entry.points).toEqual([
        expect.objectContaining({ roundId: round.id, roundTitle: 'Priority outcomes', of: 2 }),
      ]);
    }

    const stranger = await world.outsider('Sam');
    expect((await stranger.api.request('GET', `${world.base}/trends`)).status).toBe(404);
  });
});
