import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../../shared/protocol/messageTypes.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { startTestServer } from '../../helpers/testServer.ts';
import { waitFor } from '../../helpers/waitFor.ts';

// "What changed" names who wrote what where the document knows: the server records, per document, which signed-in
// person brought each Yjs client id's first new items.
describe('document authors', () => {
  it('records each writer under their own Yjs client id', async () => {
    const server = await startTestServer();
    const ann = connectClient(server.wsUrl, 'p:authors', { name: 'Ann' });
    const ben = connectClient(server.wsUrl, 'p:authors', { name: 'Ben' });
    await Promise.all([whenSynced(ann), whenSynced(ben)]);

    ann.doc.getText('notes').insert(0, 'from Ann ');
    ben.doc.getText('notes').insert(0, 'from Ben ');
    await waitFor(() => expect(ann.doc.getText('notes').toString()).toContain('from Ben'));

    await waitFor(async () => {
      const authors = await server.store.docAuthors.authorsOf('p:authors');
      expect(Object.fromEntries(authors)).toEqual({
        [ann.doc.clientID]: 'guest:ann',
        [ben.doc.clientID]: 'guest:ben',
      });
    });
  });

  it("does not hand a person's client id to someone who later sends the same items again", async () => {
    const server = await startTestServer();
    const ann = connectClient(server.wsUrl, 'p:relay', { name: 'Ann' });
    await whenSynced(ann);
    ann.doc.getText('notes').insert(0, 'written by Ann');
    await waitFor(async () => expect((await server.store.docAuthors.authorsOf('p:relay')).size).toBe(1));

    // Mallory joins with a copy that already holds Ann's items and sends them as her own sync step 2.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ann.doc));
    const mallory = connectClient(server.wsUrl, 'p:relay', { name: 'Mallory' });
    Y.applyUpdate(mallory.doc, Y.encodeStateAsUpdate(copy));
    await whenSynced(mallory);
    mallory.doc.getText('notes').insert(0, 'by Mallory ');
    await waitFor(() => expect(ann.doc.getText('notes').toString()).toBe('by Mallory written by Ann'));

    await waitFor(async () => {
      const authors = await server.store.docAuthors.authorsOf('p:relay');
      expect(authors.get(ann.doc.clientID)).toBe('guest:ann');
      expect(authors.get(mallory.doc.clientID)).toBe('guest:mallory');
    });
  });

  it("refuses new edits written under another person's client id, before and after their first edit", async () => {
    const server = await startTestServer({ limits: { roomGraceMs: 20 } });
    const amira = connectClient(server.wsUrl, 'p:forge', { name: 'Amira' });
    await whenSynced(amira);
    amira.provider.awareness.setLocalStateField('viewing', 'framework');

    // Mallory copies Amira's client id from her presence before Amira has written anything.
    const mallory = connectClient(server.wsUrl, 'p:forge', { name: 'Mallory' });
    await waitFor(() => expect(mallory.provider.awareness.getStates().has(amira.doc.clientID)).toBe(true));
    const forged = new Y.Doc();
    forged.clientID = amira.doc.clientID;
    forged.getText('notes').insert(0, 'words Amira never wrote');
    const closed = new Promise<number | undefined>((resolve) =>
      mallory.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code)),
    );
    mallory.provider.ws!.send(updateMessage(Y.encodeStateAsUpdate(forged)));
    expect(await closed).toBe(4400);
    mallory.destroy();

    // Amira's own words still count as hers, and after the room reloads the stored author holds the id.
    amira.doc.getText('notes').insert(0, 'Amira writes');
    await waitFor(async () =>
      expect((await server.store.docAuthors.authorsOf('p:forge')).get(amira.doc.clientID)).toBe('guest:amira'),
    );
    amira.destroy();
    await waitFor(() => expect(server.rooms.loadedCount).toBe(0));
    const again = connectClient(server.wsUrl, 'p:forge', { name: 'Mallory' });
    await whenSynced(again);
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(again.doc));
    later.clientID = amira.doc.clientID;
    later.getText('notes').insert(0, 'more forged words ');
    const closedAgain = new Promise<number | undefined>((resolve) =>
      again.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code)),
    );
    again.provider.ws!.send(updateMessage(Y.encodeStateAsUpdate(later, Y.encodeStateVector(again.doc))));
    expect(await closedAgain).toBe(4400);
    const check = connectClient(server.wsUrl, 'p:forge', { name: 'Checker' });
    await whenSynced(check);
    expect(check.doc.getText('notes').toString()).toBe('Amira writes');
  });
});

/** A y-websocket sync "update" message carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
