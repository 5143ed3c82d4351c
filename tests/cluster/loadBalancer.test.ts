import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceDocName } from '../../shared/protocol/docNames.ts';
import { startLoadBalancer, type LoadBalancer } from '../../scripts/loadBalancer.ts';
import { waitFor } from '../helpers/waitFor.ts';
import {
  connectPinned,
  createPartnership,
  providerSynced,
  signInAdmin,
  useCluster,
  waitForConvergence,
  type Instance,
} from './harness.ts';

// The balancer `npm run start:cluster` puts in front of its instances: HTTP and WebSocket upgrades round-robin to
// instances whose /readyz is 200, and a dead instance leaves the rotation.
const cluster = useCluster({ env: { HEARTBEAT_MS: '1000' } });
const roots = { lb: 'map' } as const;
let a: Instance;
let b: Instance;
let balancer: LoadBalancer;
beforeAll(async () => {
  a = await cluster.start('A');
  b = await cluster.start('B');
  balancer = await startLoadBalancer({
    port: 0,
    host: '127.0.0.1',
    targets: [a.url, b.url],
    healthIntervalMs: 500,
    log: () => {},
  });
});
afterAll(() => balancer?.close());

describe('the start:cluster load balancer', () => {
  it('passes HTTP and WebSocket upgrades to every ready instance, and takes a killed one out of rotation', async () => {
    const lb = { url: `http://127.0.0.1:${balancer.port}`, wsUrl: `ws://127.0.0.1:${balancer.port}/collab` };
    await waitFor(() => expect(balancer.targets.every((target) => target.healthy)).toBe(true));
    expect((await fetch(`${lb.url}/readyz`)).status).toBe(200);

    const admin = await signInAdmin(lb.url);
    const docName = workspaceDocName(await createPartnership(admin, 'Balanced'));
    const auth = { headers: { cookie: admin.cookie! } };
    // Round robin: consecutive sockets land on different instances.
    const clients = [0, 1, 2, 3].map((i) => ({ ...connectPinned(lb, docName, auth), label: `client ${i}` }));
    await Promise.all(clients.map((client) => providerSynced(client.provider)));
    clients.forEach((client, i) => client.doc.getMap('lb').set(`before-${i}`, i));
    await waitForConvergence(clients, { roots });

    a.kill('SIGKILL');
    await a.waitForExit();
    // The stock provider reconnects to the same address; the balancer sends it to the instance that is left.
    clients.forEach((client, i) => client.doc.getMap('lb').set(`after-${i}`, i));
    await waitFor(() => expect(clients.every((client) => client.provider.synced)).toBe(true), { timeoutMs: 15_000 });
    await waitForConvergence(clients, { roots });
    expect(clients[0]!.doc.getMap('lb').size).toBe(8);
    await waitFor(() => expect(balancer.targets.find((target) => target.url === a.url)?.healthy).toBe(false));
    expect((await fetch(`${lb.url}/readyz`)).status).toBe(200);
  });
});
