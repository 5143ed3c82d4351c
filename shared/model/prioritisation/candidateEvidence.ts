import type { CandidateEvidence, CandidateMetric } from '../../schemas/candidateEvidence.ts';
import type { Concern } from '../../schemas/concerns.ts';
import type { EvidenceFact } from '../../schemas/cycles.ts';
import type { DataStatus } from '../../schemas/dataMapping.ts';
import type { Metric } from '../../schemas/framework.ts';
import type { Candidate } from '../../schemas/rounds.ts';
import { concernsForOutcome } from '../concerns/concerns.ts';
import type { Framework } from '../framework/readFramework.ts';
import { isCountedLink } from '../theoryOfChange/coverage.ts';
import type { TheoryOfChange } from '../theoryOfChange/readTheoryOfChange.ts';

/** Everything the evidence beside a ballot is read from: the workspace doc's parts and the judged observations. */
export interface CandidateEvidenceSources {
  framework: Framework;
  concerns: readonly Concern[];
  theoryOfChange: TheoryOfChange;
  availability: ReadonlyMap<string, DataStatus | null>;
  /** The latest judged observation per metric id (absent: no data). */
  latest: ReadonlyMap<string, EvidenceFact>;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/**
 * One sentence for a candidate's collapsed evidence: how its metrics compare with England, how many are getting
 * worse, and how many have no data — the three things a board asks first.
 */
export function evidenceHeadline(metrics: readonly CandidateMetric[]): string {
  if (metrics.length === 0) return 'No metrics measure this yet.';
  const withData = metrics.filter(
    (metric) => metric.latest && !metric.latest.suppressed && metric.latest.value !== null,
  );
  const parts: string[] = [];
  const england = (judgement: string) =>
    withData.filter((metric) =>
      metric.latest!.comparisons.some((c) => c.comparator === 'england' && c.judgement === judgement),
    ).length;
  const worse = england('worse');
  const better = england('better');
  if (worse > 0) parts.push(`${worse} of ${plural(metrics.length, 'metric')} worse than England`);
  if (better > 0) parts.push(`${better} better than England`);
  const worseThanRegion = withData.filter((metric) =>
    metric.latest!.comparisons.some((c) => c.comparator === 'region' && c.judgement === 'worse'),
  ).length;
  if (worseThanRegion > 0) parts.push(`${worseThanRegion} worse than the region`);
  const worsening = withData.filter(
    (metric) => metric.latest!.trend.judgement === 'getting-worse' && metric.latest!.trend.tested,
  ).length;
  if (worsening > 0) parts.push(`${worsening} getting worse`);
  const noData = metrics.length - withData.length;
  if (noData > 0) parts.push(noData === metrics.length ? 'no data yet' : `${noData} without data`);
  if (parts.length === 0) {
    return `${plural(withData.length, 'metric')} with data, none worse than England or the region, or getting worse.`;
  }
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/**
 * The evidence beside each candidate of a round, in the round's order: the metrics that measure it (an outcome's
 * through its indicators), their availability and latest judgement, the live concerns linked to it and how many
 * offer actions aim at it. Pure: the server reads the sources, and the same function could run anywhere.
 */
export function candidateEvidence(
  candidates: readonly Candidate[],
  sources: CandidateEvidenceSources,
): CandidateEvidence[] {
  const { framework, theoryOfChange } = sources;
  const indicatorsById = new Map(framework.indicators.map((indicator) => [indicator.id, indicator]));
  const metricsOfIndicator = (indicatorId: string): Metric[] =>
    framework.metrics.filter((metric) => metric.indicatorId === indicatorId);
  const liveConcerns = sources.concerns.filter((concern) => concern.deletedAt === null);
  const links = theoryOfChange.links.filter(isCountedLink);

  return candidates.map((candidate) => {
    let metrics: Metric[] = [];
    let concerns: Concern[] = [];
    let actionIds = new Set<string>();
    let found: boolean;
    if (candidate.kind === 'outcome') {
      found = framework.outcomes.some((outcome) => outcome.id === candidate.refId);
      const indicators = framework.indicators.filter((indicator) => indicator.outcomeIds.includes(candidate.refId));
      metrics = indicators.flatMap((indicator) => metricsOfIndicator(indicator.id));
      concerns = concernsForOutcome(
        liveConcerns,
        candidate.refId,
        metrics.map((metric) => metric.id),
      );
      actionIds = new Set(
        links.filter((link) => link.target.outcomeIds.includes(candidate.refId)).map((link) => link.actionId),
      );
    } else if (candidate.kind === 'indicator') {
      found = indicatorsById.has(candidate.refId);
      metrics = metricsOfIndicator(candidate.refId);
      const metricIds = new Set(metrics.map((metric) => metric.id));
      concerns = liveConcerns.filter((concern) => concern.metricIds.some((id) => metricIds.has(id)));
      actionIds = new Set(
        links
          .filter((link) => link.target.kind === 'indicator' && link.target.id === candidate.refId)
          .map((link) => link.actionId),
      );
    } else {
      const concern = liveConcerns.find((each) => each.id === candidate.refId);
      found = concern !== undefined;
      if (concern) {
        concerns = [concern];
        const ids = new Set(concern.metricIds);
        for (const outcomeId of concern.outcomeIds) {
          for (const indicator of framework.indicators) {
            if (!indicator.outcomeIds.includes(outcomeId)) continue;
            for (const metric of metricsOfIndicator(indicator.id)) ids.add(metric.id);
          }
        }
        metrics = framework.metrics.filter((metric) => ids.has(metric.id));
        actionIds = new Set(
          links
            .filter((link) => link.target.outcomeIds.some((id) => concern.outcomeIds.includes(id)))
            .map((link) => link.actionId),
        );
      }
    }
    // An outcome measured by two indicators sharing a metric lists it once.
    const unique = [...new Map(metrics.map((metric) => [metric.id, metric])).values()];
    const rows: CandidateMetric[] = unique.map((metric) => ({
      metricId: metric.id,
      name: metric.name,
      unit: metric.unit,
      indicatorName: indicatorsById.get(metric.indicatorId)?.name ?? '',
      availability: sources.availability.get(metric.id) ?? null,
      latest: sources.latest.get(metric.id) ?? null,
    }));
    const count = (status: DataStatus | null) => rows.filter((row) => row.availability === status).length;
    return {
      candidateId: candidate.id,
      headline: found ? evidenceHeadline(rows) : 'No longer in the framework.',
      metrics: rows,
      availability: {
        available: count('available'),
        partial: count('partial'),
        notAccessible: count('not-accessible'),
        missing: count('missing'),
        notMapped: count(null),
      },
      concerns: concerns.map((concern) => ({ id: concern.id, name: concern.name, kind: concern.kind })),
      actions: actionIds.size,
      found,
    };
  });
}
