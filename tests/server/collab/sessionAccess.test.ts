import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { editorSchemaVersion, editorSchemaVersionParam } from '../../../shared/editor/version.ts';
import { commentsDocName } from '../../../shared/protocol/docNames.ts';
import { MessageType, SyncMessageType } from '../../../shared/protocol/messageTypes.ts';
import { readProfile, updateProfileField } from '../../../shared/model/partnershipProfile.ts';
import type { CreatedInvitation } from '../../../shared/schemas/partnerships.ts';
import { ApiClient } from '../../helpers/apiClient.ts';
import { connectClient, openRawSocket, whenSynced } from '../../helpers/collabClient.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';
import type { startTestServer } from '../../helpers/testServer.ts';
import { waitFor } from '../../helpers/waitFor.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A server with sessions, a partnership run by the admin, and an editor and a viewer who joined by invitation. */
async function partnershipWithMembers() {
  const { server, admin } = await serverWithAdmin();
  const partnership = await createPartnership(admin, { template: 'blank' });
  const join = async (role: 'editor' | 'viewer', name: string) => {
    const { body } = await admin.request<CreatedInvitation>('POST', `/api/partnerships/${partnership.id}/invitations`, {
      role,
      organisation: `${name}'s agency`,
    });
    const person = new ApiClient(server.url);
    const token = body.url.split('/invite/')[1]!;
    const accepted = await person.request('POST', `/api/invitations/${token}/accept`, {
      email: `${name.toLowerCase()}@example.org`,
      displayName: name,
      organisation: 'Own org',
      password: 'long enough passphrase',
    });
    expect(accepted.status).toBe(200);
    const me = await person.request<{ user: { id: string } }>('GET', '/api/me');
    return { client: person, userId: me.body.user.id, cookie: { cookie: person.cookie! } };
  };
  const editor = await join('editor', 'Esme');
  const viewer = await join('viewer', 'Victor');
  return { server, admin, docName: `p:${partnership.id}`, partnershipId: partnership.id, editor, viewer };
}

function closeCodeOf(client: ReturnType<typeof connectClient>): Promise<number | undefined> {
  return new Promise((resolve) => client.provider.once('connection-close', (event) => resolve(event?.code)));
}

