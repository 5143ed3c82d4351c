import type { Database, Statement } from 'better-sqlite3';
import {
  MethodSettingsSchema,
  type Candidate,
  type CandidateKind,
  type Eligibility,
  type MethodSettings,
  type ResultsVisibility,
  type RoundState,
} from '../../shared/schemas/rounds.ts';

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

interface RoundRow {
  id: string;
  partnership_id: string;
  title: string;
  question: string;
  method: string;
  settings: string;
  visibility: ResultsVisibility;
  anonymous: number;
  eligibility: Eligibility;
  quorum: number;
  closes_at: string | null;
  state: RoundState;
  version: number;
  eligible_at_close: number | null;
  follow_up_of: string | null;
  created_by: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
}

interface CandidateRow {
  id: string;
  kind: CandidateKind;
  ref_id: string;
  label: string;
}

type DefinitionColumns = [string, string, string, string, string, number, string, number, string | null];

/** Rounds and their candidates. */
export class RoundRepository {
  readonly #db: Database;
  readonly #insert: Statement<[string, string, ...DefinitionColumns, string | null, string | null, string]>;
  readonly #update: Statement<[...DefinitionColumns, string]>;
  readonly #byId: Statement<[string], RoundRow>;
  readonly #partnershipOf: Statement<[string], { partnership_id: string }>;
  readonly #forPartnership: Statement<[string], RoundRow>;
  readonly #open: Statement<[], RoundRow>;
  readonly #candidates: Statement<[string], CandidateRow>;
  readonly #deleteCandidates: Statement<[string]>;
  readonly #insertCandidate: Statement<[string, string, number, string, string, string]>;
  readonly #setState: Statement<[RoundState, string | null, string | null, number | null, string | null, string]>;
  readonly #bumpVersion: Statement<[string], { version: number }>;
  readonly #delete: Statement<[string]>;

  constructor(db: Database) {
    this.#db = db;
    this.#insert = db.prepare(`
      INSERT INTO rounds (id, partnership_id, title, question, method, settings, visibility, anonymous, eligibility,
        quorum, closes_at, follow_up_of, created_by, created_at, state)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft')`);
    this.#update = db.prepare(`
      UPDATE rounds SET title = ?, question = ?, method = ?, settings = ?, visibility = ?, anonymous = ?,
        eligibility = ?, quorum = ?, closes_at = ? WHERE id = ?`);
    this.#byId = db.prepare('SELECT * FROM rounds WHERE id = ?');
    this.#partnershipOf = db.prepare('SELECT partnership_id FROM rounds WHERE id = ?');
    this.#forPartnership = db.prepare('SELECT * FROM rounds WHERE partnership_id = ? ORDER BY created_at DESC, id');
    this.#open = db.prepare("SELECT * FROM rounds WHERE state = 'open'");
    this.#candidates = db.prepare(
      'SELECT id, kind, ref_id, label FROM round_candidates WHERE round_id = ? ORDER BY position',
    );
    this.#deleteCandidates = db.prepare('DELETE FROM round_candidates WHERE round_id = ?');
    this.#insertCandidate = db.prepare(
      'INSERT INTO round_candidates (round_id, id, position, kind, ref_id, label) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#setState = db.prepare(`
      UPDATE rounds SET state = ?, opened_at = COALESCE(?, opened_at), closed_at = ?, eligible_at_close = ?,
        closes_at = ? WHERE id = ?`);
    this.#bumpVersion = db.prepare('UPDATE rounds SET version = version + 1 WHERE id = ? RETURNING version');
    this.#delete = db.prepare('DELETE FROM rounds WHERE id = ?');
  }

  insert(
    round: { id: string; partnershipId: string; followUpOf: string | null; createdBy: string | null } & RoundDefinition,
    candidates: readonly Candidate[],
  ): void {
    this.#insert.run(
      round.id,
      round.partnershipId,
      ...definitionColumns(round),
      round.followUpOf,
      round.createdBy,
      new Date().toISOString(),
    );
    this.replaceCandidates(round.id, candidates);
  }

  update(id: string, definition: RoundDefinition): void {
    this.#update.run(...definitionColumns(definition), id);
  }

  replaceCandidates(roundId: string, candidates: readonly Candidate[]): void {
    this.#deleteCandidates.run(roundId);
    candidates.forEach((candidate, position) =>
      this.#insertCandidate.run(roundId, candidate.id, position, candidate.kind, candidate.refId, candidate.label),
    );
  }

  findById(id: string): RoundRecord | null {
    const row = this.#byId.get(id);
    return row ? this.#toRecord(row) : null;
  }

  /** The partnership a round belongs to, for access checks before anything else is read. */
  partnershipOf(id: string): string | null {
    return this.#partnershipOf.get(id)?.partnership_id ?? null;
  }

  listForPartnership(partnershipId: string): RoundRecord[] {
    return this.#forPartnership.all(partnershipId).map((row) => this.#toRecord(row));
  }

  listOpen(): RoundRecord[] {
    return this.#open.all().map((row) => this.#toRecord(row));
  }

  setState(
    id: string,
    change: {
      state: RoundState;
      openedAt?: string;
      closedAt: string | null;
      eligibleAtClose: number | null;
      closesAt: string | null;
    },
  ): void {
    this.#setState.run(
      change.state,
      change.openedAt ?? null,
      change.closedAt,
      change.eligibleAtClose,
      change.closesAt,
      id,
    );
  }

  /** Moves the round's version on (one accepted ballot); returns the new version. */
  bumpVersion(id: string): number {
    return this.#bumpVersion.get(id)!.version;
  }

  delete(id: string): void {
    this.#delete.run(id);
  }

  /** Runs `work` in one transaction (checks and writes that must not interleave). */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }

  #toRecord(row: RoundRow): RoundRecord {
    return {
      id: row.id,
      partnershipId: row.partnership_id,
      title: row.title,
      question: row.question,
      settings: MethodSettingsSchema.parse(JSON.parse(row.settings)),
      visibility: row.visibility,
      anonymous: row.anonymous === 1,
      eligibility: row.eligibility,
      quorum: row.quorum,
      closesAt: row.closes_at,
      state: row.state,
      version: row.version,
      eligibleAtClose: row.eligible_at_close,
      followUpOf: row.follow_up_of,
      createdBy: row.created_by,
      createdAt: row.created_at,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      candidates: this.#candidates.all(row.id).map((candidate) => ({
        id: candidate.id,
        kind: candidate.kind,
        refId: candidate.ref_id,
        label: candidate.label,
      })),
    };
  }
}

function definitionColumns(definition: RoundDefinition): DefinitionColumns {
  return [
    definition.title,
    definition.question,
    definition.settings.method,
    JSON.stringify(definition.settings),
    definition.visibility,
    definition.anonymous ? 1 : 0,
    definition.eligibility,
    definition.quorum,
    definition.closesAt,
  ];
}
