import * as Y from 'yjs';
import { textName } from './loadClient.ts';

/** A pre-built large document, as a few updates small enough for every server's message limit. */
export interface BigDocument {
  /** Updates to apply in order; together they are the whole document. */
  updates: Uint8Array[];
  /** Length of the shared text once every update is applied. */
  textLength: number;
  /** Sum of the updates' sizes. */
  bytes: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same document. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Builds a text of `batches × insertsPerBatch × chunkLength` characters by inserting chunks at random positions,
 * so the document has tens of thousands of items (like edited text) rather than one long string. Each batch is
 * one transaction and so one update (about 1 MB with the defaults, under our 2 MiB message limit).
 */
export function buildBigDocument(batches = 5, insertsPerBatch = 5_000, chunkLength = 200): BigDocument {
  const random = seededRandom(20_240_601);
  const doc = new Y.Doc();
  const text = doc.getText(textName);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const letters = 'abcdefghijklmnopqrstuvwxyz ';
  for (let batch = 0; batch < batches; batch++) {
    doc.transact(() => {
      for (let insert = 0; insert < insertsPerBatch; insert++) {
        const letter = letters[Math.floor(random() * letters.length)]!;
        text.insert(Math.floor(random() * (text.length + 1)), letter.repeat(chunkLength));
      }
    });
  }
  const result = {
    updates,
    textLength: text.length,
    bytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
  };
  doc.destroy();
  return result;
}
