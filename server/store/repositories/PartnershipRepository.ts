import { sql } from 'kysely';
import type { SqlContext } from '../Store.ts';
import type { Role } from '../../../shared/model/roles.ts';
import type { Member, TemplateId } from '../../../shared/schemas/partnerships.ts';
import type { MyMembership } from '../../../shared/schemas/auth.ts';

/** A partnership row as stored. */
export interface PartnershipRecord {
  id: string;
  name: string;
  areaName: string;
  areaCode: string;
  template: TemplateId;
  createdAt: string;
  memberCount: number;
}

/** One person's membership of one partnership. */
export interface Membership {
  partnershipId: string;
  userId: string;
  role: Role;
  organisation: string;
  isVotingMember: boolean;
}

interface PartnershipRow {
  id: string;
  name: string;
  area_name: string;
  area_code: string;
  template: TemplateId;
  created_at: string;
  member_count: number;
}

interface MembershipRow {
  partnership_id: string;
  user_id: string;
  role: Role;
  organisation: string;
  is_voting: number;
}

const toPartnership = (row: PartnershipRow): PartnershipRecord => ({
  id: row.id,
  name: row.name,
  areaName: row.area_name,
  areaCode: row.area_code,
  template: row.template,
  createdAt: row.created_at,
  memberCount: row.member_count,
});

const toMembership = (row: MembershipRow): Membership => ({
  partnershipId: row.partnership_id,
  userId: row.user_id,
  role: row.role,
  organisation: row.organisation,
  isVotingMember: row.is_voting === 1,
});

/** Partnerships and their memberships. */
export interface PartnershipRepository {
  create(input: {
    id: string;
    name: string;
    areaName: string;
    areaCode: string;
    template: TemplateId;
    createdBy: string | null;
  }): Promise<PartnershipRecord>;
  findById(id: string): Promise<PartnershipRecord | null>;
  /** Every partnership, by name. */
  listAll(): Promise<PartnershipRecord[]>;
  listForUser(userId: string): Promise<PartnershipRecord[]>;
  /** Mirrors the co-edited name from the workspace doc, for lists. */
  rename(id: string, name: string): Promise<void>;
  /** Corrects the area's name and ONS code (either or both). */
  updateArea(id: string, area: { areaName?: string; areaCode?: string }): Promise<void>;
  membership(partnershipId: string, userId: string): Promise<Membership | null>;
  addMember(membership: Membership): Promise<void>;
  /** Members with names, by name; emails only when `withEmails` (facilitators). */
  members(partnershipId: string, withEmails: boolean): Promise<Member[]>;
  myMemberships(userId: string): Promise<MyMembership[]>;
  updateMember(membership: Membership): Promise<void>;
  removeMember(partnershipId: string, userId: string): Promise<void>;
  facilitatorCount(partnershipId: string): Promise<number>;
}

// Names sort the way SQLite's NOCASE did (ASCII letters folded), then by id, identically on both databases.
const byName = sql`lower(p.name)`;

export function createPartnershipRepository({ db }: SqlContext): PartnershipRepository {
  const select = () =>
    db
      .selectFrom('partnerships as p')
      .selectAll('p')
      .select((eb) =>
        eb
          .selectFrom('memberships as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.partnership_id', '=', 'p.id')
          .as('member_count'),
      );
  const toRecord = (row: Omit<PartnershipRow, 'member_count'> & { member_count: number | null }): PartnershipRecord =>
    toPartnership({ ...row, member_count: Number(row.member_count ?? 0) });
  const findById = async (id: string): Promise<PartnershipRecord | null> => {
    const row = await select().where('p.id', '=', id).executeTakeFirst();
    return row ? toRecord(row as PartnershipRow) : null;
  };
  return {
    async create(input) {
      await db
        .insertInto('partnerships')
        .values({
          id: input.id,
          name: input.name,
          area_name: input.areaName,
          area_code: input.areaCode,
          template: input.template,
          created_by: input.createdBy,
          created_at: new Date().toISOString(),
        })
        .execute();
      return (await findById(input.id))!;
    },
    findById,
    async listAll() {
      const rows = await select().orderBy(byName).orderBy('p.id').execute();
      return rows.map((row) => toRecord(row as PartnershipRow));
    },
    async listForUser(userId) {
      const rows = await select()
        .innerJoin('memberships as mine', 'mine.partnership_id', 'p.id')
        .where('mine.user_id', '=', userId)
        .orderBy(byName)
        .orderBy('p.id')
        .execute();
      return rows.map((row) => toRecord(row as PartnershipRow));
    },
    async rename(id, name) {
      await db.updateTable('partnerships').set({ name }).where('id', '=', id).execute();
    },
    async updateArea(id, area) {
      const set = {
        ...(area.areaName !== undefined ? { area_name: area.areaName } : {}),
        ...(area.areaCode !== undefined ? { area_code: area.areaCode } : {}),
      };
      if (Object.keys(set).length > 0) await db.updateTable('partnerships').set(set).where('id', '=', id).execute();
    },
    async membership(partnershipId, userId) {
      const row = await db
        .selectFrom('memberships')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? toMembership(row as MembershipRow) : null;
    },
    async addMember(membership) {
      await db
        .insertInto('memberships')
        .values({
          partnership_id: membership.partnershipId,
          user_id: membership.userId,
          role: membership.role,
          organisation: membership.organisation,
          is_voting: membership.isVotingMember ? 1 : 0,
          created_at: new Date().toISOString(),
        })
        .execute();
    },
    async members(partnershipId, withEmails) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .selectAll('m')
        .select(['u.display_name', 'u.email'])
        .where('m.partnership_id', '=', partnershipId)
        .orderBy(sql`lower(u.display_name)`)
        .orderBy('u.id')
        .execute();
      return rows
        .map((row) => ({
          ...toMembership(row as MembershipRow),
          displayName: row.display_name,
          email: withEmails ? row.email : null,
          joinedAt: row.created_at,
        }))
        .map(({ partnershipId: _p, ...member }) => member);
    },
    async myMemberships(userId) {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
        .selectAll('m')
        .select('p.name as partnership_name')
        .where('m.user_id', '=', userId)
        .orderBy(byName)
        .orderBy('p.id')
        .execute();
      return rows.map((row) => {
        const { userId: _u, ...membership } = toMembership(row as MembershipRow);
        return { ...membership, partnershipName: row.partnership_name };
      });
    },
    async updateMember(membership) {
      await db
        .updateTable('memberships')
        .set({
          role: membership.role,
          organisation: membership.organisation,
          is_voting: membership.isVotingMember ? 1 : 0,
        })
        .where('partnership_id', '=', membership.partnershipId)
        .where('user_id', '=', membership.userId)
        .execute();
    },
    async removeMember(partnershipId, userId) {
      await db
        .deleteFrom('memberships')
        .where('partnership_id', '=', partnershipId)
        .where('user_id', '=', userId)
        .execute();
    },
    async facilitatorCount(partnershipId) {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('partnership_id', '=', partnershipId)
        .where('role', '=', 'facilitator')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
