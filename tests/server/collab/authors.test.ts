import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
});
