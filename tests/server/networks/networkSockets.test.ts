import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import {
  ballotsDocName,
  commentsDocName,
  networkDocName,
  workspaceDocName,
} from '../../../shared/protocol/docNames.ts';
import { addOutcome } from '../../../shared/model/framework/outcomes.ts';
import { readNetworkSignal } from '../../../shared/model/network/networkSignal.ts';
import type { CreatedNetworkInvitation, NetworkSummary } from '../../../shared/schemas/networks.ts';
import { ApiClient } from '../../helpers/apiClient.ts';
import { connectClient, openRawSocket, whenSynced } from '../../helpers/collabClient.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';
import { waitFor } from '../../helpers/waitFor.ts';

type Admin = Awaited<ReturnType<typeof serverWithAdmin>>['admin'];

async function createNetwork(admin: Admin, name: string): Promise<NetworkSummary> {
  const { status, body } = await admin.request<NetworkSummary>('POST', '/api/networks', { name });
  expect(status).toBe(201);
  return body;
}

/** A newcomer who becomes a coordinator of the network through its invitation link, signed in as a browser is. */
async function coordinatorOf(baseUrl: string, admin: Admin, networkId: string, name: string): Promise<ApiClient> {
  const email = `${name.toLowerCase()}@example.org`;
  const { body } = await admin.request<CreatedNetworkInvitation>('POST', `/api/networks/${networkId}/coordinators`, {
    email,
  });
  const person = new ApiClient(baseUrl);
  const token = body.url.split('/network-invite/')[1]!;
  const accepted = await person.request('POST', `/api/network-invitations/${token}/accept`, {
    email,
    displayName: name,
    organisation: 'Regional office',
    password: 'long enough passphrase',
  });
  expect(accepted.status).toBe(200);
  return person;
}

describe('network sockets', () => {
  it('a coordinator has no socket to a member partnership, and reads the network signal, which moves on', async () => {
    const { server, admin } = await serverWithAdmin();
    const partnership = await createPartnership(admin, { template: 'blank' });
    const network = await createNetwork(admin, 'North network');
    const other = await createNetwork(admin, 'South network');
    const coordinator = await coordinatorOf(server.url, admin, network.id, 'Cora');
    const elsewhere = await coordinatorOf(server.url, admin, other.id, 'Olly');
    await admin.request('POST', `/api/networks/${network.id}/invitations`, { partnershipId: partnership.id });
    expect((await admin.request('POST', `/api/networks/${network.id}/members/${partnership.id}/accept`)).status).toBe(
      200,
    );

    for (const docName of [
      workspaceDocName(partnership.id),
      ballotsDocName(partnership.id),
      commentsDocName(partnership.id),
    ]) {
      const { closed } = await openRawSocket(`${server.wsUrl}/${docName}`, { cookie: coordinator.cookie! });
      expect([docName, (await closed).code]).toEqual([docName, CloseCode.Forbidden]);
    }
    const refused = await openRawSocket(`${server.wsUrl}/${networkDocName(network.id)}`, { cookie: elsewhere.cookie! });
    expect((await refused.closed).code).toBe(CloseCode.Forbidden);

    const client = connectClient(server.wsUrl, networkDocName(network.id), {}, { cookie: coordinator.cookie! });
    await whenSynced(client);
    const before = readNetworkSignal(client.doc).revision;
    expect(before).toBeGreaterThan(0);
    const sharing = { framework: true, dataMapping: false, priorities: true, theoryOfChange: true, evidence: false };
    expect(
      (await admin.request('PUT', `/api/partnerships/${partnership.id}/networks/${network.id}/sharing`, sharing))
        .status,
    ).toBe(200);
    await waitFor(() => expect(readNetworkSignal(client.doc).revision).toBe(before + 1));

    // Nobody writes the signal doc but the server: a client's change is dropped.
    client.doc.getMap('signal').set('revision', 1000);
    const watcher = connectClient(server.wsUrl, networkDocName(network.id), {}, { cookie: coordinator.cookie! });
    await whenSynced(watcher);
    expect(readNetworkSignal(watcher.doc).revision).toBe(before + 1);

    // A member partnership's framework changing moves the signal on too, once the typing settles.
    const editor = connectClient(server.wsUrl, workspaceDocName(partnership.id), {}, { cookie: admin.cookie! });
    await whenSynced(editor);
    addOutcome(editor.doc, { domain: 'safe', level: 'child', statement: 'Children are safe online' });
    await waitFor(() => expect(readNetworkSignal(watcher.doc).revision).toBe(before + 2), { timeoutMs: 15_000 });
  });
});
