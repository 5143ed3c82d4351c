import type { BigDocument } from '../bigDocument.ts';
import { waitForSync } from '../clientGroup.ts';
import { LoadClient, textName } from '../loadClient.ts';
import { PeakRssSampler, watchCpu } from '../procStats.ts';
import type { ServerProcess } from '../serverProcess.ts';
import { delay, waitUntil } from '../waitFor.ts';

/** Shape of the big-document join. */
export interface BigDocumentPlan {
  joiners: number;
  /** Pause after seeding, long enough for Hocuspocus's 2 s debounced store to have run before the join. */
  settleMs: number;
  timeoutMs: number;
}

export const bigDocumentPlan = (): BigDocumentPlan => ({ joiners: 50, settleMs: 3_000, timeoutMs: 120_000 });

export interface BigDocumentResult {
  documentBytes: number;
  joiners: number;
  /** Joiners whose received document, once applied, held the whole text. */
  complete: number;
  /** From opening the first joiner's socket until the last joiner had received the whole document. */
  allCompleteMs: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  /** Server CPU time spent while the joiners loaded, in milliseconds. */
  serverCpuMs: number;
  /** CPU used by other processes on the machine while the joiners loaded (percent of one core). */
  foreignCpuPercent: number;
}

function hasWholeText(client: LoadClient, length: number): boolean {
  return client.doc.getText(textName).length === length;
}

/**
 * Off the clock: applies the first joiner's copy and checks it holds the whole text; every other joiner must have
 * received byte-for-byte the same encoding (the server encodes one state for all of them), which is far cheaper
 * than decoding fifty multi-megabyte copies on the load generator's one core.
 */
function verifiedCount(joiners: readonly LoadClient[], textLength: number): number {
  const [first, ...others] = joiners;
  if (!first) return 0;
  const reference = first.heldUpdate;
  first.applyHeldUpdate();
  if (!reference || !hasWholeText(first, textLength)) return 0;
  return (
    1 +
    others.filter((joiner) => joiner.heldUpdate !== null && Buffer.compare(joiner.heldUpdate, reference) === 0).length
  );
}

/**
 * Big document: one client seeds a multi-megabyte text and stays connected (so in-memory servers keep it);
 * a probe checks the server has all of it; then `joiners` clients connect at once and load it.
 */
export async function runBigDocumentJoin(
  server: ServerProcess,
  document: BigDocument,
  plan: BigDocumentPlan,
): Promise<BigDocumentResult> {
  await server.rooms.prepare(['big']);
  const docName = server.rooms.docName('big');
  const open = (name: string, holdFirstSyncStep2 = false): LoadClient =>
    new LoadClient({
      url: server.rooms.socketUrl(docName),
      docName,
      wire: server.kind.wire,
      name,
      holdFirstSyncStep2,
    });
  const seeder = open('seeder');
  try {
    if ((await waitForSync([seeder], 30_000)) !== 1) throw new Error('the seeder did not sync');
    for (const update of document.updates) seeder.applyLocalUpdate(update);
    const probe = open('probe');
    const probed = await waitUntil(() => hasWholeText(probe, document.textLength), plan.timeoutMs, 20);
    probe.close();
    if (!probed) throw new Error('the probe never received the whole seeded document');
    await delay(plan.settleMs);

    const before = server.sample();
    const sampler = new PeakRssSampler(server.pid);
    const cpu = watchCpu(() => server.sample());
    const startedAt = performance.now();
    const joiners = Array.from({ length: plan.joiners }, (_unused, index) => open(`joiner ${index}`, true));
    try {
      const received = await waitForSync(joiners, plan.timeoutMs);
      const doneAt = performance.now();
      const peakRssBytes = sampler.stop();
      const after = server.sample();
      const shares = cpu.stop();
      const complete = verifiedCount(joiners, document.textLength);
      return {
        documentBytes: document.bytes,
        joiners: joiners.length,
        complete,
        allCompleteMs: received === joiners.length && complete === joiners.length ? doneAt - startedAt : Number.NaN,
        rssBeforeBytes: before.rssBytes,
        peakRssBytes,
        serverCpuMs: after.cpuMs - before.cpuMs,
        foreignCpuPercent: shares.foreignPercent,
      };
    } finally {
      sampler.stop();
      for (const joiner of joiners) joiner.close();
    }
  } finally {
    seeder.close();
  }
}
