import { sql, type Selectable } from 'kysely';
import {
  MethodSettingsSchema,
  type Candidate,
  type CandidateKind,
  type Eligibility,
  type MethodSettings,
  type ResultsVisibility,
  type RoundState,
} from '../../../shared/schemas/rounds.ts';
import type { RoundCandidatesTable, RoundsTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

/** A round as stored, with its candidates in the facilitator's order. */
export interface RoundRecord {
  id: string;
  partnershipId: string;
  title: string;
  question: string;
  settings: MethodSettings;
  visibility: ResultsVisibility;
  anonymous: boolean;
  eligibility: Eligibility;
  quorum: number;
  closesAt: string | null;
  state: RoundState;
  version: number;
  /** Eligible voters counted when the round closed, so its turnout stays what it was. */
  eligibleAtClose: number | null;
  followUpOf: string | null;
  createdBy: string | null;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  candidates: Candidate[];
}

/** The editable part of a round. */
export type RoundDefinition = Pick<
  RoundRecord,
  'title' | 'question' | 'settings' | 'visibility' | 'anonymous' | 'eligibility' | 'quorum' | 'closesAt'
>;

/** A new round: its definition, where it belongs and who made it. It starts as a draft. */
export type NewRoundRecord = {
  id: string;
  partnershipId: string;
  followUpOf: string | null;
  createdBy: string | null;
} & RoundDefinition;

/** A move through the round's life (open, close, reopen). */
export interface RoundStateChange {
  state: RoundState;
  /** Set when given; otherwise the round keeps the time it first opened. */
  openedAt?: string;
  closedAt: string | null;
  eligibleAtClose: number | null;
  closesAt: string | null;
}

/**
 * Rounds and their candidates. Writes that belong together (a round and its candidates, a state change and its
 * checks) are made through the unit of work (`Repositories.transaction`); `lockForUpdate` is how a transaction
 * claims a round before checking and changing it.
 */
export interface RoundRepository {
  /** Stores a new draft and its candidates (call inside a unit of work: two tables are written). */
  insert(round: NewRoundRecord, candidates: readonly Candidate[]): Promise<void>;
  update(id: string, definition: RoundDefinition): Promise<void>;
  /** Replaces the round's candidates, in the order given. */
  replaceCandidates(roundId: string, candidates: readonly Candidate[]): Promise<void>;
  findById(id: string): Promise<RoundRecord | null>;
  /**
   * The round, claimed for the rest of the current transaction: on PostgreSQL `SELECT … FOR UPDATE`, so concurrent
   * transactions that lock the same round (ballots, closing, opening) run one after another and each sees what the
   * one before it committed. On SQLite a plain read: its transactions already run one at a time on the one
   * connection. Meaningful only inside a unit of work.
   */
  lockForUpdate(id: string): Promise<RoundRecord | null>;
  /** The partnership a round belongs to, for access checks before anything else is read. */
  partnershipOf(id: string): Promise<string | null>;
  /** The partnership's rounds, newest first. */
  listForPartnership(partnershipId: string): Promise<RoundRecord[]>;
  /** Every open round (oldest first), for re-arming closing timers at start-up. */
  listOpen(): Promise<RoundRecord[]>;
  setState(id: string, change: RoundStateChange): Promise<void>;
  /** Moves the round's version on (one accepted ballot); returns the new version. */
  bumpVersion(id: string): Promise<number>;
  delete(id: string): Promise<void>;
}

type RoundRow = Selectable<RoundsTable>;
type CandidateRow = Pick<Selectable<RoundCandidatesTable>, 'round_id' | 'id' | 'kind' | 'ref_id' | 'label'>;

function toCandidate(row: CandidateRow): Candidate {
  return { id: row.id, kind: row.kind as CandidateKind, refId: row.ref_id, label: row.label };
}

function toRecord(row: RoundRow, candidates: Candidate[]): RoundRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    title: row.title,
    question: row.question,
    settings: MethodSettingsSchema.parse(JSON.parse(row.settings)),
    visibility: row.visibility as ResultsVisibility,
    anonymous: row.anonymous === 1,
    eligibility: row.eligibility as Eligibility,
    quorum: Number(row.quorum),
    closesAt: row.closes_at,
    state: row.state as RoundState,
    version: Number(row.version),
    eligibleAtClose: row.eligible_at_close === null ? null : Number(row.eligible_at_close),
    followUpOf: row.follow_up_of,
    createdBy: row.created_by,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    candidates,
  };
}

