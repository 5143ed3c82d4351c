import { randomBytes, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { BallotSchema, type Ballot } from '../../../shared/schemas/ballots.ts';
import { chunks } from '../batches.ts';
import type { SqlContext } from '../Store.ts';

/** Someone recorded as having voted (or, for one ballot per organisation, the organisation). */
export interface VoterRecord {
  voterKey: string;
  userId: string | null;
  displayName: string | null;
  organisation: string;
  /** When they (last) voted; '' in anonymous rounds, which record no time. */
  votedAt: string;
}

/** A voting member, for counting who is eligible and who has not voted yet. */
export interface EligibleMember {
  userId: string;
  displayName: string;
  organisation: string;
}

/**
 * Ballots, who voted, and the per-round secrets of anonymous rounds.
 *
 * A ballot row names no voter and carries no time: a random primary key, the round, a ballot key, the organisation
 * (named rounds only) and the content. Named rounds key a ballot by its voter key (`user:<id>` or `org:<name>`).
 *
 * Anonymous rounds (the design that makes a ballot unlinkable to a person once the round has closed):
 * - While the round is open its ballot key is `h:` + HMAC-SHA256(round secret, voter key) (`ballotKeyFor`), so the
 *   server can find and replace a voter's ballot; the secret lives in `round_secrets` and nowhere else.
 * - `round_voters` records who voted (turnout) with `voted_at` '': no time that could be lined up against the moments
 *   the results or the audit log moved.
 * - At close, inside the closing transaction, `seal` reads every ballot of the round, deletes them all, and inserts
 *   them again in a cryptographically shuffled order (Fisher–Yates with `crypto.randomInt`), each with a fresh random
 *   id and a random `sealed:<hex>` key, then deletes the round's secret. Rewriting is needed because physical order
 *   is a trail: PostgreSQL's heap keeps rows in insertion order (and SQLite rowids would), and matched against the
 *   order of the audit log's `ballot.cast` entries that order would link people to ballots. Rewritten rows carry
 *   neither the cast order, nor the old ids, nor any key derived from a voter.
 * - On SQLite (defence in depth, for someone holding the database file) `seal` runs with `secure_delete` on, so the
 *   freed rows are overwritten, and after the closing transaction commits the service calls `checkpoint`, which
 *   copies the write-ahead log into the database and truncates it so no earlier page images remain. On PostgreSQL
 *   the guarantee is about what SQL can read: dead row versions stay in the table's files and its WAL until vacuum
 *   and checkpoints reuse them, so whoever administers the database server (as whoever holds its backups) is trusted.
 * From then on nobody, with or without the secret's old row, can compute which ballot was whose.
 */
export interface BallotRepository {
  /** The secret anonymous ballots of a round are keyed with; null once the round has closed (or if it is named). */
  secret(roundId: string): Promise<Buffer | null>;
  /** Gives the round a fresh random secret (replacing any it had). */
  createSecret(roundId: string): Promise<void>;
  /** The stored ballot under a key, or null. */
  ballot(roundId: string, ballotKey: string): Promise<Ballot | null>;
  /**
   * Stores a ballot, replacing the one under the same key. A replaced ballot keeps its row (and random id):
   * replacing leaves no trace of when either version was cast.
   */
  putBallot(
    roundId: string,
    ballotKey: string,
    organisation: string | null,
    ballot: Ballot,
    receiptHash: string | null,
  ): Promise<void>;
  /** Every ballot of a round, with its organisation in named rounds (in the order of their random ids). */
  ballots(roundId: string): Promise<{ ballot: Ballot; organisation: string | null }[]>;
  /**
   * Every ballot of a round beside the hash of its receipt, in the order of the hashes (random: it says nothing of
   * who cast what, or when), for the list a closed round publishes.
   */
  receipted(roundId: string): Promise<{ receiptHash: string | null; ballot: Ballot; organisation: string | null }[]>;
  /**
   * Records that a voter (or organisation) has voted. In a named round a replacement moves the time on; an anonymous
   * round records no time at all ('').
   */
  recordVoter(
    roundId: string,
    voterKey: string,
    userId: string,
    organisation: string,
    anonymous: boolean,
  ): Promise<void>;
  hasVoted(roundId: string, voterKey: string): Promise<boolean>;
  voterCount(roundId: string): Promise<number>;
  /** Who voted (in voter-key order: callers sort as they show them). */
  voters(roundId: string): Promise<VoterRecord[]>;
  /** The organisation of each voting member (one entry per member): counting turnout needs no names. */
  eligibleOrganisations(partnershipId: string): Promise<string[]>;
  /** The partnership's voting members, by name (case-insensitively, then by id). */
  eligibleMembers(partnershipId: string): Promise<EligibleMember[]>;
  /**
   * Stores the round's electorate: the partnership's voting members now, each with their organisation now. Run in
   * the transaction that opens the round; from then on membership changes apply from the next round only.
   */
  freezeElectorate(roundId: string, partnershipId: string): Promise<void>;
  /** The organisation the user votes for in the round, or null when they are not in its electorate. */
  elector(roundId: string, userId: string): Promise<{ organisation: string } | null>;
  /** The organisation of each elector of the round (one entry per person). */
  electorOrganisations(roundId: string): Promise<string[]>;
  /** The round's electorate by name (as `eligibleMembers`); a deleted account shows as 'Former member'. */
  electors(roundId: string): Promise<EligibleMember[]>;
  /**
   * Makes an anonymous round's ballots unlinkable for good (see above): rewrites them shuffled under fresh ids and
   * random keys, and deletes the round's secret. Run inside the closing transaction.
   */
  seal(roundId: string): Promise<void>;
  /**
   * After a seal has committed: on SQLite checkpoints the write-ahead log and truncates it, so no page image from
   * before the seal remains in it; on PostgreSQL nothing. Never call it inside a transaction.
   */
  checkpoint(): Promise<void>;
}

const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Fisher–Yates with a cryptographic source: every order equally likely, none predictable. */
function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

export function createBallotRepository({ db, kind }: SqlContext): BallotRepository {
  const parse = (content: string): Ballot => BallotSchema.parse(JSON.parse(content));
  return {
    async secret(roundId) {
      const row = await db
        .selectFrom('round_secrets')
        .select('secret')
        .where('round_id', '=', roundId)
        .executeTakeFirst();
      return row ? Buffer.from(row.secret) : null;
    },
    async createSecret(roundId) {
      await db
        .insertInto('round_secrets')
        .values({ round_id: roundId, secret: randomBytes(32) })
        .onConflict((conflict) =>
          conflict.column('round_id').doUpdateSet((eb) => ({ secret: eb.ref('excluded.secret') })),
        )
        .execute();
    },
    async ballot(roundId, ballotKey) {
      const row = await db
        .selectFrom('ballots')
        .select('content')
        .where('round_id', '=', roundId)
        .where('ballot_key', '=', ballotKey)
        .executeTakeFirst();
      return row ? parse(row.content) : null;
    },
    async putBallot(roundId, ballotKey, organisation, ballot, receiptHash) {
      await db
        .insertInto('ballots')
        .values({
          id: randomHex(16),
          round_id: roundId,
          ballot_key: ballotKey,
          organisation,
          content: JSON.stringify(ballot),
          receipt_hash: receiptHash,
        })
        .onConflict((conflict) =>
          conflict.columns(['round_id', 'ballot_key']).doUpdateSet((eb) => ({
            content: eb.ref('excluded.content'),
            organisation: eb.ref('excluded.organisation'),
            // A replaced ballot's old receipt no longer matches anything counted: only the new one does.
            receipt_hash: eb.ref('excluded.receipt_hash'),
          })),
        )
        .execute();
    },
    async receipted(roundId) {
      const rows = await db
        .selectFrom('ballots')
        .select(['receipt_hash', 'content', 'organisation'])
        .where('round_id', '=', roundId)
        .orderBy('receipt_hash')
        .orderBy('content')
        .execute();
      return rows.map((row) => ({
        receiptHash: row.receipt_hash,
        ballot: parse(row.content),
        organisation: row.organisation,
      }));
    },
    async ballots(roundId) {
      const rows = await db
        .selectFrom('ballots')
        .select(['content', 'organisation'])
        .where('round_id', '=', roundId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ ballot: parse(row.content), organisation: row.organisation }));
    },
    async recordVoter(roundId, voterKey, userId, organisation, anonymous) {
      await db
        .insertInto('round_voters')
        .values({
          round_id: roundId,
          voter_key: voterKey,
          user_id: userId,
          organisation,
          voted_at: anonymous ? '' : new Date().toISOString(),
        })
        .onConflict((conflict) =>
          conflict.columns(['round_id', 'voter_key']).doUpdateSet((eb) => ({
            user_id: eb.ref('excluded.user_id'),
            voted_at: eb.ref('excluded.voted_at'),
          })),
        )
        .execute();
    },
    async hasVoted(roundId, voterKey) {
      const row = await db
        .selectFrom('round_voters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('round_id', '=', roundId)
        .where('voter_key', '=', voterKey)
        .executeTakeFirstOrThrow();
      return Number(row.n) > 0;
    },
    async voterCount(roundId) {
      const row = await db
        .selectFrom('round_voters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('round_id', '=', roundId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    voters(roundId) {
      return db
        .selectFrom('round_voters as v')
        .leftJoin('users as u', 'u.id', 'v.user_id')
        .select([
          'v.voter_key as voterKey',
          'v.user_id as userId',
          'u.display_name as displayName',
          'v.organisation as organisation',
          'v.voted_at as votedAt',
        ])
        .where('v.round_id', '=', roundId)
        .orderBy('v.voter_key')
        .execute();
    },
    async eligibleOrganisations(partnershipId) {
      const rows = await db
        .selectFrom('memberships')
        .select('organisation')
        .where('partnership_id', '=', partnershipId)
        .where('is_voting', '=', 1)
        .orderBy('user_id')
        .execute();
      return rows.map((row) => row.organisation);
    },
    eligibleMembers(partnershipId) {
      return db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.user_id as userId', 'u.display_name as displayName', 'm.organisation as organisation'])
        .where('m.partnership_id', '=', partnershipId)
        .where('m.is_voting', '=', 1)
        .orderBy(sql`lower(u.display_name)`)
        .orderBy('u.id')
        .execute();
    },
    async freezeElectorate(roundId, partnershipId) {
      const members = await db
        .selectFrom('memberships')
        .select(['user_id', 'organisation'])
        .where('partnership_id', '=', partnershipId)
        .where('is_voting', '=', 1)
        .orderBy('user_id')
        .execute();
      const rows = members.map((member) => ({ round_id: roundId, ...member }));
      for (const chunk of chunks(rows)) {
        await db
          .insertInto('round_electorate')
          .values(chunk)
          .onConflict((conflict) => conflict.columns(['round_id', 'user_id']).doNothing())
          .execute();
      }
    },
    async elector(roundId, userId) {
      const row = await db
        .selectFrom('round_electorate')
        .select('organisation')
        .where('round_id', '=', roundId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ?? null;
    },
    async electorOrganisations(roundId) {
      const rows = await db
        .selectFrom('round_electorate')
        .select('organisation')
        .where('round_id', '=', roundId)
        .orderBy('user_id')
        .execute();
      return rows.map((row) => row.organisation);
    },
    async electors(roundId) {
      const rows = await db
        .selectFrom('round_electorate as e')
        .leftJoin('users as u', 'u.id', 'e.user_id')
        .select(['e.user_id as userId', 'u.display_name as displayName', 'e.organisation as organisation'])
        .where('e.round_id', '=', roundId)
        .orderBy(sql`lower(coalesce(u.display_name, ''))`)
        .orderBy('e.user_id')
        .execute();
      return rows.map((row) => ({ ...row, displayName: row.displayName ?? 'Former member' }));
    },
    async seal(roundId) {
      // SQLite: freed content is overwritten with zeros rather than left in free pages (restored afterwards).
      const previous =
        kind === 'sqlite'
          ? Number((await sql<{ secure_delete: number }>`pragma secure_delete`.execute(db)).rows[0]?.secure_delete ?? 0)
          : null;
      if (kind === 'sqlite') await sql`pragma secure_delete = on`.execute(db);
      try {
        const rows = await db
          .selectFrom('ballots')
          .select(['organisation', 'content', 'receipt_hash'])
          .where('round_id', '=', roundId)
          .orderBy('id')
          .execute();
        await db.deleteFrom('ballots').where('round_id', '=', roundId).execute();
        const sealed = shuffled(rows).map((row) => ({
          id: randomHex(16),
          round_id: roundId,
          ballot_key: `sealed:${randomHex(16)}`,
          organisation: row.organisation,
          content: row.content,
          // A receipt's hash is random and was never stored beside anything naming its holder, so it may stay.
          receipt_hash: row.receipt_hash,
        }));
        for (const chunk of chunks(sealed)) await db.insertInto('ballots').values(chunk).execute();
        await db.deleteFrom('round_secrets').where('round_id', '=', roundId).execute();
      } finally {
        // 0 off, 1 on, 2 fast: only those are written back, literally (a pragma takes no bound parameter).
        if (previous === 0 || previous === 2)
          await sql`pragma secure_delete = ${sql.raw(String(previous))}`.execute(db);
      }
    },
    async checkpoint() {
      if (kind === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    },
  };
}
