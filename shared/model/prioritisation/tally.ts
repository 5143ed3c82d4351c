import type { Ballot } from '../../schemas/ballots.ts';
import type { CandidateResult, DistributionBucket, Quorum, RoundResults } from '../../schemas/roundResults.ts';
import type { Candidate, MethodSettings, RoundState, Turnout } from '../../schemas/rounds.ts';
import { aggregateLabels } from './methods.ts';
import { competitionRanks, mean, ordinal, roundFigure, standardDeviation } from './statistics.ts';

/** A stored ballot as the tally sees it: its content, and its organisation in named rounds (null when anonymous). */
export interface CountedBallot {
  ballot: Ballot;
  organisation: string | null;
}

/** Everything a count needs; nothing else (no names, no times). */
export interface TallyInput {
  roundId: string;
  state: RoundState;
  settings: MethodSettings;
  candidates: readonly Candidate[];
  ballots: readonly CountedBallot[];
  turnout: Turnout;
  /** Share of eligible voters required (0–1). */
  quorum: number;
}

/** What one ballot says about one candidate. */
interface Mark {
  value: number;
  need?: number;
  influence?: number;
  criteria?: Record<string, number>;
}

/** The quorum figures: how many voters the share means, and whether turnout reached it. */
export function quorumFor(required: number, turnout: Turnout): Quorum {
  const needed = Math.ceil(required * turnout.eligible - 1e-9);
  return { required, needed, met: required === 0 || (turnout.voted > 0 && turnout.voted >= needed) };
}

/** Counts a round from its ballots: ranked candidates with aggregate, spread and distribution. Pure. */
export function tallyRound(input: TallyInput): RoundResults {
  const { settings, candidates } = input;
  const ballots = input.ballots.filter((counted) => counted.ballot.method === settings.method);
  const marksFor = (candidate: Candidate, subset: readonly CountedBallot[]): Mark[] =>
    subset.map((counted) => markOf(settings, candidates, counted.ballot, candidate.id));

  const organisations = [...new Set(ballots.map((b) => b.organisation).filter((o): o is string => o !== null))].sort();
  const rows = candidates.map((candidate) => {
    const marks = marksFor(candidate, ballots);
    const byOrganisation = organisations.map((organisation) => {
      const own = ballots.filter((b) => b.organisation === organisation);
      return {
        organisation,
        aggregate: roundFigure(aggregate(settings, marksFor(candidate, own))),
        ballots: own.length,
      };
    });
    return { candidate, marks, byOrganisation, aggregate: roundFigure(aggregate(settings, marks)) };
  });

  const ranks = competitionRanks(rows.map((row) => row.aggregate));
  const results: CandidateResult[] = rows.map((row, index) => {
    const values = row.marks.map((mark) => mark.value);
    const result: CandidateResult = {
      candidateId: row.candidate.id,
      kind: row.candidate.kind,
      refId: row.candidate.refId,
      label: row.candidate.label,
      rank: ranks[index]!,
      aggregate: row.aggregate,
      mean: roundFigure(mean(values)),
      spread: roundFigure(standardDeviation(values)),
      distribution: distributionOf(settings, candidates.length, row.marks),
      byOrganisation: row.byOrganisation,
    };
    if (settings.method === 'scores') {
      result.criteria = settings.criteria.map((criterion) => {
        const scores = row.marks.map((mark) => mark.criteria?.[criterion.id] ?? 0);
        return {
          criterionId: criterion.id,
          label: criterion.label,
          mean: roundFigure(mean(scores)),
          spread: roundFigure(standardDeviation(scores)),
        };
      });
    }
    if (settings.method === 'matrix') {
      const need = row.marks.map((mark) => mark.need ?? 0);
      const influence = row.marks.map((mark) => mark.influence ?? 0);
      result.need = { mean: roundFigure(mean(need)), spread: roundFigure(standardDeviation(need)) };
      result.influence = { mean: roundFigure(mean(influence)), spread: roundFigure(standardDeviation(influence)) };
      // One figure for "how much do people disagree": the typical spread across the two axes.
      result.spread = roundFigure(Math.sqrt((standardDeviation(need) ** 2 + standardDeviation(influence) ** 2) / 2));
    }
    return result;
  });
  // Best first; ties keep the order the facilitator gave the candidates.
  const order = new Map(candidates.map((candidate, index) => [candidate.id, index]));
  results.sort((a, b) => a.rank - b.rank || order.get(a.candidateId)! - order.get(b.candidateId)!);

  return {
    roundId: input.roundId,
    method: settings.method,
    state: input.state,
    aggregateLabel: aggregateLabels[settings.method],
    ballots: ballots.length,
    turnout: input.turnout,
    quorum: quorumFor(input.quorum, input.turnout),
    candidates: results,
  };
}

