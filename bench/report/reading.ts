import { goalLatencyBudgetMs, rampLatencyBudgetMs } from '../scenarios/ramp.ts';
import { serverKinds, type ServerId } from '../servers/serverKinds.ts';
import { formatCount, formatKiB, formatMs, formatRatio } from './format.ts';
import type { BigDocumentSummary, FanoutSummary, RampSummary, StormSummary } from './summaries.ts';

type Summaries<S> = Partial<Record<ServerId, S>>;

/** Within this factor either way, two figures are called level rather than ahead or behind. */
const levelBand = 0.1;
/** The design goal for memory per idle connection. */
export const idleConnectionGoalBytes = 30 * 1024;

function anchorsOf<S>(summaries: Summaries<S>): [ServerId, S][] {
  return (Object.entries(summaries) as [ServerId, S][]).filter(([id]) => !id.startsWith('ours'));
}

/** "ahead of X (1.3×), level with Y, behind Z (0.8×)" for one metric. */
function compare<S>(summaries: Summaries<S>, value: (summary: S) => number, better: 'higher' | 'lower'): string {
  const ours = summaries.ours;
  if (!ours) return 'not measured for ours';
  const parts = anchorsOf(summaries).map(([id, anchor]) => {
    const ratio = value(ours) / value(anchor);
    const label = serverKinds[id].label;
    if (!Number.isFinite(ratio)) return `not comparable with ${label}`;
    if (Math.abs(ratio - 1) <= levelBand) return `level with ${label} (${formatRatio(value(ours), value(anchor))})`;
    const ahead = better === 'higher' ? ratio > 1 : ratio < 1;
    return `${ahead ? 'ahead of' : 'behind'} ${label} (${formatRatio(value(ours), value(anchor))})`;
  });
  return parts.join('; ');
}

export interface ReadingInput {
  fanout: Summaries<FanoutSummary>;
  ramp: Summaries<RampSummary>;
  storm: Summaries<StormSummary>;
  bigdoc: Summaries<BigDocumentSummary>;
}

/** Goal checks against DESIGN.md §4, computed from the figures (so they never go stale). */
export function goalLines({ ramp, storm }: ReadingInput): string[] {
  const lines: string[] = [];
  // The goal holds for each of our stores: SQLite (the default) and PostgreSQL (scale-out).
  const variants = (['ours', 'ours-postgres'] as const).filter((id) => ramp[id]);
  for (const id of variants) {
    const ours = ramp[id]!;
    const anchors = anchorsOf(ramp);
    const beaten = anchors.filter(([, anchor]) => ours.sustainedAtGoal > anchor.sustainedAtGoal);
    const met = anchors.length > 0 && beaten.length === anchors.length;
    lines.push(
      `- **${serverKinds[id].label}: more sustained deliveries/s than every anchor at p99 < ${goalLatencyBudgetMs} ms, ` +
        `persistence on**: ${met ? 'met' : 'not met'} — ours ${formatCount(ours.sustainedAtGoal)}/s; ` +
        anchors
          .map(([aid, anchor]) => `${serverKinds[aid].label} ${formatCount(anchor.sustainedAtGoal)}/s`)
          .join(', ') +
        '.',
    );
  }
  if (variants.length === 0) lines.push('- Throughput goal: not measured in this run (ramp not selected).');
  const oursStorm = storm.ours;
  if (oursStorm) {
    // Checked against the larger of the two figures, so the warm-up cannot make the goal look met.
    const worst = Math.max(oursStorm.bytesPerIdleConnection, oursStorm.bytesPerIdleConnectionFromStart);
    lines.push(
      `- **Under 30 KB per idle connection**: ${worst < idleConnectionGoalBytes ? 'met' : 'not met'} — ours ` +
        `${formatKiB(oursStorm.bytesPerIdleConnection)} KB after the warm-up, ` +
        `${formatKiB(oursStorm.bytesPerIdleConnectionFromStart)} KB counted from a fresh start.`,
    );
  } else {
    lines.push('- Memory goal: not measured in this run (storm not selected).');
  }
  return lines;
}

/** Short comparative sentences, one per scenario measured. */
export function readingLines({ fanout, ramp, storm, bigdoc }: ReadingInput): string[] {
  const lines: string[] = [];
  if (fanout.ours) {
    lines.push(
      `- Fan-out at a fixed load: p99 latency ${compare(fanout, (s) => s.p99, 'lower')}. ` +
        `Server CPU for the same work: ${compare(fanout, (s) => s.serverCpuPercent, 'lower')}. ` +
        `Ours lost ${formatCount(fanout.ours.lost)} of ${formatCount(fanout.ours.expected)} deliveries.`,
    );
  }
  if (ramp.ours) {
    const bound = Object.values(ramp).some((summary) => summary.loadGeneratorBoundRounds > 0);
    lines.push(
      `- Ramp, highest sustained deliveries/s at p99 < ${rampLatencyBudgetMs} ms with nothing lost: ` +
        `${compare(ramp, (s) => s.sustained, 'higher')}. Deliveries per server CPU-second at that point: ` +
        `${compare(ramp, (s) => s.deliveriesPerCpuSecond, 'higher')}.` +
        (bound
          ? ' Some ramps ended with the load generator’s core saturated, so those ceilings are partly the load ' +
            'generator’s; the per-CPU-second figure is the fairer comparison of server efficiency.'
          : ''),
    );
  }
  if (storm.ours) {
    lines.push(
      `- Connection storm: time until all ${formatCount(storm.ours.clients)} synced ` +
        `${compare(storm, (s) => s.allSyncedMs, 'lower')}; memory per idle connection ` +
        `${compare(storm, (s) => s.bytesPerIdleConnection, 'lower')} (counted from a fresh start: ` +
        `${compare(storm, (s) => s.bytesPerIdleConnectionFromStart, 'lower')}).`,
    );
  }
  if (bigdoc.ours) {
    lines.push(
      `- Big document (${formatMs(bigdoc.ours.allCompleteMs)} ms for ours): time until all joiners had it ` +
        `${compare(bigdoc, (s) => s.allCompleteMs, 'lower')}; peak RSS ${compare(bigdoc, (s) => s.peakRssBytes, 'lower')}.`,
    );
  }
  return lines;
}
