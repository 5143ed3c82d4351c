import type { SqlContext } from '../Store.ts';
import type { Role } from '../../../shared/model/roles.ts';
import type { Invitation } from '../../../shared/schemas/partnerships.ts';
import { hashSecret, newId, newSecret } from '../../accounts/secrets.ts';

interface InvitationRow {
  token_hash?: string;
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

/** Single-use invitation links; the table keeps only each link's hash. */
export interface InvitationRepository {
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
    now?: number,
  ): Promise<{ token: string; invitation: StoredInvitation }>;
  findByToken(token: string, now?: number): Promise<StoredInvitation | null>;
  findById(partnershipId: string, id: string, now?: number): Promise<StoredInvitation | null>;
  list(partnershipId: string, now?: number): Promise<StoredInvitation[]>;
  /** Marks an invitation used; false if it was already used or revoked (single use, even under races). */
  markAccepted(id: string, userId: string): Promise<boolean>;
  revoke(partnershipId: string, id: string): Promise<boolean>;
}

export function createInvitationRepository({ db }: SqlContext): InvitationRepository {
  const select = () =>
    db
      .selectFrom('invitations as i')
      .innerJoin('users as u', 'u.id', 'i.created_by')
      .selectAll('i')
      .select('u.display_name as creator_name');
  const byHash = async (tokenHash: string, now: number) => {
    const row = (await select().where('i.token_hash', '=', tokenHash).executeTakeFirst()) as InvitationRow | undefined;
    return row ? toInvitation(row, now) : null;
  };
  return {
    async create(input, now = Date.now()) {
      const token = newSecret();
      await db
        .insertInto('invitations')
        .values({
          id: newId(),
          token_hash: hashSecret(token),
          partnership_id: input.partnershipId,
          role: input.role,
          organisation: input.organisation,
          is_voting: input.isVotingMember ? 1 : 0,
          note: input.note,
          created_by: input.createdBy,
          created_at: new Date(now).toISOString(),
          expires_at: new Date(now + invitationLifetimeMs).toISOString(),
        })
        .execute();
      return { token, invitation: (await byHash(hashSecret(token), now))! };
    },
    findByToken: (token, now = Date.now()) => byHash(hashSecret(token), now),
    async findById(partnershipId, id, now = Date.now()) {
      const row = (await select()
        .where('i.id', '=', id)
        .where('i.partnership_id', '=', partnershipId)
        .executeTakeFirst()) as InvitationRow | undefined;
      return row ? toInvitation(row, now) : null;
    },
    async list(partnershipId, now = Date.now()) {
      const rows = (await select()
        .where('i.partnership_id', '=', partnershipId)
        .orderBy('i.created_at', 'desc')
        .orderBy('i.id')
        .execute()) as InvitationRow[];
      return rows.map((row) => toInvitation(row, now));
    },
    async markAccepted(id, userId) {
      const result = await db
        .updateTable('invitations')
        .set({ accepted_at: new Date().toISOString(), accepted_by: userId })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revoke(partnershipId, id) {
      const result = await db
        .updateTable('invitations')
        .set({ revoked_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('partnership_id', '=', partnershipId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