describe('socket access with sessions and roles', () => {
  it('refuses a socket without a session with 4401', async () => {
    const { server, docName } = await partnershipWithMembers();
    const { closed } = await openRawSocket(`${server.wsUrl}/${docName}`);
    expect((await closed).code).toBe(CloseCode.Unauthorized);
  });

  it('refuses a member of another partnership with 4403', async () => {
    const { server, admin, editor } = await partnershipWithMembers();
    const other = await createPartnership(admin, {
      name: 'Elsewhere',
      areaName: 'E',
      areaCode: 'E09000001',
      template: 'blank',
    });
    const { closed } = await openRawSocket(`${server.wsUrl}/p:${other.id}`, editor.cookie);
    expect((await closed).code).toBe(CloseCode.Forbidden);
  });

  it('refuses a socket opened from another site', async () => {
    const { server, docName, editor } = await partnershipWithMembers();
    const { closed } = await openRawSocket(`${server.wsUrl}/${docName}`, {
      ...editor.cookie,
      origin: 'https://evil.example',
    });
    expect((await closed).code).toBe(CloseCode.Forbidden);
  });

  it('accepts an API token in the query string', async () => {
    const { server, docName, editor } = await partnershipWithMembers();
    const token = await editor.client.createToken('sync script');
    const client = connectClient(server.wsUrl, docName, { token });
    await whenSynced(client);
    expect(client.provider.wsconnected).toBe(true);
  });

  it('revoking an API token closes the sockets opened with it, and only those', async () => {
    const { server, docName, editor } = await partnershipWithMembers();
    const token = await editor.client.createToken('leaked script');
    const scripted = connectClient(server.wsUrl, docName, { token });
    const browser = connectClient(server.wsUrl, docName, {}, editor.cookie);
    await Promise.all([whenSynced(scripted), whenSynced(browser)]);
    const closed = closeCodeOf(scripted);
    const tokens = await editor.client.request<{ id: string; name: string }[]>('GET', '/api/me/tokens');
    const leaked = tokens.body.find((each) => each.name === 'leaked script')!;
    expect((await editor.client.request('DELETE', `/api/me/tokens/${leaked.id}`)).status).toBe(200);
    expect(await closed).toBe(CloseCode.Unauthorized);
    expect(browser.provider.wsconnected).toBe(true);
    const { closed: again } = await openRawSocket(`${server.wsUrl}/${docName}?token=${token}`);
    expect((await again).code).toBe(CloseCode.Unauthorized);
  });

  it("connects a read-only API token read-only, whatever its owner's role", async () => {
    const { server, docName, editor } = await partnershipWithMembers();
    const created = await editor.client.request<{ token: string }>('POST', '/api/me/tokens', {
      name: 'dashboard',
      scope: 'read-only',
    });
    expect(created.status).toBe(201);
    const scripted = connectClient(server.wsUrl, docName, { token: created.body.token });
    const browser = connectClient(server.wsUrl, docName, {}, editor.cookie);
    await Promise.all([whenSynced(scripted), whenSynced(browser)]);
    updateProfileField(scripted.doc, 'name', 'Renamed with a read-only token');
    updateProfileField(browser.doc, 'description', 'Edited in the browser');
    await waitFor(() => expect(readProfile(scripted.doc).description).toContain('Edited in the browser'));
    const room = await server.rooms.acquire(docName);
    expect(readProfile(room.doc).name).toBe('Riverside');
    server.rooms.release(docName);
    expect(readProfile(browser.doc).name).toBe('Riverside');
  });

  it("never lets a viewer's edits reach the server doc or other clients", async () => {
    const { server, docName, editor, viewer } = await partnershipWithMembers();
    const editorClient = connectClient(server.wsUrl, docName, {}, editor.cookie);
    const viewerClient = connectClient(server.wsUrl, docName, {}, viewer.cookie);
    await Promise.all([whenSynced(editorClient), whenSynced(viewerClient)]);

    updateProfileField(viewerClient.doc, 'description', 'Forged by a viewer');
    // A hand-made update frame too, in case a client bypasses its own UI.
    const forged = new Y.Doc();
    updateProfileField(forged, 'name', 'Forged name');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, SyncMessageType.Update);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(forged));
    const { socket } = await openRawSocket(`${server.wsUrl}/${docName}`, viewer.cookie);
    socket.send(encoding.toUint8Array(encoder));

    updateProfileField(editorClient.doc, 'description', 'Edited by the editor');
    await waitFor(() => expect(readProfile(viewerClient.doc).description).toContain('Edited by the editor'));
    const room = await server.rooms.acquire(docName);
    expect(readProfile(room.doc)).toEqual({ name: 'Riverside', description: 'Edited by the editor' });
    server.rooms.release(docName);
    expect(readProfile(editorClient.doc).name).toBe('Riverside');
  });

  it("undoes an editor's rename for everyone, and lets a facilitator's stand", async () => {
    const { server, admin, docName, partnershipId, editor } = await partnershipWithMembers();
    const editorClient = connectClient(server.wsUrl, docName, {}, editor.cookie);
    const facilitatorClient = connectClient(server.wsUrl, docName, {}, { cookie: admin.cookie! });
    await Promise.all([whenSynced(editorClient), whenSynced(facilitatorClient)]);

    updateProfileField(editorClient.doc, 'name', 'Renamed by an editor');
    // The server undoes it, and the undoing reaches the editor too.
    await waitFor(() => expect(readProfile(editorClient.doc).name).toBe('Riverside'));
    expect(readProfile(facilitatorClient.doc).name).toBe('Riverside');

    updateProfileField(facilitatorClient.doc, 'name', 'Riverside Family Hubs');
    await waitFor(() => expect(readProfile(editorClient.doc).name).toBe('Riverside Family Hubs'));
    await waitFor(async () => {
      const listed = await admin.request<{ name: string }>('GET', `/api/partnerships/${partnershipId}`);
      expect(listed.body.name).toBe('Riverside Family Hubs');
    });
  });

  it("closes a removed member's socket within a second, and they cannot come back", async () => {
    const { server, admin, docName, partnershipId, editor } = await partnershipWithMembers();
    const client = connectClient(server.wsUrl, docName, {}, editor.cookie);
    await whenSynced(client);
    const closed = closeCodeOf(client);
    const started = performance.now();
    expect((await admin.request('DELETE', `/api/partnerships/${partnershipId}/members/${editor.userId}`)).status).toBe(
      200,
    );
    expect(await closed).toBe(CloseCode.Forbidden);
    expect(performance.now() - started).toBeLessThan(1000);
    const { closed: again } = await openRawSocket(`${server.wsUrl}/${docName}`, editor.cookie);
    expect((await again).code).toBe(CloseCode.Forbidden);
  });

  it('applies a role change to open sockets: a demoted editor reconnects read-only', async () => {
    const { server, admin, docName, partnershipId, editor } = await partnershipWithMembers();
    const client = connectClient(server.wsUrl, docName, {}, editor.cookie);
    await whenSynced(client);
    const closed = closeCodeOf(client);
    await admin.request('PATCH', `/api/partnerships/${partnershipId}/members/${editor.userId}`, { role: 'viewer' });
    expect(await closed).toBe(CloseCode.Forbidden);

    const again = connectClient(server.wsUrl, docName, {}, editor.cookie);
    await whenSynced(again);
    updateProfileField(again.doc, 'name', 'Written after demotion');
    const witness = connectClient(server.wsUrl, docName, { token: await admin.createToken() });
    await whenSynced(witness);
    updateProfileField(witness.doc, 'description', 'marker');
    await waitFor(() => expect(readProfile(again.doc).description).toBe('marker'));
    expect(readProfile(witness.doc).name).not.toContain('Written after demotion');
  });

  it('stamps the signed-in identity into presence, whatever the client claims', async () => {
    const { server, docName, editor, viewer } = await partnershipWithMembers();
    const watcher = connectClient(server.wsUrl, docName, {}, viewer.cookie);
    const liar = connectClient(server.wsUrl, docName, {}, editor.cookie);
    await Promise.all([whenSynced(watcher), whenSynced(liar)]);
    liar.provider.awareness.setLocalStateField('user', {
      id: 'x',
      name: 'The Chair',
      organisation: 'Council',
      colour: '#000000',
    });
    await waitFor(() => {
      const seen = watcher.provider.awareness.getStates().get(liar.doc.clientID) as
        { user?: { name: string; id: string } } | undefined;
      expect(seen?.user).toMatchObject({ name: 'Esme', id: editor.userId });
    });
  });

  it('signing out closes that session’s sockets', async () => {
    const { server, docName, editor } = await partnershipWithMembers();
    const client = connectClient(server.wsUrl, docName, {}, editor.cookie);
    await whenSynced(client);
    const closed = closeCodeOf(client);
    await editor.client.request('POST', '/api/auth/logout');
    expect(await closed).toBe(CloseCode.Unauthorized);
  });
});

