import { domainKeys } from '../../shared/schemas/framework.ts';
import type { RoundFact, Trends, VersionFacts, VersionReason } from '../../shared/schemas/cycles.ts';

/** One version as the trends read it: its summary and its facts, already parsed. */
export interface VersionWithFacts {
  id: string;
  label: string;
  createdAt: string;
  reason: VersionReason;
  facts: VersionFacts;
}

const byTime = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);

/**
 * Trends over the board's cycles from the facts of its versions: per domain, the share of metrics with data
 * available, version by version; per candidate, its rank in every closed round any version recorded. A round is
 * taken from the newest version that holds it (versions only ever hold rounds as everyone could see them).
 */
export function trendsOf(versions: readonly VersionWithFacts[]): Trends {
  const inOrder = [...versions].sort(byTime);
  return {
    versions: inOrder.map(({ id, label, createdAt, reason }) => ({ id, label, createdAt, reason })),
    availability: availabilityTrends(inOrder),
    priorities: priorityTrends(inOrder),
  };
}

function availabilityTrends(inOrder: readonly VersionWithFacts[]): Trends['availability'] {
  // Only domains some version had a count for; a version without one for the domain had no metrics there.
  const seen = new Set(inOrder.flatMap((version) => version.facts.availability.map((fact) => fact.domain)));
  return domainKeys
    .filter((domain) => seen.has(domain))
    .map((domain) => ({
      domain,
      points: inOrder.map((version) => {
        const fact = version.facts.availability.find((entry) => entry.domain === domain);
        const metrics = fact?.metrics ?? 0;
        const available = fact?.available ?? 0;
        return { versionId: version.id, share: metrics > 0 ? available / metrics : null, available, metrics };
      }),
    }));
}

function priorityTrends(inOrder: readonly VersionWithFacts[]): Trends['priorities'] {
  const rounds = new Map<string, RoundFact>();
  for (const version of [...inOrder].reverse()) {
    for (const round of version.facts.rounds) if (!rounds.has(round.id)) rounds.set(round.id, round);
  }
  const oldestFirst = [...rounds.values()].sort((a, b) =>
    a.closedAt === b.closedAt ? a.id.localeCompare(b.id) : a.closedAt.localeCompare(b.closedAt),
  );
  const candidates = new Map<string, Trends['priorities'][number]>();
  for (const round of oldestFirst) {
    for (const candidate of round.candidates) {
      const key = `${candidate.kind}:${candidate.refId}`;
      const entry = candidates.get(key) ?? { kind: candidate.kind, refId: candidate.refId, label: '', points: [] };
      // The newest round's wording wins: rounds are read oldest first.
      entry.label = candidate.label;
      entry.points.push({
        roundId: round.id,
        roundTitle: round.title,
        closedAt: round.closedAt,
        rank: candidate.rank,
        of: round.candidates.length,
      });
      candidates.set(key, entry);
    }
  }
  // What the board ranked most recently comes first, best rank first; then what it ranked before.
  const latest = (entry: Trends['priorities'][number]) => entry.points[entry.points.length - 1]!;
  return [...candidates.values()].sort((a, b) => {
    const [la, lb] = [latest(a), latest(b)];
    if (la.closedAt !== lb.closedAt) return lb.closedAt.localeCompare(la.closedAt);
    return la.rank - lb.rank || a.label.localeCompare(b.label);
  });
}
