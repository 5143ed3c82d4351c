import { describe, expect, it } from 'vitest';
import { ApiTokenSchema, CreatedTokenSchema } from '../../../shared/schemas/tokens.ts';
import { ApiClient } from '../../helpers/apiClient.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';
import { z } from 'zod';

const day = 86_400_000;

async function tokenClient(admin: ApiClient, body: Record<string, unknown>) {
  const created = await admin.request('POST', '/api/me/tokens', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { token, apiToken } = CreatedTokenSchema.parse(created.body);
  const client = new ApiClient(admin.baseUrl);
  client.bearer = token;
  return { client, apiToken };
}

describe('API token scopes and expiry', () => {
  it('a read-only token reads but cannot change anything, even for a facilitator; read-write can', async () => {
    const { admin } = await serverWithAdmin();
    const partnership = await createPartnership(admin, { template: 'blank' });
    const invite = { role: 'viewer', organisation: 'Riverside Council', isVotingMember: false, note: '' };

    const reader = await tokenClient(admin, { name: 'dashboard', scope: 'read-only' });
    expect(reader.apiToken).toMatchObject({ scope: 'read-only', expiresAt: null, expired: false });
    expect((await reader.client.request('GET', `/api/partnerships/${partnership.id}`)).status).toBe(200);
    const refused = await reader.client.request<{ error: { code: string; message: string } }>(
      'POST',
      `/api/partnerships/${partnership.id}/invitations`,
      invite,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'token_read_only' });
    expect(refused.body.error.message).toContain('read-only');
    const invitations = await admin.request<unknown[]>('GET', `/api/partnerships/${partnership.id}/invitations`);
    expect(invitations.body).toEqual([]);

    const writer = await tokenClient(admin, { name: 'upload script', scope: 'read-write' });
    expect(
      (await writer.client.request('POST', `/api/partnerships/${partnership.id}/invitations`, invite)).status,
    ).toBe(201);
    // Leaving the scope out makes a read-write token, as tokens were before scopes existed.
    expect((await tokenClient(admin, { name: 'old script' })).apiToken.scope).toBe('read-write');
  });

  it('an expiring token works until its time, then is refused and listed as expired', async () => {
    const { server, admin } = await serverWithAdmin();
    const before = Date.now();
    const { client, apiToken } = await tokenClient(admin, { name: 'quarterly', scope: 'read-only', expiresInDays: 90 });
    const expiresAt = Date.parse(apiToken.expiresAt!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 90 * day);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 90 * day);
    expect((await client.request('GET', '/api/me')).status).toBe(200);

    // Its time comes (set back in the store, as the clock would).
    await server.store.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1_000).toISOString() })
      .where('id', '=', apiToken.id)
      .execute();
    expect((await client.request('GET', '/api/me')).status).toBe(401);
    const listed = z.array(ApiTokenSchema).parse((await admin.request('GET', '/api/me/tokens')).body);
    expect(listed.find((token) => token.id === apiToken.id)).toMatchObject({ expired: true, scope: 'read-only' });
  });

  it('refuses a scope or lifetime it does not offer, saying why', async () => {
    const { admin } = await serverWithAdmin();
    for (const [body, words] of [
      [{ name: 'x', scope: 'admin' }, ''],
      [{ name: 'x', expiresInDays: 0 }, 'at least a day'],
      [{ name: 'x', expiresInDays: 731 }, 'at most 730 days'],
      [{ name: 'x', expiresInDays: 1.5 }, 'how many days'],
    ] as const) {
      const response = await admin.request<{ error: { issues?: { message: string }[] } }>(
        'POST',
        '/api/me/tokens',
        body,
      );
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((response.body.error.issues ?? []).map((issue) => issue.message).join(' ')).toContain(words);
    }
  });
});
