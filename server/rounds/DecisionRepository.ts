import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';

/** A decision as stored: the agreed candidates of one round, the statement and the review date. */
export interface DecisionRecord {
  id: string;
  roundId: string;
  partnershipId: string;
  priorityCandidateIds: string[];
  statement: string;
  reviewDate: string;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: string;
}

interface DecisionRow {
  id: string;
  round_id: string;
  partnership_id: string;
  priorities: string;
  statement: string;
  review_date: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string;
}

const PrioritiesColumn = z.array(z.string());

const toRecord = (row: DecisionRow): DecisionRecord => ({
  id: row.id,
  roundId: row.round_id,
  partnershipId: row.partnership_id,
  priorityCandidateIds: PrioritiesColumn.parse(JSON.parse(row.priorities)),
  statement: row.statement,
  reviewDate: row.review_date,
  decidedById: row.decided_by,
  decidedByName: row.decided_by_name,
  decidedAt: row.decided_at,
});

const selectDecisions = `SELECT d.*, u.display_name AS decided_by_name FROM decisions d LEFT JOIN users u ON u.id = d.decided_by`;

/** The decision log: one decision per closed round. */
export class DecisionRepository {
  readonly #upsert: Statement<[string, string, string, string, string, string, string | null, string]>;
  readonly #forRound: Statement<[string], DecisionRow>;
  readonly #forPartnership: Statement<[string], DecisionRow>;

  constructor(db: Database) {
    // Recording again replaces the statement and priorities but keeps the decision's id.
    this.#upsert = db.prepare(`
      INSERT INTO decisions (id, round_id, partnership_id, priorities, statement, review_date, decided_by, decided_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (round_id) DO UPDATE SET priorities = excluded.priorities, statement = excluded.statement,
        review_date = excluded.review_date, decided_by = excluded.decided_by, decided_at = excluded.decided_at`);
    this.#forRound = db.prepare(`${selectDecisions} WHERE d.round_id = ?`);
    this.#forPartnership = db.prepare(`${selectDecisions} WHERE d.partnership_id = ? ORDER BY d.decided_at DESC`);
  }

  record(decision: {
    roundId: string;
    partnershipId: string;
    priorityCandidateIds: readonly string[];
    statement: string;
    reviewDate: string;
    decidedById: string;
  }): DecisionRecord {
    this.#upsert.run(
      randomUUID(),
      decision.roundId,
      decision.partnershipId,
      JSON.stringify(decision.priorityCandidateIds),
      decision.statement,
      decision.reviewDate,
      decision.decidedById,
      new Date().toISOString(),
    );
    return this.forRound(decision.roundId)!;
  }

  forRound(roundId: string): DecisionRecord | null {
    const row = this.#forRound.get(roundId);
    return row ? toRecord(row) : null;
  }

  /** A partnership's decisions, newest first. */
  forPartnership(partnershipId: string): DecisionRecord[] {
    return this.#forPartnership.all(partnershipId).map(toRecord);
  }
}
