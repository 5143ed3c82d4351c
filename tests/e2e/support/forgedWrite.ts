import type { Page } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { profileText, readProfile } from '../../../shared/model/partnershipProfile.ts';
import { MessageType } from '../../../shared/protocol/messageTypes.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';

/**
 * y-websocket frames that try to write `text` into a workspace's profile name, sent the two ways a client can
 * write (sync step 2 and update), followed by a sync step 1 so the server's answer shows what it kept.
 * Built here in Node: the page under test has no Yjs of its own to build them with.
 */
export function forgedProfileNameFrames(text: string): number[][] {
  const forger = new Y.Doc();
  profileText(forger, 'name').insert(0, text);

  const step2 = encoding.createEncoder();
  encoding.writeVarUint(step2, MessageType.Sync);
  syncProtocol.writeSyncStep2(step2, forger);

  const update = encoding.createEncoder();
  encoding.writeVarUint(update, MessageType.Sync);
  syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(forger));

  const askForEverything = encoding.createEncoder();
  encoding.writeVarUint(askForEverything, MessageType.Sync);
  syncProtocol.writeSyncStep1(askForEverything, new Y.Doc());

  return [step2, update, askForEverything].map((encoder) => Array.from(encoding.toUint8Array(encoder)));
}

/**
 * Opens a raw WebSocket from inside `page` (so it carries that person's session cookie and the page's Origin),
 * sends `frames` in order and returns the server's sync step 2 answer: the whole document as the server holds
 * it after handling everything sent before.
 */
export async function sendOnRawSocket(page: Page, partnershipId: string, frames: number[][]): Promise<number[]> {
  const url = new URL(`/collab/${workspaceDocName(partnershipId)}`, page.url()).toString().replace(/^http/, 'ws');
  return page.evaluate(
    ({ url, frames }) =>
      new Promise<number[]>((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.binaryType = 'arraybuffer';
        socket.onopen = () => {
          for (const frame of frames) socket.send(new Uint8Array(frame));
        };
        socket.onmessage = (event: MessageEvent<ArrayBuffer>) => {
          const bytes = new Uint8Array(event.data);
          // [0, 1, …] is a sync step 2: the answer to our step 1.
          if (bytes[0] === 0 && bytes[1] === 1) {
            socket.close();
            resolve(Array.from(bytes));
          }
        };
        socket.onclose = (event) => reject(new Error(`The server closed the socket (${event.code} ${event.reason})`));
      }),
    { url, frames },
  );
}

/** The profile name held in a sync step 2 frame from the server. */
export function profileNameIn(step2Frame: number[]): string {
  const decoder = decoding.createDecoder(Uint8Array.from(step2Frame));
  decoding.readVarUint(decoder); // message type: sync
  decoding.readVarUint(decoder); // sync step 2
  const doc = new Y.Doc();
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  return readProfile(doc).name;
}
