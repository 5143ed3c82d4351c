import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/schemas/apiError.ts';
import { MeSchema } from '../../../shared/schemas/auth.ts';
import { buildWorld, worldPassword, type World } from './world.ts';

async function post(world: World, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await world.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'localhost', ...headers },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as unknown };
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers with who I am', async () => {
    const world = await buildWorld();
    const { response, json } = await post(world, '/api/auth/login', {
      email: 'Editor@Example.org',
      password: worldPassword,
    });
    expect(response.status).toBe(200);
    expect(MeSchema.parse(json).memberships).toEqual([
      expect.objectContaining({ partnershipId: world.alphaId, role: 'editor' }),
    ]);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cg_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const world = await buildWorld();
    const { response } = await post(
      world,
      '/api/auth/login',
      { email: 'editor@example.org', password: worldPassword },
      { 'x-forwarded-proto': 'https' },
    );
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const world = await buildWorld();
    const unknown = await post(world, '/api/auth/login', { email: 'nobody@example.org', password: 'whatever it is' });
    const wrong = await post(world, '/api/auth/login', { email: 'editor@example.org', password: 'not the password' });
    expect(unknown.response.status).toBe(401);
    expect(wrong.response.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
  });

  it('refuses the 11th wrong password in the window with 429, even with the right one', async () => {
    const world = await buildWorld();
    for (let i = 0; i < 10; i++) {
      const { response } = await post(world, '/api/auth/login', {
        email: 'viewer@example.org',
        password: `guess number ${i}`,
      });
      expect(response.status).toBe(401);
    }
    const eleventh = await post(world, '/api/auth/login', { email: 'viewer@example.org', password: 'guess number 11' });
    expect(eleventh.response.status).toBe(429);
    expect(ApiErrorSchema.parse(eleventh.json).error.message).toMatch(/Try again in \d+ minutes?/);
    expect(Number(eleventh.response.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const right = await post(world, '/api/auth/login', { email: 'viewer@example.org', password: worldPassword });
    expect(right.response.status).toBe(429);
  });

  it('does not let a stranger elsewhere lock someone out, but stops a guessing run spread over many addresses', async () => {
    const world = await buildWorld();
    const { accounts } = world.services;
    const attempt = (password: string, ip: string) =>
      accounts.login('viewer@example.org', password, ip).then(
        () => 'signed in',
        (error: unknown) => (error as { status: number }).status,
      );
    for (let i = 0; i < 10; i++) expect(await attempt(`guess ${i}`, '203.0.113.7')).toBe(401);
    expect(await attempt(worldPassword, '203.0.113.7')).toBe(429);
    // The viewer, at their own desk, still signs in.
    expect(await attempt(worldPassword, '198.51.100.20')).toBe('signed in');
    // Fifty failures from five addresses refuse the account everywhere for the rest of the window.
    for (let host = 1; host <= 4; host++) {
      for (let i = 0; i < 10; i++) expect(await attempt(`guess ${i}`, `192.0.2.${host}`)).toBe(401);
    }
    expect(await attempt(worldPassword, '198.51.100.20')).toBe(429);
  });

  it('does not lock out colleagues who share a network address with someone who mistypes', async () => {
    const world = await buildWorld();
    for (let i = 0; i < 12; i++) {
      await post(world, '/api/auth/login', { email: 'viewer@example.org', password: `guess number ${i}` });
    }
    const colleague = await post(world, '/api/auth/login', { email: 'editor@example.org', password: worldPassword });
    expect(colleague.response.status).toBe(200);
  });

  it('refuses a cross-origin state-changing request', async () => {
    const world = await buildWorld();
    const { response, json } = await post(
      world,
      `/api/partnerships/${world.alphaId}/invitations`,
      { role: 'editor', organisation: 'Evil' },
      { ...world.actors.facilitator.headers, origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(ApiErrorSchema.parse(json).error.code).toBe('cross_origin');
  });

  it('signs out: the cookie stops working', async () => {
    const world = await buildWorld();
    const headers = world.actors.editor.headers;
    expect((await world.app.request('/api/me', { headers })).status).toBe(200);
    expect((await post(world, '/api/auth/logout', {}, headers)).response.status).toBe(200);
    expect((await world.app.request('/api/me', { headers })).status).toBe(401);
  });

  it('signs out everywhere: every session of the person ends and their sockets are closed', async () => {
    const world = await buildWorld();
    const editor = (await world.store.users.findByEmail('editor@example.org'))!;
    const other = { cookie: `cg_session=${(await world.store.sessions.create(editor.id)).secret}` };
    expect((await post(world, '/api/auth/logout-everywhere', {}, world.actors.editor.headers)).response.status).toBe(
      200,
    );
    expect((await world.app.request('/api/me', { headers: other })).status).toBe(401);
    expect(world.closedSockets).toContainEqual({ userId: editor.id });
  });

  it('changes the password only with the current one, and signs out other sessions', async () => {
    const world = await buildWorld();
    const editor = (await world.store.users.findByEmail('editor@example.org'))!;
    const other = { cookie: `cg_session=${(await world.store.sessions.create(editor.id)).secret}` };
    const wrong = await post(
      world,
      '/api/me/password',
      { currentPassword: 'nope', newPassword: 'a brand new passphrase' },
      world.actors.editor.headers,
    );
    expect(wrong.response.status).toBe(400);
    const right = await post(
      world,
      '/api/me/password',
      { currentPassword: worldPassword, newPassword: 'a brand new passphrase' },
      world.actors.editor.headers,
    );
    expect(right.response.status).toBe(200);
    expect((await world.app.request('/api/me', { headers: world.actors.editor.headers })).status).toBe(200);
    expect((await world.app.request('/api/me', { headers: other })).status).toBe(401);
    expect(
      (await post(world, '/api/auth/login', { email: 'editor@example.org', password: 'a brand new passphrase' }))
        .response.status,
    ).toBe(200);
  });

  it('rejects a password shorter than the minimum with a field error', async () => {
    const world = await buildWorld();
    const { response, json } = await post(
      world,
      '/api/me/password',
      { currentPassword: worldPassword, newPassword: 'short' },
      world.actors.editor.headers,
    );
    expect(response.status).toBe(400);
    expect(ApiErrorSchema.parse(json).error.issues).toEqual([expect.objectContaining({ path: ['newPassword'] })]);
  });
});

describe('API tokens', () => {
  it('are shown once, work as bearer tokens, and stop working when revoked', async () => {
    const world = await buildWorld();
    const { response, json } = await post(
      world,
      '/api/me/tokens',
      { name: 'Upload script' },
      world.actors.viewer.headers,
    );
    expect(response.status).toBe(201);
    const { token, apiToken } = json as { token: string; apiToken: { id: string } };
    expect(token).toMatch(/^cgt_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = MeSchema.parse(await (await world.app.request('/api/me', { headers: bearer })).json());
    expect(me.via).toBe('token');
    const listed = await (await world.app.request('/api/me/tokens', { headers: world.actors.viewer.headers })).text();
    expect(listed).toContain('Upload script');
    expect(listed).not.toContain(token);
    const revoke = await world.app.request(`/api/me/tokens/${apiToken.id}`, {
      method: 'DELETE',
      headers: { ...world.actors.viewer.headers, host: 'localhost' },
    });
    expect(revoke.status).toBe(200);
    expect((await world.app.request('/api/me', { headers: bearer })).status).toBe(401);
    expect((await world.store.audit.all()).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['token.created', 'token.revoked']),
    );
  });
});

describe('OpenAPI description', () => {
  it('documents every route with its schemas', async () => {
    const world = await buildWorld();
    const doc = (await (await world.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const route of world.routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
  });
});
