import type { RampResult } from '../scenarios/ramp.ts';
import { serverKinds, type ServerId } from '../servers/serverKinds.ts';
import { formatCount, formatMs, formatPercent, formatRatio, markdownTable } from './format.ts';

/** One column of a scenario table. `better` says which way is good; metrics without it get no ratio. */
export interface Metric<S> {
  header: string;
  value: (summary: S) => number;
  format: (value: number) => string;
  better?: 'higher' | 'lower';
}

/** Absolute figures: one row per server, one column per metric. */
export function absoluteTable<S>(summaries: Partial<Record<ServerId, S>>, metrics: readonly Metric<S>[]): string {
  const rows = (Object.entries(summaries) as [ServerId, S][]).map(([id, summary]) => [
    serverKinds[id].label,
    ...metrics.map((metric) => metric.format(metric.value(summary))),
  ]);
  return markdownTable(['Server', ...metrics.map((metric) => metric.header)], rows);
}

/** Ratios ours / anchor for every metric that has a direction; empty when ours or every anchor is missing. */
export function ratioTable<S>(summaries: Partial<Record<ServerId, S>>, metrics: readonly Metric<S>[]): string {
  const variants = (['ours', 'ours-postgres'] as const).filter((id) => summaries[id]);
  const anchors = (Object.keys(summaries) as ServerId[]).filter((id) => !id.startsWith('ours'));
  if (variants.length === 0 || anchors.length === 0) return '';
  const rows = variants.flatMap((variant) =>
    metrics
      .filter((metric) => metric.better)
      .map((metric) => [
        `${variant === 'ours' ? '' : 'on PostgreSQL: '}${metric.header} (${metric.better} is better)`,
        ...anchors.map((id) => formatRatio(metric.value(summaries[variant]!), metric.value(summaries[id]!))),
      ]),
  );
  return markdownTable(['ours / anchor', ...anchors.map((id) => serverKinds[id].label)], rows);
}

/** Every ramp step of every round: p99 and losses per server, so the pass/fail line can be checked by eye. */
export function rampStepTable(byServer: Partial<Record<ServerId, RampResult[]>>): string {
  const servers = Object.keys(byServer) as ServerId[];
  const rates = [
    ...new Set(servers.flatMap((id) => byServer[id]!.flatMap((ramp) => ramp.steps.map((step) => step.ratePerClient)))),
  ].sort((a, b) => a - b);
  const rows = rates.map((rate) => [
    String(rate),
    ...servers.map((id) =>
      byServer[id]!.map((ramp) => {
        const step = ramp.steps.find((candidate) => candidate.ratePerClient === rate);
        if (!step) return '·';
        const lost = step.lost > 0 || step.droppedClients > 0 ? `, ${formatCount(step.lost)} lost` : '';
        const cpu = `gen ${formatPercent(step.loadGeneratorCpuPercent)}, other ${formatPercent(step.foreignCpuPercent)}`;
        return `${formatCount(step.deliveriesPerSecond)}/s p99 ${formatMs(step.latency.p99)}${lost} (${cpu})`;
      }).join(' ; '),
    ),
  ]);
  return markdownTable(['edits/s per client', ...servers.map((id) => serverKinds[id].label)], rows);
}
