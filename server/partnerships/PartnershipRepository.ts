import type { Database, Statement } from 'better-sqlite3';
import type { Role } from '../../shared/model/roles.ts';
import type { Member, TemplateId } from '../../shared/schemas/partnerships.ts';
import type { MyMembership } from '../../shared/schemas/auth.ts';

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

const selectPartnership = `
  SELECT p.*, (SELECT COUNT(*) FROM memberships m WHERE m.partnership_id = p.id) AS member_count
  FROM partnerships p`;

/** Partnerships and their memberships. */
export class PartnershipRepository {
  readonly #db: Database;
  readonly #insert: Statement<[string, string, string, string, string, string | null, string]>;
  readonly #byId: Statement<[string], PartnershipRow>;
  readonly #all: Statement<[], PartnershipRow>;
  readonly #forUser: Statement<[string], PartnershipRow>;
  readonly #rename: Statement<[string, string]>;
  readonly #membership: Statement<[string, string], MembershipRow>;
  readonly #addMember: Statement<[string, string, string, string, number, string]>;
  readonly #members: Statement<[string], MembershipRow & { display_name: string; email: string; created_at: string }>;
  readonly #myMemberships: Statement<[string], MembershipRow & { partnership_name: string }>;
  readonly #updateMember: Statement<[string, string, number, string, string]>;
  readonly #removeMember: Statement<[string, string]>;
  readonly #facilitatorCount: Statement<[string], { n: number }>;

  constructor(db: Database) {
    this.#db = db;
    this.#insert = db.prepare(
      'INSERT INTO partnerships (id, name, area_name, area_code, template, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#byId = db.prepare(`${selectPartnership} WHERE p.id = ?`);
    this.#all = db.prepare(`${selectPartnership} ORDER BY p.name COLLATE NOCASE`);
    this.#forUser = db.prepare(
      `${selectPartnership} JOIN memberships mine ON mine.partnership_id = p.id WHERE mine.user_id = ? ORDER BY p.name COLLATE NOCASE`,
    );
    this.#rename = db.prepare('UPDATE partnerships SET name = ? WHERE id = ?');
    this.#membership = db.prepare('SELECT * FROM memberships WHERE partnership_id = ? AND user_id = ?');
    this.#addMember = db.prepare(
      'INSERT INTO memberships (partnership_id, user_id, role, organisation, is_voting, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#members = db.prepare(`
      SELECT m.*, u.display_name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.partnership_id = ? ORDER BY u.display_name COLLATE NOCASE`);
    this.#myMemberships = db.prepare(`
      SELECT m.*, p.name AS partnership_name FROM memberships m JOIN partnerships p ON p.id = m.partnership_id
      WHERE m.user_id = ? ORDER BY p.name COLLATE NOCASE`);
    this.#updateMember = db.prepare(
      'UPDATE memberships SET role = ?, organisation = ?, is_voting = ? WHERE partnership_id = ? AND user_id = ?',
    );
    this.#removeMember = db.prepare('DELETE FROM memberships WHERE partnership_id = ? AND user_id = ?');
    this.#facilitatorCount = db.prepare(
      "SELECT COUNT(*) AS n FROM memberships WHERE partnership_id = ? AND role = 'facilitator'",
    );
  }

  create(input: {
    id: string;
    name: string;
    areaName: string;
    areaCode: string;
    template: TemplateId;
    createdBy: string | null;
  }): PartnershipRecord {
    this.#insert.run(
      input.id,
      input.name,
      input.areaName,
      input.areaCode,
      input.template,
      input.createdBy,
      new Date().toISOString(),
    );
    return this.findById(input.id)!;
  }

  findById(id: string): PartnershipRecord | null {
    const row = this.#byId.get(id);
    return row ? toPartnership(row) : null;
  }

  listAll(): PartnershipRecord[] {
    return this.#all.all().map(toPartnership);
  }

  listForUser(userId: string): PartnershipRecord[] {
    return this.#forUser.all(userId).map(toPartnership);
  }

  /** Mirrors the co-edited name from the workspace doc, for lists. */
  rename(id: string, name: string): void {
    this.#rename.run(name, id);
  }

  membership(partnershipId: string, userId: string): Membership | null {
    const row = this.#membership.get(partnershipId, userId);
    return row ? toMembership(row) : null;
  }

  addMember(membership: Membership): void {
    this.#addMember.run(
      membership.partnershipId,
      membership.userId,
      membership.role,
      membership.organisation,
      membership.isVotingMember ? 1 : 0,
      new Date().toISOString(),
    );
  }

  /** Members with names; emails only when `withEmails` (facilitators). */
  members(partnershipId: string, withEmails: boolean): Member[] {
    return this.#members
      .all(partnershipId)
      .map((row) => ({
        ...toMembership(row),
        displayName: row.display_name,
        email: withEmails ? row.email : null,
        joinedAt: row.created_at,
      }))
      .map(({ partnershipId: _p, ...member }) => member);
  }

  myMemberships(userId: string): MyMembership[] {
    return this.#myMemberships.all(userId).map((row) => {
      const { userId: _u, ...membership } = toMembership(row);
      return { ...membership, partnershipName: row.partnership_name };
    });
  }

  updateMember(membership: Membership): void {
    this.#updateMember.run(
      membership.role,
      membership.organisation,
      membership.isVotingMember ? 1 : 0,
      membership.partnershipId,
      membership.userId,
    );
  }

  removeMember(partnershipId: string, userId: string): void {
    this.#removeMember.run(partnershipId, userId);
  }

  facilitatorCount(partnershipId: string): number {
    return this.#facilitatorCount.get(partnershipId)!.n;
  }

  /** Runs `work` in one transaction (checks and writes that must not interleave). */
  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}
