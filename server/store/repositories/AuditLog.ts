import type { SqlContext } from '../Store.ts';
import type { AuditAction, AuditEntry } from '../../../shared/schemas/audit.ts';

/** What to record: who did what, where, to whom. */
export interface AuditEvent {
  action: AuditAction;
  actorId: string | null;
  partnershipId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

interface AuditRow {
  id: number;
  at: string;
  action: AuditAction;
  actor_id: string | null;
  actor_name: string | null;
  partnership_id: string | null;
  target: string | null;
  details: string;
  ip: string | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  action: row.action,
  actorId: row.actor_id,
  actorName: row.actor_name,
  partnershipId: row.partnership_id,
  target: row.target,
  details: JSON.parse(row.details) as Record<string, unknown>,
  ip: row.ip,
});

/** The append-only record of security-relevant actions (the table refuses updates and deletes). */
export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
  /**
   * Whether an entry like `event` (same action, actor, partnership, target and details) was recorded at or after
   * `since` (an ISO time): lets a burst of the same change be kept as one entry per window.
   */
  recordedSince(event: AuditEvent, since: string): Promise<boolean>;
  /** The newest entries of one partnership first: a number is a limit, a filter also pages and narrows. */
  forPartnership(partnershipId: string, filter?: number | AuditFilter): Promise<AuditEntry[]>;
  /** The newest entries first. */
  all(filter?: number | AuditFilter): Promise<AuditEntry[]>;
}

/** Which entries a page of the audit log holds (see `AuditQuerySchema`). */
export interface AuditFilter {
  /** Only entries older than this id (the oldest one already shown). */
  before?: number;
  limit?: number;
  /** Kinds of action: the part before the dot ("round" is round.created, round.opened…). */
  categories?: readonly string[];
  actorId?: string;
  /** First and last day, inclusive, as YYYY-MM-DD (UTC). */
  from?: string;
  to?: string;
}

const defaultLimit = 500;

/** The start of the day after `day` (YYYY-MM-DD), as the ISO time entries are stored with. */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

export function createAuditLog({ db }: SqlContext): AuditLog {
  const select = (given: number | AuditFilter = {}) => {
    const filter = typeof given === 'number' ? { limit: given } : given;
    let query = db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .selectAll('a')
      .select('u.display_name as actor_name');
    if (filter.before !== undefined) query = query.where('a.id', '<', filter.before);
    if (filter.actorId !== undefined) query = query.where('a.actor_id', '=', filter.actorId);
    // Times are ISO strings in UTC, so whole days compare as text on both databases.
    if (filter.from !== undefined) query = query.where('a.at', '>=', `${filter.from}T00:00:00.000Z`);
    if (filter.to !== undefined) query = query.where('a.at', '<', dayAfter(filter.to));
    const categories = filter.categories ?? [];
    if (categories.length > 0) {
      query = query.where((eb) => eb.or(categories.map((category) => eb('a.action', 'like', `${category}.%`))));
    }
    return query.orderBy('a.id', 'desc').limit(filter.limit ?? defaultLimit);
  };
  return {
    async record(event) {
      await db
        .insertInto('audit_log')
        .values({
          at: new Date().toISOString(),
          action: event.action,
          actor_id: event.actorId,
          partnership_id: event.partnershipId ?? null,
          target: event.target ?? null,
          details: JSON.stringify(event.details ?? {}),
          ip: event.ip ?? null,
        })
        .execute();
    },
    async recordedSince(event, since) {
      let query = db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', event.action)
        .where('details', '=', JSON.stringify(event.details ?? {}))
        .where('at', '>=', since);
      query = event.partnershipId
        ? query.where('partnership_id', '=', event.partnershipId)
        : query.where('partnership_id', 'is', null);
      query = event.actorId ? query.where('actor_id', '=', event.actorId) : query.where('actor_id', 'is', null);
      query = event.target ? query.where('target', '=', event.target) : query.where('target', 'is', null);
      return (await query.limit(1).executeTakeFirst()) !== undefined;
    },
    async forPartnership(partnershipId, filter) {
      const rows = await select(filter).where('a.partnership_id', '=', partnershipId).execute();
      return rows.map((row) => toEntry(row as AuditRow));
    },
    async all(filter) {
      const rows = await select(filter).execute();
      return rows.map((row) => toEntry(row as AuditRow));
    },
  };
}
