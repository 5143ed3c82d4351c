import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { readProfile, updateProfileField } from '../../../shared/model/partnershipProfile.ts';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { MessageType, SyncMessageType } from '../../../shared/protocol/messageTypes.ts';
import { connectClient, openRawSocket, whenSynced, type TestClient } from '../../helpers/collabClient.ts';
import { startTestServer } from '../../helpers/testServer.ts';
import { waitFor } from '../../helpers/waitFor.ts';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = frame((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  });
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, inner);
  });
}

/** Two well-behaved clients that must keep syncing whatever a hostile socket does. */
async function bystanders(wsUrl: string): Promise<[TestClient, TestClient]> {
  const a = connectClient(wsUrl, 'p:demo', { name: 'A' });
  const b = connectClient(wsUrl, 'p:demo', { name: 'B' });
  await Promise.all([whenSynced(a), whenSynced(b)]);
  return [a, b];
}

async function expectStillSyncing([a, b]: [TestClient, TestClient], text: string): Promise<void> {
  updateProfileField(a.doc, 'description', text);
  await waitFor(() => expect(readProfile(b.doc).description).toBe(text));
}

describe('hostile frames close only the offending socket', () => {
  const random = prng.create(20261126);
  const cases: [string, Uint8Array, number][] = [
    [
      'random bytes with an unknown message type',
      new Uint8Array([0x63, ...prng.uint8Array(random, 64)]),
      CloseCode.Malformed,
    ],
    ['a truncated varint', new Uint8Array([0x80, 0x80]), CloseCode.Malformed],
    [
      'an update whose length prefix overstates its payload',
      new Uint8Array([MessageType.Sync, SyncMessageType.Update, 0x40, 1, 2, 3]),
      CloseCode.Malformed,
    ],
    [
      'an update of random bytes',
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Sync);
        encoding.writeVarUint(e, SyncMessageType.Update);
        encoding.writeVarUint8Array(e, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, ...prng.uint8Array(random, 32)]));
      }),
      CloseCode.Malformed,
    ],
    ['an unknown sync message type', new Uint8Array([MessageType.Sync, 9, 0]), CloseCode.Malformed],
    [
      'awareness that is not JSON',
      frame((e) => {
        encoding.writeVarUint(e, MessageType.Awareness);
        encoding.writeVarUint8Array(
          e,
          frame((i) => {
            encoding.writeVarUint(i, 1);
            encoding.writeVarUint(i, 7);
            encoding.writeVarUint(i, 1);
            encoding.writeVarString(i, '{not json');
          }),
        );
      }),
      CloseCode.Malformed,
    ],
  ];

  for (const [name, payload, expectedCode] of cases) {
    it(`${name} → ${expectedCode}`, async () => {
      const server = await startTestServer();
      const clients = await bystanders(server.wsUrl);
      const { socket, closed } = await openRawSocket(`${server.wsUrl}/p:demo`);
      socket.send(payload);
      expect((await closed).code).toBe(expectedCode);
      await expectStillSyncing(clients, `still fine after ${name}`);
    });
  }

  it('a 10 MiB frame → 4413, rejected from its header', async () => {
    const server = await startTestServer();
    const clients = await bystanders(server.wsUrl);
    const { socket, closed } = await openRawSocket(`${server.wsUrl}/p:demo`);
    socket.send(new Uint8Array(10 * 1024 * 1024));
    expect((await closed).code).toBe(CloseCode.TooLarge);
    await expectStillSyncing(clients, 'still fine after a huge frame');
  });

  it('a text frame → 4400', async () => {
    const server = await startTestServer();
    const { socket, closed } = await openRawSocket(`${server.wsUrl}/p:demo`);
    socket.send('hello');
    expect((await closed).code).toBe(CloseCode.Malformed);
  });

  it('awareness claiming another client id → 4400, and the victim keeps its presence', async () => {
    const server = await startTestServer();
    const clients = await bystanders(server.wsUrl);
    const victim = clients[0];
    victim.provider.awareness.setLocalStateField('viewing', 'profile');
    const victimId = victim.doc.clientID;
    await waitFor(() => expect(clients[1].provider.awareness.getStates().get(victimId)?.viewing).toBe('profile'));

    const { socket, closed } = await openRawSocket(`${server.wsUrl}/p:demo`);
    socket.send(awarenessFrame(victimId, 1000, { user: { name: 'Impostor' } }));
    expect((await closed).code).toBe(CloseCode.Malformed);
    const seen = clients[1].provider.awareness.getStates().get(victimId) as { user?: { name: string } } | undefined;
    expect(seen?.user?.name).toBe('A');
    await expectStillSyncing(clients, 'still fine after an awareness forgery');
  });

  it('stamps the server-known user over whatever a client claims in awareness', async () => {
    const server = await startTestServer();
    const [observer] = await bystanders(server.wsUrl);
    const { socket } = await openRawSocket(`${server.wsUrl}/p:demo?name=Mallory`);
    socket.send(
      awarenessFrame(424242, 1, {
        user: { id: 'admin', name: 'The Chair', organisation: 'Council', colour: '#000000' },
      }),
    );
    await waitFor(() => {
      const state = observer.provider.awareness.getStates().get(424242) as
        { user?: { name: string; id: string } } | undefined;
      expect(state?.user).toMatchObject({ name: 'Mallory', id: 'guest:mallory' });
    });
  });

  it('a message flood past the rate limit → 4429', async () => {
    const server = await startTestServer({ limits: { messagesPerSecond: 10, burstSeconds: 2 } });
    const clients = await bystanders(server.wsUrl);
    const { socket, closed } = await openRawSocket(`${server.wsUrl}/p:demo`);
    const query = new Uint8Array([MessageType.QueryAwareness]);
    for (let i = 0; i < 100; i++) socket.send(query);
    expect((await closed).code).toBe(CloseCode.RateLimited);
    await expectStillSyncing(clients, 'still fine after a flood');
  });

  it('an update that would grow the document past its limit → 4413, and the document is unchanged', async () => {
    const server = await startTestServer({ limits: { maxDocumentBytes: 64 * 1024 } });
    const clients = await bystanders(server.wsUrl);
    const big = connectClient(server.wsUrl, 'p:demo');
    await whenSynced(big);
    const closedCode = new Promise<number>((resolve) =>
      big.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    big.doc.getText('notes').insert(0, 'x'.repeat(100 * 1024));
    expect(await closedCode).toBe(CloseCode.TooLarge);
    const room = await server.rooms.acquire('p:demo');
    expect(room.doc.getText('notes').length).toBe(0);
    server.rooms.release('p:demo');
    big.destroy();
    await expectStillSyncing(clients, 'small enough');
  });
});
