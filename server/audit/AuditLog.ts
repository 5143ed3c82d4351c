import type { Database, Statement } from 'better-sqlite3';
import type { AuditAction, AuditEntry } from '../../shared/schemas/audit.ts';

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

const selectEntries = `SELECT a.*, u.display_name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id`;

/** The append-only record of security-relevant actions (the table refuses updates and deletes). */
export class AuditLog {
  readonly #insert: Statement<[string, string, string | null, string | null, string | null, string, string | null]>;
  readonly #forPartnership: Statement<[string, number], AuditRow>;
  readonly #all: Statement<[number], AuditRow>;

  constructor(db: Database) {
    this.#insert = db.prepare(
      'INSERT INTO audit_log (at, action, actor_id, partnership_id, target, details, ip) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#forPartnership = db.prepare(`${selectEntries} WHERE a.partnership_id = ? ORDER BY a.id DESC LIMIT ?`);
    this.#all = db.prepare(`${selectEntries} ORDER BY a.id DESC LIMIT ?`);
  }

  record(event: AuditEvent): void {
    this.#insert.run(
      new Date().toISOString(),
      event.action,
      event.actorId,
      event.partnershipId ?? null,
      event.target ?? null,
      JSON.stringify(event.details ?? {}),
      event.ip ?? null,
    );
  }

  forPartnership(partnershipId: string, limit = 500): AuditEntry[] {
    return this.#forPartnership.all(partnershipId, limit).map(toEntry);
  }

  all(limit = 500): AuditEntry[] {
    return this.#all.all(limit).map(toEntry);
  }
}
