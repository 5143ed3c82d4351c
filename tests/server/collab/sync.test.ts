import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { readProfile, updateProfileField } from '../../../shared/model/partnershipProfile.ts';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { MessageType, SyncMessageType } from '../../../shared/protocol/messageTypes.ts';
import { connectClient, openRawSocket, whenSynced } from '../../helpers/collabClient.ts';
import { startTestServer } from '../../helpers/testServer.ts';
import { waitFor } from '../../helpers/waitFor.ts';

describe('collaboration server', () => {
  it('syncs two stock WebsocketProviders both ways', async () => {
    const server = await startTestServer();
    const alice = connectClient(server.wsUrl, 'p:demo', { name: 'Alice' });
    const bob = connectClient(server.wsUrl, 'p:demo', { name: 'Bob' });
    await Promise.all([whenSynced(alice), whenSynced(bob)]);

    updateProfileField(alice.doc, 'name', 'Merton Family Hubs');
    updateProfileField(bob.doc, 'description', 'Our shared outcomes framework');

    const expected = { name: 'Merton Family Hubs', description: 'Our shared outcomes framework' };
    await waitFor(() => expect(readProfile(alice.doc)).toEqual(expected));
    await waitFor(() => expect(readProfile(bob.doc)).toEqual(expected));
  });

  it('merges concurrent typing in the same field', async () => {
    const server = await startTestServer();
    const alice = connectClient(server.wsUrl, 'p:demo');
    const bob = connectClient(server.wsUrl, 'p:demo');
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    updateProfileField(alice.doc, 'name', 'Hubs');
    await waitFor(() => expect(readProfile(bob.doc).name).toBe('Hubs'));

    updateProfileField(alice.doc, 'name', 'Family Hubs');
    updateProfileField(bob.doc, 'name', 'Hubs Partnership');

    await waitFor(() => expect(readProfile(alice.doc).name).toBe(readProfile(bob.doc).name));
    expect(readProfile(alice.doc).name).toContain('Family');
    expect(readProfile(alice.doc).name).toContain('Partnership');
  });

  it('keeps documents across a restart', async () => {
    const first = await startTestServer();
    const writer = connectClient(first.wsUrl, 'p:kept');
    await whenSynced(writer);
    updateProfileField(writer.doc, 'name', 'Survives restarts');
    const reader = connectClient(first.wsUrl, 'p:kept');
    await waitFor(() => expect(readProfile(reader.doc).name).toBe('Survives restarts'));
    writer.destroy();
    reader.destroy();
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    const fresh = connectClient(second.wsUrl, 'p:kept');
    await whenSynced(fresh);
    expect(readProfile(fresh.doc).name).toBe('Survives restarts');
  });

  it('gives each newcomer the latest whole document, also when it was loaded from a snapshot and then changed', async () => {
    const first = await startTestServer();
    const writer = connectClient(first.wsUrl, 'p:whole');
    await whenSynced(writer);
    updateProfileField(writer.doc, 'name', 'Before');
    const early = connectClient(first.wsUrl, 'p:whole');
    await waitFor(() => expect(readProfile(early.doc).name).toBe('Before'));
    updateProfileField(writer.doc, 'name', 'After');
    const late = connectClient(first.wsUrl, 'p:whole');
    await waitFor(() => expect(readProfile(late.doc).name).toBe('After'));
    for (const client of [writer, early, late]) client.destroy();
    // Closing compacts the document into a snapshot with nothing logged after it.
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    const reopened = connectClient(second.wsUrl, 'p:whole');
    await waitFor(() => expect(readProfile(reopened.doc).name).toBe('After'));
    updateProfileField(reopened.doc, 'name', 'After the restart');
    const newcomer = connectClient(second.wsUrl, 'p:whole');
    await waitFor(() => expect(readProfile(newcomer.doc).name).toBe('After the restart'));
  });

  it('sends read-only documents to clients but drops what they write', async () => {
    const server = await startTestServer();
    const reader = connectClient(server.wsUrl, 'p:demo:ballots');
    await whenSynced(reader);
    reader.doc.getMap('tally').set('forged', 99);

    await server.rooms.transact('p:demo:ballots', (doc) => doc.getMap('tally').set('real', 1));
    await waitFor(() => expect(reader.doc.getMap('tally').get('real')).toBe(1));
    const room = await server.rooms.acquire('p:demo:ballots');
    expect(room.doc.getMap('tally').get('forged')).toBeUndefined();
    server.rooms.release('p:demo:ballots');

    const other = connectClient(server.wsUrl, 'p:demo:ballots');
    await whenSynced(other);
    expect(other.doc.getMap('tally').toJSON()).toEqual({ real: 1 });
  });

  it('stores a server-side change before any client sees it, and broadcasts it', async () => {
    const server = await startTestServer();
    const client = connectClient(server.wsUrl, 'p:demo');
    await whenSynced(client);
    await server.rooms.transact('p:demo', (doc) => updateProfileField(doc, 'name', 'Written by the server'));
    await waitFor(() => expect(readProfile(client.doc).name).toBe('Written by the server'));
  });

  it('answers a sync step 1 with exactly what the client lacks', async () => {
    const server = await startTestServer();
    const seed = connectClient(server.wsUrl, 'p:demo');
    await whenSynced(seed);
    updateProfileField(seed.doc, 'name', 'Known');
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(seed.doc));
    updateProfileField(seed.doc, 'description', 'New since');
    await waitFor(async () => {
      const room = await server.rooms.acquire('p:demo');
      server.rooms.release('p:demo');
      expect(readProfile(room.doc).description).toBe('New since');
    });

    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, SyncMessageType.Step1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(late));
    const socket = new WebSocket(`${server.wsUrl}/p:demo`);
    socket.on('error', () => {});
    const replies: Uint8Array[] = [];
    socket.on('message', (data: Buffer) => replies.push(new Uint8Array(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(encoding.toUint8Array(encoder));
    await waitFor(() =>
      expect(replies.some((r) => r[0] === MessageType.Sync && r[1] === SyncMessageType.Step2)).toBe(true),
    );
    socket.close();
    const step2 = replies.find((r) => r[0] === MessageType.Sync && r[1] === SyncMessageType.Step2)!;
    // Decoding the reply into the late doc brings it up to date.
    const decoder = decoding.createDecoder(step2);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    Y.applyUpdate(late, decoding.readVarUint8Array(decoder));
    expect(readProfile(late)).toEqual({ name: 'Known', description: 'New since' });
  });

  it('refuses documents it does not host with 4404', async () => {
    const server = await startTestServer();
    const { closed } = await openRawSocket(`${server.wsUrl}/not-a-doc`);
    expect((await closed).code).toBe(CloseCode.NotFound);
  });
});
