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
  /** The newest entries of one partnership first. */
  forPartnership(partnershipId: string, limit?: number): Promise<AuditEntry[]>;
  /** The newest entries first. */
  all(limit?: number): Promise<AuditEntry[]>;
}

export function createAuditLog({ db }: SqlContext): AuditLog {
  const select = () =>
    db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .selectAll('a')
      .select('u.display_name as actor_name')
      .orderBy('a.id', 'desc');
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
    async forPartnership(partnershipId, limit = 500) {
      const rows = await select().where('a.partnership_id', '=', partnershipId).limit(limit).execute();
      return rows.map((row) => toEntry(row as AuditRow));
    },
    async all(limit = 500) {
      const rows = await select().limit(limit).execute();
      return rows.map((row) => toEntry(row as AuditRow));
    },
  };
}
