import type { Kysely } from 'kysely';
import type { ColumnTypes } from './columnTypes.ts';
import type { Tables } from './schema.ts';

/**
 * Migration step 7: each round's electorate — who may vote in it and, for one ballot per organisation, which
 * organisation each voter votes for — stored when the round opens, so membership changes made while a round is open
 * (taking someone's vote away, moving them to another organisation) apply from the next round and cannot bend this
 * one's count or turnout.
 *
 * `user_id` has no foreign key on purpose: the electorate is a record of who could vote when the round opened; an
 * account deleted later must not shrink the count its ballot was part of.
 *
 * Rounds that had already opened when this step runs (open, or closed and perhaps reopened later) are frozen here,
 * from the membership at migration time plus everyone already recorded as having voted (with the organisation their
 * ballot was cast for), so no ballot already counted falls outside its round's electorate. Freezing here rather than
 * at first read keeps the rule in one place: after this step every round that is not a draft has its electorate.
 */
export async function createRoundElectorate({ db, t }: { db: Kysely<Tables>; t: ColumnTypes }): Promise<void> {
  await db.schema
    .createTable('round_electorate')
    .ifNotExists()
    .addColumn('round_id', t.text, (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('user_id', t.text, (c) => c.notNull())
    .addColumn('organisation', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('round_electorate_pk', ['round_id', 'user_id'])
    .execute();
  const rounds = await db.selectFrom('rounds').select(['id', 'partnership_id']).where('state', '!=', 'draft').execute();
  for (const round of rounds) {
    const members = await db
      .selectFrom('memberships')
      .select(['user_id', 'organisation'])
      .where('partnership_id', '=', round.partnership_id)
      .where('is_voting', '=', 1)
      .execute();
    const voters = await db
      .selectFrom('round_voters')
      .select(['user_id', 'organisation'])
      .where('round_id', '=', round.id)
      .where('user_id', 'is not', null)
      .execute();
    const electorate = new Map<string, string>();
    // A voter's recorded organisation wins: it is the one their ballot counts for.
    for (const row of [...members, ...voters]) if (row.user_id) electorate.set(row.user_id, row.organisation);
    for (const [userId, organisation] of electorate) {
      await db
        .insertInto('round_electorate')
        .values({ round_id: round.id, user_id: userId, organisation })
        .onConflict((conflict) => conflict.columns(['round_id', 'user_id']).doNothing())
        .execute();
    }
  }
}
