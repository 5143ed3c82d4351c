import type { Change, RoundFact, VersionFacts } from '../../schemas/cycles.ts';
import type { Decision } from '../../schemas/decisions.ts';
import { change, namedPerson, type ComparisonContext } from './context.ts';

/** How many of a round's ranked candidates count as its top priorities. */
export const topPriorityCount = 5;

type Candidate = { kind: 'outcome' | 'indicator' | 'concern'; refId: string; label: string };

// Candidates are matched by what they refer to (kind and workspace id), not by their id within a round: a new round
// gives its candidates new ids, but the outcome it ranks is the same outcome.
function candidateKey(candidate: Pick<Candidate, 'kind' | 'refId'>): string {
  return `${candidate.kind}:${candidate.refId}`;
}

/** The latest closed round a version knows (rounds in the facts are closed ones), or null. */
function latestRound(facts: VersionFacts): RoundFact | null {
  return facts.rounds.reduce<RoundFact | null>(
    (latest, round) => (latest === null || round.closedAt > latest.closedAt ? round : latest),
    null,
  );
}

/** The most recent decision a version knows, or null. */
function latestDecision(facts: VersionFacts): Decision | null {
  return facts.decisions.reduce<Decision | null>(
    (latest, decision) => (latest === null || decision.decidedAt > latest.decidedAt ? decision : latest),
    null,
  );
}

/**
 * Priorities gained or lost. Two rules, each compared between the two versions:
 * - the **top priorities** are the candidates ranked in the top five of the latest closed round each version knows;
 *   a candidate that entered or left them is a change (nothing is reported while the latest round is the same one);
 * - the **agreed priorities** are those of the most recent decision each version knows, because a board's newest
 *   decision is what it currently stands by; one gained or lost is a change, attributed to whoever decided it.
 */
export function priorityChanges(context: ComparisonContext): Change[] {
  return [...roundChanges(context), ...decisionChanges(context)];
}

function top(round: RoundFact | null): Map<string, RoundFact['candidates'][number]> {
  const candidates = (round?.candidates ?? []).filter((candidate) => candidate.rank <= topPriorityCount);
  return new Map(candidates.map((candidate) => [candidateKey(candidate), candidate]));
}

function roundChanges(context: ComparisonContext): Change[] {
  const olderRound = latestRound(context.older.facts);
  const newerRound = latestRound(context.newer.facts);
  if (newerRound === null || olderRound?.id === newerRound.id) return [];
  const before = top(olderRound);
  const after = top(newerRound);
  const changes: Change[] = [];
  const outside = `Not in the top ${topPriorityCount}`;
  for (const [candidateId, candidate] of after) {
    if (before.has(candidateId)) continue;
    changes.push(
      change(
        'priorities',
        'changed',
        { type: candidate.kind, id: candidate.refId, label: candidate.label },
        {
          field: 'top-priority',
          before: outside,
          after: `Ranked ${candidate.rank}`,
          words: `Now a top priority: ranked ${candidate.rank} in “${newerRound.title}”`,
          by: null,
        },
      ),
    );
  }
  for (const [candidateId, candidate] of before) {
    if (after.has(candidateId)) continue;
    const now = newerRound.candidates.find((entry) => candidateKey(entry) === candidateId);
    changes.push(
      change(
        'priorities',
        'changed',
        { type: candidate.kind, id: candidate.refId, label: candidate.label },
        {
          field: 'top-priority',
          before: `Ranked ${candidate.rank}`,
          after: now ? `Ranked ${now.rank}` : 'Not a candidate',
          words: now
            ? `No longer a top priority: ranked ${now.rank} in “${newerRound.title}”`
            : `No longer a top priority: not a candidate in “${newerRound.title}”`,
          by: null,
        },
      ),
    );
  }
  return changes;
}

function decisionChanges(context: ComparisonContext): Change[] {
  const olderDecision = latestDecision(context.older.facts);
  const newerDecision = latestDecision(context.newer.facts);
  if (newerDecision === null || olderDecision?.id === newerDecision.id) return [];
  const before = new Map((olderDecision?.priorities ?? []).map((priority) => [candidateKey(priority), priority]));
  const after = new Map(newerDecision.priorities.map((priority) => [candidateKey(priority), priority]));
  const by = namedPerson(newerDecision.decidedBy);
  const moves = [
    { from: before, to: after, agreed: true, words: 'Agreed as a priority' },
    { from: after, to: before, agreed: false, words: 'No longer an agreed priority' },
  ];
  const changes: Change[] = [];
  for (const { from, to, agreed, words } of moves) {
    for (const [priorityId, priority] of to) {
      if (from.has(priorityId)) continue;
      changes.push(
        change(
          'priorities',
          'changed',
          { type: priority.kind, id: priority.refId, label: priority.label },
          {
            field: 'agreed-priority',
            before: !agreed,
            after: agreed,
            words: `${words} (${newerDecision.roundTitle})`,
            by,
          },
        ),
      );
    }
  }
  return changes;
}