function definitionColumns(definition: RoundDefinition) {
  return {
    title: definition.title,
    question: definition.question,
    method: definition.settings.method,
    settings: JSON.stringify(definition.settings),
    visibility: definition.visibility,
    anonymous: definition.anonymous ? 1 : 0,
    eligibility: definition.eligibility,
    quorum: definition.quorum,
    closes_at: definition.closesAt,
  };
}

export function createRoundRepository({ db, kind }: SqlContext): RoundRepository {
  /** The rows as records, with every round's candidates read in one query. */
  const withCandidates = async (rows: RoundRow[]): Promise<RoundRecord[]> => {
    if (rows.length === 0) return [];
    const candidates = await db
      .selectFrom('round_candidates')
      .select(['round_id', 'id', 'kind', 'ref_id', 'label'])
      .where(
        'round_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('round_id')
      .orderBy('position')
      .execute();
    const byRound = new Map<string, Candidate[]>();
    for (const candidate of candidates) {
      const list = byRound.get(candidate.round_id) ?? [];
      list.push(toCandidate(candidate));
      byRound.set(candidate.round_id, list);
    }
    return rows.map((row) => toRecord(row, byRound.get(row.id) ?? []));
  };
  const one = async (row: RoundRow | undefined): Promise<RoundRecord | null> =>
    row ? ((await withCandidates([row]))[0] ?? null) : null;

  const replaceCandidates = async (roundId: string, candidates: readonly Candidate[]): Promise<void> => {
    await db.deleteFrom('round_candidates').where('round_id', '=', roundId).execute();
    if (candidates.length === 0) return;
    await db
      .insertInto('round_candidates')
      .values(
        candidates.map((candidate, position) => ({
          round_id: roundId,
          id: candidate.id,
          position,
          kind: candidate.kind,
          ref_id: candidate.refId,
          label: candidate.label,
        })),
      )
      .execute();
  };

  return {
    async insert(round, candidates) {
      await db
        .insertInto('rounds')
        .values({
          id: round.id,
          partnership_id: round.partnershipId,
          ...definitionColumns(round),
          follow_up_of: round.followUpOf,
          created_by: round.createdBy,
          created_at: new Date().toISOString(),
          state: 'draft',
        })
        .execute();
      await replaceCandidates(round.id, candidates);
    },
    async update(id, definition) {
      await db.updateTable('rounds').set(definitionColumns(definition)).where('id', '=', id).execute();
    },
    replaceCandidates,
    async findById(id) {
      return one(await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst());
    },
    async lockForUpdate(id) {
      const query = db.selectFrom('rounds').selectAll().where('id', '=', id);
      return one(await (kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst());
    },
    async partnershipOf(id) {
      const row = await db.selectFrom('rounds').select('partnership_id').where('id', '=', id).executeTakeFirst();
      return row?.partnership_id ?? null;
    },
    async listForPartnership(partnershipId) {
      return withCandidates(
        await db
          .selectFrom('rounds')
          .selectAll()
          .where('partnership_id', '=', partnershipId)
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .execute(),
      );
    },
    async listOpen() {
      return withCandidates(
        await db
          .selectFrom('rounds')
          .selectAll()
          .where('state', '=', 'open')
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
      );
    },
    async setState(id, change) {
      await db
        .updateTable('rounds')
        .set({
          state: change.state,
          ...(change.openedAt === undefined ? {} : { opened_at: change.openedAt }),
          closed_at: change.closedAt,
          eligible_at_close: change.eligibleAtClose,
          closes_at: change.closesAt,
        })
        .where('id', '=', id)
        .execute();
    },
    async bumpVersion(id) {
      const row = await db
        .updateTable('rounds')
        .set({ version: sql<number>`version + 1` })
        .where('id', '=', id)
        .returning('version')
        .executeTakeFirstOrThrow();
      return Number(row.version);
    },
    async delete(id) {
      await db.deleteFrom('rounds').where('id', '=', id).execute();
    },
  };
}
