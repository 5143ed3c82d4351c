import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { BallotSchema, type Ballot } from '../../shared/schemas/ballots.ts';

/** Someone recorded as having voted (or, for one ballot per organisation, the organisation). */
export interface VoterRecord {
  voterKey: string;
  userId: string | null;
  displayName: string | null;
  organisation: string;
  votedAt: string;
}

/** A voting member, for counting who is eligible and who has not voted yet. */
export interface EligibleMember {
  userId: string;
  displayName: string;
  organisation: string;
}

/**
 * Ballots, who voted, and the per-round secrets of anonymous rounds. Ballots carry no voter and no time; in
 * anonymous rounds their key is an HMAC of the voter under a secret that is deleted when the round closes.
 */
export class BallotRepository {
  readonly #db: Database;
  readonly #secret: Statement<[string], { secret: Buffer }>;
  readonly #insertSecret: Statement<[string, Buffer]>;
  readonly #deleteSecret: Statement<[string]>;
  readonly #ballot: Statement<[string, string], { content: string }>;
  readonly #upsertBallot: Statement<[string, string, string, string | null, string]>;
  readonly #ballots: Statement<[string], { content: string; organisation: string | null }>;
  readonly #ballotIds: Statement<[string], { id: string }>;
  readonly #rekey: Statement<[string, string, string]>;
  readonly #upsertVoter: Statement<[string, string, string, string, string]>;
  readonly #hasVoted: Statement<[string, string], { n: number }>;
  readonly #voterCount: Statement<[string], { n: number }>;
  readonly #voters: Statement<[string], VoterRecord>;
  readonly #eligible: Statement<[string], EligibleMember>;
  readonly #eligibleOrganisations: Statement<[string], { organisation: string }>;

  constructor(db: Database) {
    this.#db = db;
    this.#secret = db.prepare('SELECT secret FROM round_secrets WHERE round_id = ?');
    this.#insertSecret = db.prepare('INSERT OR REPLACE INTO round_secrets (round_id, secret) VALUES (?, ?)');
    this.#deleteSecret = db.prepare('DELETE FROM round_secrets WHERE round_id = ?');
    this.#ballot = db.prepare('SELECT content FROM ballots WHERE round_id = ? AND ballot_key = ?');
    // A replaced ballot keeps its row (and random id): replacing leaves no trace of when either version was cast.
    this.#upsertBallot = db.prepare(`
      INSERT INTO ballots (id, round_id, ballot_key, organisation, content) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (round_id, ballot_key) DO UPDATE SET content = excluded.content, organisation = excluded.organisation`);
    this.#ballots = db.prepare('SELECT content, organisation FROM ballots WHERE round_id = ?');
    this.#ballotIds = db.prepare('SELECT id FROM ballots WHERE round_id = ?');
    this.#rekey = db.prepare('UPDATE ballots SET ballot_key = ? WHERE round_id = ? AND id = ?');
    this.#upsertVoter = db.prepare(`
      INSERT INTO round_voters (round_id, voter_key, user_id, organisation, voted_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (round_id, voter_key) DO UPDATE SET user_id = excluded.user_id, voted_at = excluded.voted_at`);
    this.#hasVoted = db.prepare('SELECT COUNT(*) AS n FROM round_voters WHERE round_id = ? AND voter_key = ?');
    this.#voterCount = db.prepare('SELECT COUNT(*) AS n FROM round_voters WHERE round_id = ?');
    this.#voters = db.prepare(`
      SELECT v.voter_key AS voterKey, v.user_id AS userId, u.display_name AS displayName, v.organisation,
        v.voted_at AS votedAt
      FROM round_voters v LEFT JOIN users u ON u.id = v.user_id WHERE v.round_id = ?`);
    this.#eligible = db.prepare(`
      SELECT m.user_id AS userId, u.display_name AS displayName, m.organisation
      FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.partnership_id = ? AND m.is_voting = 1 ORDER BY u.display_name COLLATE NOCASE`);
    this.#eligibleOrganisations = db.prepare(
      'SELECT organisation FROM memberships WHERE partnership_id = ? AND is_voting = 1',
    );
  }

  /** The secret anonymous ballots of a round are keyed with; null once the round has closed (or if it is named). */
  secret(roundId: string): Buffer | null {
    return this.#secret.get(roundId)?.secret ?? null;
  }

  createSecret(roundId: string): void {
    this.#insertSecret.run(roundId, randomBytes(32));
  }

  /** The stored ballot under a key, or null. */
  ballot(roundId: string, ballotKey: string): Ballot | null {
    const row = this.#ballot.get(roundId, ballotKey);
    return row ? BallotSchema.parse(JSON.parse(row.content)) : null;
  }

  /** Stores a ballot, replacing the one under the same key. */
  putBallot(roundId: string, ballotKey: string, organisation: string | null, ballot: Ballot): void {
    this.#upsertBallot.run(randomBytes(16).toString('hex'), roundId, ballotKey, organisation, JSON.stringify(ballot));
  }

  /** Every ballot of a round, with its organisation in named rounds. */
  ballots(roundId: string): { ballot: Ballot; organisation: string | null }[] {
    return this.#ballots.all(roundId).map((row) => ({
      ballot: BallotSchema.parse(JSON.parse(row.content)),
      organisation: row.organisation,
    }));
  }

  /** Records that a voter (or organisation) has voted; a replacement moves the time on. */
  recordVoter(roundId: string, voterKey: string, userId: string, organisation: string): void {
    this.#upsertVoter.run(roundId, voterKey, userId, organisation, new Date().toISOString());
  }

  hasVoted(roundId: string, voterKey: string): boolean {
    return this.#hasVoted.get(roundId, voterKey)!.n > 0;
  }

  voterCount(roundId: string): number {
    return this.#voterCount.get(roundId)!.n;
  }

  voters(roundId: string): VoterRecord[] {
    return this.#voters.all(roundId);
  }

  /** The organisation of each voting member (one entry per member): counting turnout needs no names. */
  eligibleOrganisations(partnershipId: string): string[] {
    return this.#eligibleOrganisations.all(partnershipId).map((row) => row.organisation);
  }

  /** The partnership's voting members, by name. */
  eligibleMembers(partnershipId: string): EligibleMember[] {
    return this.#eligible.all(partnershipId);
  }

  /**
   * Makes an anonymous round's ballots unlinkable for good: every ballot gets a fresh random key and the round's
   * secret is deleted. Run inside the closing transaction, itself inside `withSecureDelete`.
   */
  seal(roundId: string): void {
    for (const { id } of this.#ballotIds.all(roundId))
      this.#rekey.run(`sealed:${randomBytes(16).toString('hex')}`, roundId, id);
    this.#deleteSecret.run(roundId);
  }

  /**
   * Deleted rows can linger in free pages and in the write-ahead log; `work` runs with secure_delete on (freed
   * content is overwritten with zeros), then the log is checkpointed and truncated so no earlier page images remain.
   */
  withSecureDelete<T>(work: () => T): T {
    const previous = this.#db.pragma('secure_delete', { simple: true }) as number;
    this.#db.pragma('secure_delete = ON');
    try {
      return work();
    } finally {
      this.#db.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
}
