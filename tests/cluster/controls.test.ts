import { beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { readThreads } from '../../shared/model/comments/projection.ts';
import { commentsDocName, workspaceDocName } from '../../shared/protocol/docNames.ts';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import { buildThreadRequest } from '../server/comments/factories.ts';
import { waitFor } from '../helpers/waitFor.ts';
import {
  connectPinned,
  createPartnership,
  type Instance,
  joinPartnership,
  nextCloseCode,
  providerSynced,
  readiness,
  signInAdmin,
  useCluster,
} from './harness.ts';

const cluster = useCluster({ env: { HEARTBEAT_MS: '1000' } });
// Two instances for the whole file (each test works in a partnership of its own).
let a: Instance;
let b: Instance;
beforeAll(async () => {
  a = await cluster.start('A');
  b = await cluster.start('B');
});

describe('controls that reach every instance', () => {
  it('answers /readyz 200 ready on both instances', async () => {
    for (const instance of [a, b]) {
      const { status, body } = await waitFor(async () => {
        const answer = await readiness(instance);
        expect(answer.status, `${instance.name}: ${JSON.stringify(answer.body)}`).toBe(200);
        return answer;
      });
      expect(status).toBe(200);
      expect(body).toEqual({ status: 'ready' });
    }
  });

  it('revoking an API token on instance A closes the socket opened with it on instance B, and only that', async () => {
    const admin = await signInAdmin(a.url);
    const partnershipId = await createPartnership(admin, 'Tokens');
    const docName = workspaceDocName(partnershipId);
    const esme = await joinPartnership(admin, partnershipId, 'editor', 'Esme', a.url);
    const token = await esme.client.createToken('leaked script');

    const scripted = connectPinned(b, docName, { params: { token } });
    const browser = connectPinned(b, docName, { headers: esme.headers });
    await Promise.all([providerSynced(scripted.provider), providerSynced(browser.provider)]);
    const closed = nextCloseCode(scripted.provider);

    const tokens = await esme.client.request<{ id: string; name: string }[]>('GET', '/api/me/tokens');
    const leaked = tokens.body.find((each) => each.name === 'leaked script')!;
    expect((await esme.client.request('DELETE', `/api/me/tokens/${leaked.id}`)).status).toBe(200);

    const code = await Promise.race([
      closed,
      new Promise<string>((resolve) => setTimeout(() => resolve('still open after 10 s'), 10_000)),
    ]);
    expect(code, `${a.describe()}\n\n${b.describe()}`).toBe(CloseCode.Unauthorized);
    expect(browser.provider.wsconnected).toBe(true);
  });

  it("signing out on instance A closes that session's sockets on instance B, not another person's", async () => {
    const admin = await signInAdmin(a.url);
    const partnershipId = await createPartnership(admin, 'Sign-out');
    const docName = workspaceDocName(partnershipId);
    const esme = await joinPartnership(admin, partnershipId, 'editor', 'Esme', a.url);

    const esmeOnB = connectPinned(b, docName, { headers: esme.headers });
    const adminOnB = connectPinned(b, docName, { headers: { cookie: admin.cookie! } });
    await Promise.all([providerSynced(esmeOnB.provider), providerSynced(adminOnB.provider)]);
    const closed = nextCloseCode(esmeOnB.provider);

    expect((await esme.client.request('POST', '/api/auth/logout')).status).toBeLessThan(300);

    const code = await Promise.race([
      closed,
      new Promise<string>((resolve) => setTimeout(() => resolve('still open after 10 s'), 10_000)),
    ]);
    expect(code, `${a.describe()}\n\n${b.describe()}`).toBe(CloseCode.Unauthorized);
    expect(adminOnB.provider.wsconnected).toBe(true);
  });

  it('delivers a comment thread posted through instance A to a client of the comments projection on instance B', async () => {
    const admin = await signInAdmin(a.url);
    const partnershipId = await createPartnership(admin, 'Comments');
    const onB = connectPinned(b, commentsDocName(partnershipId), { headers: { cookie: admin.cookie! } });
    await providerSynced(onB.provider);

    const posted = performance.now();
    const created = await admin.request<CommentThread>(
      'POST',
      `/api/partnerships/${partnershipId}/comment-threads`,
      buildThreadRequest({ body: 'Posted on A, read on B' }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await waitFor(() => expect(readThreads(onB.doc).map((thread) => thread.id)).toEqual([created.body.id]), {
      timeoutMs: 10_000,
    });
    console.log(`comments: thread on B ${(performance.now() - posted).toFixed(0)} ms after the POST on A`);
    expect(readThreads(onB.doc)[0]!.comments[0]).toMatchObject({ body: 'Posted on A, read on B' });
  });
});
