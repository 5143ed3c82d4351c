import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DecisionsTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

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

/** What recording a decision takes. */
export interface NewDecision {
  roundId: string;
  partnershipId: string;
  priorityCandidateIds: readonly string[];
  statement: string;
  reviewDate: string;
  decidedById: string;
}

/** The decision log: one decision per closed round. */
export interface DecisionRepository {
  /** Records the round's decision; recording again replaces statement and priorities but keeps the decision's id. */
  record(decision: NewDecision): Promise<DecisionRecord>;
  forRound(roundId: string): Promise<DecisionRecord | null>;
  /** A partnership's decisions, newest first. */
  forPartnership(partnershipId: string): Promise<DecisionRecord[]>;
}

type DecisionRow = Selectable<DecisionsTable> & { decided_by_name: string | null };

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

export function createDecisionRepository({ db }: SqlContext): DecisionRepository {
  const select = () =>
    db
      .selectFrom('decisions as d')
      .leftJoin('users as u', 'u.id', 'd.decided_by')
      .selectAll('d')
      .select('u.display_name as decided_by_name');
  const forRound = async (roundId: string): Promise<DecisionRecord | null> => {
    const row = await select().where('d.round_id', '=', roundId).executeTakeFirst();
    return row ? toRecord(row) : null;
  };
  return {
    async record(decision) {
      await db
        .insertInto('decisions')
        .values({
          id: randomUUID(),
          round_id: decision.roundId,
          partnership_id: decision.partnershipId,
          priorities: JSON.stringify(decision.priorityCandidateIds),
          statement: decision.statement,
          review_date: decision.reviewDate,
          decided_by: decision.decidedById,
          decided_at: new Date().toISOString(),
        })
        .onConflict((conflict) =>
          conflict.column('round_id').doUpdateSet((eb) => ({
            priorities: eb.ref('excluded.priorities'),
            statement: eb.ref('excluded.statement'),
            review_date: eb.ref('excluded.review_date'),
            decided_by: eb.ref('excluded.decided_by'),
            decided_at: eb.ref('excluded.decided_at'),
          })),
        )
        .execute();
      return (await forRound(decision.roundId))!;
    },
    forRound,
    async forPartnership(partnershipId) {
      const rows = await select()
        .where('d.partnership_id', '=', partnershipId)
        .orderBy('d.decided_at', 'desc')
        .orderBy('d.id')
        .execute();
      return rows.map(toRecord);
    },
  };
}
