import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addOutcome } from '../../shared/model/framework/index.ts';
import { readRoundProjection, readRoundVersion } from '../../shared/model/prioritisation/projection.ts';
import { ballotsDocName, workspaceDocName } from '../../shared/protocol/docNames.ts';
import type { Round } from '../../shared/schemas/rounds.ts';
import { buildOutcome } from '../shared/model/framework/factories.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { connectPinned, createPartnership, providerSynced, signInAdmin, useCluster, type Instance } from './harness.ts';

const cluster = useCluster({ env: { HEARTBEAT_MS: '1000' } });

/** A partnership with three outcomes and two voting members, one signed in on each instance. */
async function votingPartnership(a: Instance, b: Instance) {
  const admin = await signInAdmin(a.url);
  const partnershipId = await createPartnership(admin);
  const workspace = connectPinned(a, workspaceDocName(partnershipId), { headers: { cookie: admin.cookie! } });
  await providerSynced(workspace.provider);
  const candidates = [
    'Children start school ready to learn',
    'Children are safe at home',
    'Babies are born healthy',
  ].map((statement) => ({
    kind: 'outcome' as const,
    refId: addOutcome(workspace.doc, buildOutcome({ statement })),
    label: statement,
  }));
  // The outcomes must be stored before the server checks the round's candidates against the framework.
  await waitFor(async () => {
    const { status } = await admin.request('POST', `/api/partnerships/${partnershipId}/rounds`, {
      title: 'Check',
      candidates,
      settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
    });
    expect(status).toBe(201);
  });
  const voter = async (name: string, on: Instance): Promise<ApiClient> => {
    const invited = await admin.request<{ url: string }>('POST', `/api/partnerships/${partnershipId}/invitations`, {
      role: 'editor',
      organisation: `${name}'s agency`,
      isVotingMember: true,
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const person = new ApiClient(on.url);
    const accepted = await person.request('POST', `/api/invitations/${invited.body.url.split('/invite/')[1]!}/accept`, {
      email: `${name.toLowerCase()}.${randomBytes(3).toString('hex')}@example.org`,
      displayName: name,
      organisation: `${name}'s agency`,
      password: 'long enough passphrase',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    return person;
  };
  return { admin, partnershipId, candidates, onA: await voter('Asha', a), onB: await voter('Ben', b) };
}

describe('rounds with two instances', () => {
  it('shows a ballot cast through instance A in the projection a client on instance B watches', async () => {
    const a = await cluster.start('A');
    const b = await cluster.start('B');
    const { admin, partnershipId, candidates, onA, onB } = await votingPartnership(a, b);
    const created = await admin.request<Round>('POST', `/api/partnerships/${partnershipId}/rounds`, {
      title: 'Priority outcomes',
      candidates,
      settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
    });
    const opened = await admin.request<Round>('POST', `/api/rounds/${created.body.id}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const round = opened.body;

    const watcher = connectPinned(b, ballotsDocName(partnershipId), { headers: { cookie: onB.cookie! } });
    await providerSynced(watcher.provider);
    await waitFor(() => expect(readRoundProjection(watcher.doc, round.id)?.state).toBe('open'));

    const castAt = performance.now();
    const cast = await onA.request('PUT', `/api/rounds/${round.id}/ballot`, {
      method: 'dots',
      dots: { [round.candidates[0]!.id]: 3, [round.candidates[1]!.id]: 2 },
    });
    expect(cast.status, JSON.stringify(cast.body)).toBe(200);
    await waitFor(() => expect(readRoundVersion(watcher.doc, round.id)?.voted).toBe(1), { intervalMs: 5 });
    console.log(
      `ballot through A seen by a projection client on B ${(performance.now() - castAt).toFixed(0)} ms after the PUT was sent`,
    );
  });

  it('closes a round at its closing time exactly once, with two instances running their clocks', async () => {
    const a = await cluster.start('A');
    const b = await cluster.start('B');
    const { admin, partnershipId, candidates, onB } = await votingPartnership(a, b);
    const created = await admin.request<Round>('POST', `/api/partnerships/${partnershipId}/rounds`, {
      title: 'Closes by itself',
      candidates,
      settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
      closesAt: new Date(Date.now() + 4_000).toISOString(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await admin.request('POST', `/api/rounds/${created.body.id}/open`)).status).toBe(200);
    // Opening armed A's clock; an instance that starts now arms its own for every open round. Both are due at once.
    const c = await cluster.start('C');
    expect(c.url).not.toBe(a.url);

    await waitFor(
      async () => {
        const { body } = await onB.request<Round>('GET', `/api/rounds/${created.body.id}`);
        expect(body.state).toBe('closed');
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    // Closing takes a version of the partnership: one close, one version, whichever instance won the lease.
    await waitFor(async () => {
      const { body } = await admin.request<{ reason: { kind: string; id?: string } }[]>(
        'GET',
        `/api/partnerships/${partnershipId}/versions`,
      );
      expect(
        body.filter((version) => version.reason.kind === 'round' && version.reason.id === created.body.id),
      ).toHaveLength(1);
    });
  });
});
