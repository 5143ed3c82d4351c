import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/schemas/apiError.ts';
import type { VersionSummary } from '../../../shared/schemas/cycles.ts';
import { buildCyclesWorld } from './cyclesWorld.ts';

describe('limits on versions and comparisons', () => {
  it('takes 20 versions by hand an hour, then says when to try again; closing a meeting still takes its own', async () => {
    const world = await buildCyclesWorld();
    for (let index = 1; index <= 20; index++) {
      const taken = await world.facilitator.api.request('POST', `${world.base}/versions`, { label: `Draft ${index}` });
      expect(taken.status, `version ${index}`).toBe(201);
    }
    const refused = await world.facilitator.api.request<ApiError>('POST', `${world.base}/versions`, {
      label: 'One too many',
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('the versions already taken are kept');

    const meeting = await world.scheduleMeeting();
    expect((await world.facilitator.api.request('POST', `/api/meetings/${meeting.id}/close`)).status).toBe(200);
    const versions = await world.facilitator.api.request<VersionSummary[]>('GET', `${world.base}/versions`);
    expect(versions.body).toHaveLength(21);
    expect(versions.body.filter((version) => version.reason.kind === 'meeting')).toHaveLength(1);
  });

  it('answers 60 comparisons a minute per person, then 429 with Retry-After', async () => {
    const world = await buildCyclesWorld();
    const version = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'Baseline',
    });
    const path = `${world.base}/changes?since=${version.body.id}&until=now`;
    for (let index = 1; index <= 60; index++) {
      expect((await world.facilitator.api.request('GET', path)).status, `comparison ${index}`).toBe(200);
    }
    const response = await fetch(`${world.server.url}${path}`, { headers: world.facilitator.headers });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not held up by it.
    const other = await world.join('Olu', { role: 'viewer' });
    expect((await other.api.request('GET', path)).status).toBe(200);
  });
});