describe('editor schema version and server-written projections', () => {
  it('refuses a browser whose editor schema is older than the server’s with 4426', async () => {
    const { server, docName, editor } = await partnershipWithMembers();
    const outdated = `${server.wsUrl}/${docName}?${editorSchemaVersionParam}=${editorSchemaVersion - 1}`;
    const { closed } = await openRawSocket(outdated, editor.cookie);
    expect((await closed).code).toBe(CloseCode.UpgradeRequired);
    const garbled = await openRawSocket(
      `${server.wsUrl}/${docName}?${editorSchemaVersionParam}=1.0-beta`,
      editor.cookie,
    );
    expect((await garbled.closed).code).toBe(CloseCode.UpgradeRequired);

    const current = connectClient(
      server.wsUrl,
      docName,
      { [editorSchemaVersionParam]: String(editorSchemaVersion) },
      editor.cookie,
    );
    await whenSynced(current);
    expect(current.provider.wsconnected).toBe(true);
  });

  it('keeps the comments projection read-only for everyone, editors included', async () => {
    const { server, partnershipId, editor } = await partnershipWithMembers();
    const name = commentsDocName(partnershipId);
    await server.rooms.transact(name, (doc) => doc.getMap('threads').set('t1', 'from the server'));
    const client = connectClient(server.wsUrl, name, {}, editor.cookie);
    await whenSynced(client);
    expect(client.doc.getMap('threads').get('t1')).toBe('from the server');
    client.doc.getMap('threads').set('t2', 'forged by an editor');

    await server.rooms.transact(name, (doc) => doc.getMap('threads').set('t3', 'marker'));
    await waitFor(() => expect(client.doc.getMap('threads').get('t3')).toBe('marker'));
    const room = await server.rooms.acquire(name);
    expect(room.doc.getMap('threads').has('t2')).toBe(false);
    server.rooms.release(name);
  });
});

export type { Server };
