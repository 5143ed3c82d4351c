import { defaultCandidateOrder } from '../../shared/model/prioritisation/candidateOrder.ts';
import { defaultCriteria } from '../../shared/model/prioritisation/criteria.ts';
import type {
  CandidateInput,
  CandidateOrder,
  CreateRoundRequest,
  Criterion,
  Eligibility,
  ResultsVisibility,
  Round,
  RoundMethod,
} from '../../shared/schemas/rounds.ts';

/** The round builder's form, as typed (numbers and dates are text until sent). */
export interface RoundDraft {
  title: string;
  question: string;
  candidates: CandidateInput[];
  method: RoundMethod;
  dotsPerVoter: string;
  maxPerCandidate: string;
  criteria: Criterion[];
  /** The facilitator's choice of ballot order; null: the method's default (shuffled for ranking and dots). */
  candidateOrder: CandidateOrder | null;
  visibility: ResultsVisibility;
  anonymous: boolean;
  eligibility: Eligibility;
  quorumPercent: string;
  /** `datetime-local` value in the person's own time zone; '' for no closing time. */
  closesAt: string;
}

/** A new round's starting point: 5 dots each, results after close, named, half the voters for quorum. */
export function emptyRoundDraft(): RoundDraft {
  return {
    title: '',
    question: '',
    candidates: [],
    method: 'dots',
    dotsPerVoter: '5',
    maxPerCandidate: '',
    criteria: defaultCriteria.map((criterion) => ({ ...criterion })),
    candidateOrder: null,
    visibility: 'after-close',
    anonymous: false,
    eligibility: 'voting-members',
    quorumPercent: '50',
    closesAt: '',
  };
}

function localDateTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A stored draft round, back in the form. */
export function draftFromRound(round: Round): RoundDraft {
  const empty = emptyRoundDraft();
  const { settings } = round;
  return {
    ...empty,
    title: round.title,
    question: round.question,
    candidates: round.candidates.map(({ kind, refId, label }) => ({ kind, refId, label })),
    method: settings.method,
    dotsPerVoter: settings.method === 'dots' ? String(settings.dotsPerVoter) : empty.dotsPerVoter,
    maxPerCandidate:
      settings.method === 'dots' && settings.maxPerCandidate !== null ? String(settings.maxPerCandidate) : '',
    criteria: settings.method === 'scores' ? settings.criteria : empty.criteria,
    candidateOrder: settings.candidateOrder ?? null,
    visibility: round.visibility,
    anonymous: round.anonymous,
    eligibility: round.eligibility,
    quorumPercent: String(Math.round(round.quorum * 100)),
    closesAt: round.closesAt ? localDateTime(round.closesAt) : '',
  };
}

const asNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The order the round's ballots will use: the facilitator's choice, or the method's default. */
export function draftCandidateOrder(draft: Pick<RoundDraft, 'method' | 'candidateOrder'>): CandidateOrder {
  return draft.candidateOrder ?? defaultCandidateOrder(draft.method);
}

/** The request the form makes, for the same schema the server validates with (which reports what is wrong). */
export function requestFromDraft(draft: RoundDraft): CreateRoundRequest {
  const candidateOrder = draftCandidateOrder(draft);
  const settings: CreateRoundRequest['settings'] =
    draft.method === 'dots'
      ? {
          method: 'dots',
          candidateOrder,
          dotsPerVoter: asNumber(draft.dotsPerVoter),
          maxPerCandidate: draft.maxPerCandidate.trim() === '' ? null : asNumber(draft.maxPerCandidate),
        }
      : draft.method === 'scores'
        ? // A criterion weighted 0 would not count, so voters are not asked to score it.
          { method: 'scores', candidateOrder, criteria: draft.criteria.filter((criterion) => criterion.weight > 0) }
        : { method: draft.method, candidateOrder };
  const closesAt = draft.closesAt === '' ? null : new Date(draft.closesAt);
  return {
    title: draft.title,
    question: draft.question,
    candidates: draft.candidates,
    settings,
    visibility: draft.visibility,
    anonymous: draft.anonymous,
    eligibility: draft.eligibility,
    quorum: asNumber(draft.quorumPercent) / 100,
    closesAt:
      closesAt && !Number.isNaN(closesAt.getTime())
        ? closesAt.toISOString()
        : draft.closesAt === ''
          ? null
          : draft.closesAt,
  };
}
