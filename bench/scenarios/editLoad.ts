import type { ClientGroup } from '../clientGroup.ts';
import { liveCount } from '../clientGroup.ts';
import type { DeliveryLedger } from '../deliveryLedger.ts';
import type { LoadClient } from '../loadClient.ts';
import { cpuPercent, foreignCpuPercent, ownCpuPercent, sampleMachine, type ProcSample } from '../procStats.ts';
import type { ServerProcess } from '../serverProcess.ts';
import { summariseLatency, type LatencySummary } from '../stats.ts';
import { delay, waitUntil } from '../waitFor.ts';

/** How often the pacer looks for clients whose next edit is due. */
const tickMs = 2;

/** Figures of one measured window of steady editing. */
export interface EditWindowResult {
  ratePerClient: number;
  seconds: number;
  editsSent: number;
  expected: number;
  received: number;
  lost: number;
  latency: LatencySummary;
  /** Deliveries to a client on another instance than the sender's (count 0 with one instance). */
  crossInstanceLatency: LatencySummary;
  /** Deliveries of edits made in the window, per second of window. */
  deliveriesPerSecond: number;
  serverCpuPercent: number;
  serverRssBytes: number;
  loadGeneratorCpuPercent: number;
  /** CPU used by other processes on the machine during the window (percent of one core). */
  foreignCpuPercent: number;
  /** CPU of Redis and PostgreSQL during the window, when measured (then not counted in `foreignCpuPercent`). */
  infrastructureCpuPercent?: number;
  /** Clients whose socket closed without being asked to, during the window or its drain. */
  droppedClients: number;
}

export interface EditWindowOptions {
  /** The server whose CPU and memory are measured (several instances: their sums). */
  server: Pick<ServerProcess, 'sample'>;
  group: ClientGroup;
  ledger: DeliveryLedger;
  ratePerClient: number;
  seconds: number;
  /** Longest wait, after the last edit, for outstanding deliveries before counting them lost. */
  drainMs: number;
  /** CPU of the services the server leans on (a cluster's Redis and PostgreSQL), measured apart when given. */
  infrastructure?: () => ProcSample;
}

/**
 * Every client edits `ratePerClient` times a second, phases spread evenly so the load is smooth, for `seconds`.
 * A client more than one period behind skips ahead instead of bursting, so an overloaded load generator shows up
 * as fewer edits sent (and a high load-generator CPU) rather than as a burst the server never saw coming.
 */
export async function runEditWindow(options: EditWindowOptions): Promise<EditWindowResult> {
  const { server, group, ledger, ratePerClient, seconds, drainMs, infrastructure } = options;
  const tally = ledger.openWindow();
  const infrastructureBefore = infrastructure?.();
  const serverBefore = server.sample();
  const machineBefore = sampleMachine();
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await pace(group, ledger, ratePerClient, startedAt + seconds * 1000);
  const endedAt = performance.now();
  const cpuAfter = process.cpuUsage();
  const serverAfter = server.sample();
  const machineAfter = sampleMachine();
  const infrastructureAfter = infrastructure?.();
  ledger.closeWindow();
  await waitUntil(() => tally.received >= tally.expected, drainMs, 5);
  ledger.forget();
  const windowSeconds = (endedAt - startedAt) / 1000;
  const serverCpuPercent = cpuPercent(serverBefore, serverAfter);
  const loadGeneratorCpuPercent = ownCpuPercent(cpuBefore, startedAt, cpuAfter, endedAt);
  const infrastructureCpuPercent =
    infrastructureBefore && infrastructureAfter
      ? Math.max(0, cpuPercent(infrastructureBefore, infrastructureAfter))
      : undefined;
  const foreign = foreignCpuPercent(machineBefore, machineAfter, serverCpuPercent, loadGeneratorCpuPercent);
  return {
    ratePerClient,
    seconds: windowSeconds,
    editsSent: tally.editsSent,
    expected: tally.expected,
    received: tally.received,
    lost: tally.expected - tally.received,
    latency: summariseLatency(tally.latenciesMs),
    crossInstanceLatency: summariseLatency(tally.crossLatenciesMs),
    deliveriesPerSecond: tally.received / windowSeconds,
    serverCpuPercent,
    serverRssBytes: serverAfter.rssBytes,
    loadGeneratorCpuPercent,
    foreignCpuPercent: Math.max(0, foreign - (infrastructureCpuPercent ?? 0)),
    ...(infrastructureCpuPercent === undefined ? {} : { infrastructureCpuPercent }),
    droppedClients: group.all.filter((client) => client.droppedUnexpectedly).length,
  };
}

/** Edits at the given rate, without counting, to warm up the server and the clients. */
export async function warmUp(
  group: ClientGroup,
  ledger: DeliveryLedger,
  ratePerClient: number,
  ms: number,
): Promise<void> {
  await pace(group, ledger, ratePerClient, performance.now() + ms);
  await delay(200);
}

async function pace(group: ClientGroup, ledger: DeliveryLedger, ratePerClient: number, until: number): Promise<void> {
  const periodMs = 1000 / ratePerClient;
  const clients = group.all;
  const roomOf = new Map<LoadClient, readonly LoadClient[]>();
  for (const room of group.rooms) for (const client of room) roomOf.set(client, room);
  const start = performance.now();
  const nextAt = clients.map((_client, index) => start + (index / clients.length) * periodMs);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      if (now >= until) {
        clearInterval(timer);
        resolve();
        return;
      }
      clients.forEach((client, index) => {
        const due = nextAt[index]!;
        if (due > now || !client.isSynced || client.closeCode !== null) return;
        const room = roomOf.get(client)!;
        client.edit(ledger.recordSend(liveCount(room) - 1, performance.now(), client.instance));
        nextAt[index] = now - due > periodMs ? now + periodMs : due + periodMs;
      });
    }, tickMs);
  });
}
