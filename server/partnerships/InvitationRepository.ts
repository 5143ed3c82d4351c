import type { Database, Statement } from 'better-sqlite3';
import type { Role } from '../../shared/model/roles.ts';
import type { Invitation } from '../../shared/schemas/partnerships.ts';
import { hashSecret, newId, newSecret } from '../accounts/secrets.ts';

interface InvitationRow {
  id: string;
  partnership_id: string;
  role: Role;
  organisation: string;
  is_voting: number;
  note: string;
  created_by: string;
  creator_name: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

/** An invitation with what accepting it needs. */
export interface StoredInvitation extends Invitation {
  partnershipId: string;
  createdById: string;
}

/** Invitations stay valid for a week. */
export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

function toInvitation(row: InvitationRow, now: number): StoredInvitation {
  const status = row.accepted_at
    ? 'accepted'
    : row.revoked_at
      ? 'revoked'
      : Date.parse(row.expires_at) <= now
        ? 'expired'
        : 'pending';
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    role: row.role,
    organisation: row.organisation,
    isVotingMember: row.is_voting === 1,
    note: row.note,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    createdBy: row.creator_name,
    createdById: row.created_by,
    status,
  };
}

const selectInvitation = `SELECT i.*, u.display_name AS creator_name FROM invitations i JOIN users u ON u.id = i.created_by`;

/** Single-use invitation links; the table keeps only each link's hash. */
export class InvitationRepository {
  readonly #insert: Statement<[string, string, string, string, string, number, string, string, string, string]>;
  readonly #byHash: Statement<[string], InvitationRow>;
  readonly #byId: Statement<[string, string], InvitationRow>;
  readonly #list: Statement<[string], InvitationRow>;
  readonly #accept: Statement<[string, string, string]>;
  readonly #revoke: Statement<[string, string, string]>;

  constructor(db: Database) {
    this.#insert = db.prepare(`INSERT INTO invitations
      (id, token_hash, partnership_id, role, organisation, is_voting, note, created_by, created_at, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#byHash = db.prepare(`${selectInvitation} WHERE i.token_hash = ?`);
    this.#byId = db.prepare(`${selectInvitation} WHERE i.id = ? AND i.partnership_id = ?`);
    this.#list = db.prepare(`${selectInvitation} WHERE i.partnership_id = ? ORDER BY i.created_at DESC`);
    this.#accept = db.prepare(
      'UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
    );
    this.#revoke = db.prepare(
      'UPDATE invitations SET revoked_at = ? WHERE id = ? AND partnership_id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
    );
  }

  /** Creates an invitation; returns the secret token for the link (never stored) with the invitation. */
  create(
    input: {
      partnershipId: string;
      role: Role;
      organisation: string;
      isVotingMember: boolean;
      note: string;
      createdBy: string;
    },
    now = Date.now(),
  ): { token: string; invitation: StoredInvitation } {
    const id = newId();
    const token = newSecret();
    this.#insert.run(
      id,
      hashSecret(token),
      input.partnershipId,
      input.role,
      input.organisation,
      input.isVotingMember ? 1 : 0,
      input.note,
      input.createdBy,
      new Date(now).toISOString(),
      new Date(now + invitationLifetimeMs).toISOString(),
    );
    return { token, invitation: toInvitation(this.#byHash.get(hashSecret(token))!, now) };
  }

  findByToken(token: string, now = Date.now()): StoredInvitation | null {
    const row = this.#byHash.get(hashSecret(token));
    return row ? toInvitation(row, now) : null;
  }

  findById(partnershipId: string, id: string, now = Date.now()): StoredInvitation | null {
    const row = this.#byId.get(id, partnershipId);
    return row ? toInvitation(row, now) : null;
  }

  list(partnershipId: string, now = Date.now()): StoredInvitation[] {
    return this.#list.all(partnershipId).map((row) => toInvitation(row, now));
  }

  /** Marks an invitation used; false if it was already used or revoked (single use, even under races). */
  markAccepted(id: string, userId: string): boolean {
    return this.#accept.run(new Date().toISOString(), userId, id).changes > 0;
  }

  revoke(partnershipId: string, id: string): boolean {
    return this.#revoke.run(new Date().toISOString(), id, partnershipId).changes > 0;
  }
}
