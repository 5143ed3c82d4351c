import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../../../server/store/DocStore.ts';

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null;
  const capture = (update: Uint8Array): void => {
    captured = update;
  };
  doc.on('update', capture);
  doc.getText('t').insert(doc.getText('t').length, text);
  doc.off('update', capture);
  if (!captured) throw new Error('no update');
  return captured;
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

/**
 * The behaviour every DocStore must have. Run it against each implementation with a factory that returns a
 * fresh, empty store (and closes it afterwards).
 */
export function docStoreContract(name: string, open: () => Promise<DocStore>): void {
  describe(`DocStore contract: ${name}`, () => {
    it('loads an unknown document as empty', async () => {
      const store = await open();
      expect(await store.load('p:nothing')).toEqual({
        updates: [],
        lastSeq: 0,
        snapshotSeq: 0,
        seqs: [],
        pendingCount: 0,
        bytes: 0,
      });
    });

    it('returns appended updates in order with increasing sequence numbers', async () => {
      const store = await open();
      const doc = new Y.Doc();
      const updates = ['a', 'b', 'c'].map((t) => textUpdate(doc, t));
      const seqs = await store.append(updates.map((update) => ({ docName: 'p:one', update })));
      expect(seqs).toHaveLength(3);
      expect(seqs[0]! < seqs[1]! && seqs[1]! < seqs[2]!).toBe(true);
      const loaded = await store.load('p:one');
      expect(replay(loaded.updates)).toBe('abc');
      expect(loaded.lastSeq).toBe(seqs[2]);
      expect(loaded.pendingCount).toBe(3);
      expect(loaded.bytes).toBe(updates.reduce((sum, u) => sum + u.byteLength, 0));
    });

    it('keeps documents apart', async () => {
      const store = await open();
      const a = new Y.Doc();
      const b = new Y.Doc();
      await store.append([
        { docName: 'p:a', update: textUpdate(a, 'alpha') },
        { docName: 'p:b', update: textUpdate(b, 'beta') },
      ]);
      expect(replay((await store.load('p:a')).updates)).toBe('alpha');
      expect(replay((await store.load('p:b')).updates)).toBe('beta');
    });

    it('compacts into a snapshot and keeps updates appended after the compaction point', async () => {
      const store = await open();
      const doc = new Y.Doc();
      const [first] = await store.append([{ docName: 'p:c', update: textUpdate(doc, 'one ') }]);
      const [second] = await store.append([{ docName: 'p:c', update: textUpdate(doc, 'two ') }]);
      const snapshotDoc = new Y.Doc();
      Y.applyUpdate(snapshotDoc, Y.encodeStateAsUpdate(doc));
      await store.append([{ docName: 'p:c', update: textUpdate(doc, 'three') }]);

      await store.compact('p:c', Y.encodeStateAsUpdate(snapshotDoc), second!);
      const loaded = await store.load('p:c');
      expect(first! < second!).toBe(true);
      expect(loaded.pendingCount).toBe(1);
      expect(replay(loaded.updates)).toBe('one two three');
    });

    it('replaces an earlier snapshot on a later compaction', async () => {
      const store = await open();
      const doc = new Y.Doc();
      const [s1] = await store.append([{ docName: 'p:d', update: textUpdate(doc, 'x') }]);
      await store.compact('p:d', Y.encodeStateAsUpdate(doc), s1!);
      const [s2] = await store.append([{ docName: 'p:d', update: textUpdate(doc, 'y') }]);
      await store.compact('p:d', Y.encodeStateAsUpdate(doc), s2!);
      const loaded = await store.load('p:d');
      expect(loaded.updates).toHaveLength(1);
      expect(loaded.pendingCount).toBe(0);
      expect(loaded.lastSeq).toBe(s2);
      expect(replay(loaded.updates)).toBe('xy');
    });

    it('never replaces a snapshot with one that covers less (two instances compacting one document)', async () => {
      const store = await open();
      const doc = new Y.Doc();
      const [s1] = await store.append([{ docName: 'p:e', update: textUpdate(doc, 'a') }]);
      const early = Y.encodeStateAsUpdate(doc);
      const [s2] = await store.append([{ docName: 'p:e', update: textUpdate(doc, 'b') }]);
      await store.compact('p:e', Y.encodeStateAsUpdate(doc), s2!);
      await store.compact('p:e', early, s1!);
      const loaded = await store.load('p:e');
      expect(loaded.lastSeq).toBe(s2);
      expect(replay(loaded.updates)).toBe('ab');
    });

    it('survives compactions of one document running at once, losing nothing', async () => {
      const store = await open();
      const doc = new Y.Doc();
      const seqs = await store.append(
        Array.from({ length: 20 }, (_, i) => ({ docName: 'p:f', update: textUpdate(doc, String(i % 10)) })),
      );
      const state = Y.encodeStateAsUpdate(doc);
      await Promise.all(Array.from({ length: 5 }, () => store.compact('p:f', state, seqs.at(-1)!)));
      await store.append([{ docName: 'p:f', update: textUpdate(doc, '!') }]);
      expect(replay((await store.load('p:f')).updates)).toBe('01234567890123456789!');
    });

    it('a guarded compaction deletes only the rows it covers, so a row another instance stored is kept', async () => {
      const store = await open();
      // Instance A holds updates 1 and 2; instance B stored 3 meanwhile, which A has not applied.
      const a = new Y.Doc();
      const b = new Y.Doc();
      const [s1, s2] = await store.append([
        { docName: 'p:g', update: textUpdate(a, 'a') },
        { docName: 'p:g', update: textUpdate(a, 'b') },
      ]);
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      const [s3] = await store.append([{ docName: 'p:g', update: textUpdate(b, 'c') }]);
      // A compacts what it holds, marking up to its highest applied row but naming only those rows.
      const guard = { basedOnSnapshotSeq: 0, coveredSeqs: [s1!, s2!] };
      expect(await store.compact('p:g', Y.encodeStateAsUpdate(a), Math.max(s1!, s2!), guard)).toBe(true);
      const loaded = await store.load('p:g');
      expect(loaded.snapshotSeq).toBe(Math.max(s1!, s2!));
      expect(loaded.seqs).toEqual([s3]);
      expect(replay(loaded.updates)).toBe('abc');
      expect(await store.logIndex(['p:g', 'p:none'])).toEqual(
        new Map([['p:g', { snapshotSeq: Math.max(s1!, s2!), seqs: [s3] }]]),
      );
      expect((await store.readUpdates('p:g', [s1!, s3!])).map((row) => row.seq)).toEqual([s3]);
      expect((await store.readSnapshot('p:g'))?.seq).toBe(Math.max(s1!, s2!));
      expect(await store.readSnapshot('p:none')).toBeNull();
    });

    it('skips a guarded compaction built on a snapshot that has since been replaced', async () => {
      const store = await open();
      const a = new Y.Doc();
      const [s1] = await store.append([{ docName: 'p:h', update: textUpdate(a, 'a') }]);
      const b = new Y.Doc();
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      const [s2] = await store.append([{ docName: 'p:h', update: textUpdate(b, 'b') }]);
      // B compacts first; A, still built on no snapshot and without B's row, must not replace B's snapshot.
      expect(
        await store.compact('p:h', Y.encodeStateAsUpdate(b), s2!, { basedOnSnapshotSeq: 0, coveredSeqs: [s1!, s2!] }),
      ).toBe(true);
      const [s3] = await store.append([{ docName: 'p:h', update: textUpdate(a, 'c') }]);
      expect(
        await store.compact('p:h', Y.encodeStateAsUpdate(a), s3!, { basedOnSnapshotSeq: 0, coveredSeqs: [s1!, s3!] }),
      ).toBe(false);
      // 'b' and 'c' were written concurrently after 'a'; Yjs orders them by client id, so only their presence is fixed.
      expect([...replay((await store.load('p:h')).updates)].sort().join('')).toBe('abc');
    });

    it('appends a batch atomically', async () => {
      const store = await open();
      const doc = new Y.Doc();
      const seqs = await store.append(
        Array.from({ length: 500 }, (_, i) => ({ docName: 'p:batch', update: textUpdate(doc, String(i % 10)) })),
      );
      expect(new Set(seqs).size).toBe(500);
      expect((await store.load('p:batch')).pendingCount).toBe(500);
    });
  });
}