function markOf(settings: MethodSettings, candidates: readonly Candidate[], ballot: Ballot, candidateId: string): Mark {
  switch (ballot.method) {
    case 'dots':
      return { value: ballot.dots[candidateId] ?? 0 };
    case 'scores': {
      const criteria = settings.method === 'scores' ? settings.criteria : [];
      const scores = ballot.scores[candidateId] ?? {};
      const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
      const weighted = criteria.reduce((sum, c) => sum + c.weight * (scores[c.id] ?? 0), 0);
      return { value: totalWeight > 0 ? weighted / totalWeight : 0, criteria: scores };
    }
    case 'ranking': {
      // Borda: with n candidates, first place earns n − 1 points and last place none.
      const position = ballot.order.indexOf(candidateId);
      return { value: position < 0 ? 0 : candidates.length - 1 - position };
    }
    case 'matrix': {
      const placement = ballot.placements[candidateId];
      if (!placement) return { value: 0, need: 0, influence: 0 };
      return { value: placement.need * placement.influence, need: placement.need, influence: placement.influence };
    }
  }
}

function aggregate(settings: MethodSettings, marks: readonly Mark[]): number {
  const values = marks.map((mark) => mark.value);
  switch (settings.method) {
    case 'dots':
    case 'ranking':
      return values.reduce((sum, value) => sum + value, 0);
    case 'scores':
      return mean(values);
    case 'matrix':
      // Plotted at the mean: the product of the mean need and the mean influence.
      return mean(marks.map((mark) => mark.need ?? 0)) * mean(marks.map((mark) => mark.influence ?? 0));
  }
}

function distributionOf(
  settings: MethodSettings,
  candidateCount: number,
  marks: readonly Mark[],
): DistributionBucket[] {
  const count = (predicate: (mark: Mark) => boolean) => marks.filter(predicate).length;
  switch (settings.method) {
    case 'dots': {
      const most = Math.max(0, ...marks.map((mark) => mark.value));
      return Array.from({ length: most + 1 }, (_, dots) => ({
        label: `${dots} ${dots === 1 ? 'dot' : 'dots'}`,
        count: count((mark) => mark.value === dots),
      }));
    }
    case 'scores':
      return [1, 2, 3, 4, 5].map((score) => ({
        label: `Score ${score}`,
        count: count((mark) => Math.min(5, Math.max(1, Math.round(mark.value))) === score),
      }));
    case 'ranking':
      return Array.from({ length: candidateCount }, (_, index) => ({
        label: `Ranked ${ordinal(index + 1)}`,
        count: count((mark) => candidateCount - 1 - mark.value === index),
      }));
    case 'matrix': {
      // 3 is the middle of the scale; it counts as high so the four quarters cover every placement.
      const high = (value: number | undefined) => (value ?? 0) >= 3;
      return [
        { label: 'High need, high influence', count: count((m) => high(m.need) && high(m.influence)) },
        { label: 'High need, low influence', count: count((m) => high(m.need) && !high(m.influence)) },
        { label: 'Low need, high influence', count: count((m) => !high(m.need) && high(m.influence)) },
        { label: 'Low need, low influence', count: count((m) => !high(m.need) && !high(m.influence)) },
      ];
    }
  }
}
