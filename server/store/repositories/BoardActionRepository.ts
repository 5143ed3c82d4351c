import type { Selectable } from 'kysely';
import type { ActionStatus } from '../../../shared/schemas/cycles.ts';
import type { BoardActionsTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

/** An action of the board's log as stored. */
export interface BoardActionRecord {
  id: string;
  partnershipId: string;
  meetingId: string | null;
  text: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  link: { kind: 'outcome' | 'decision'; id: string } | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

/** What an edit may change. */
export type BoardActionChange = Partial<Pick<BoardActionRecord, 'text' | 'owner' | 'dueDate' | 'status' | 'link'>>;

/** The actions log: actions carry from meeting to meeting until done. */
export interface BoardActionRepository {
  insert(action: BoardActionRecord): Promise<void>;
  /** Applies the change; `doneAt` follows the status (set when it becomes done, cleared when reopened). */
  update(id: string, change: BoardActionChange, at: string): Promise<void>;
  findById(id: string): Promise<BoardActionRecord | null>;
  /** A partnership's actions: those not done first (by due date, undated last), then done ones, latest first. */
  listForPartnership(partnershipId: string): Promise<BoardActionRecord[]>;
  partnershipOf(id: string): Promise<string | null>;
}

const statusOf = (value: string): ActionStatus =>
  value === 'done' ? 'done' : value === 'in-progress' ? 'in-progress' : 'open';

const toRecord = (row: Selectable<BoardActionsTable>): BoardActionRecord => ({
  id: row.id,
  partnershipId: row.partnership_id,
  meetingId: row.meeting_id,
  text: row.text,
  owner: row.owner,
  dueDate: row.due_date,
  status: statusOf(row.status),
  link:
    row.link_id !== null && (row.link_kind === 'outcome' || row.link_kind === 'decision')
      ? { kind: row.link_kind, id: row.link_id }
      : null,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  doneAt: row.done_at,
});

function order(records: BoardActionRecord[]): BoardActionRecord[] {
  const open = records
    .filter((action) => action.status !== 'done')
    .sort(
      (a, b) =>
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
  const done = records
    .filter((action) => action.status === 'done')
    .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? '') || a.id.localeCompare(b.id));
  return [...open, ...done];
}

export function createBoardActionRepository({ db }: SqlContext): BoardActionRepository {
  return {
    async insert(action) {
      await db
        .insertInto('board_actions')
        .values({
          id: action.id,
          partnership_id: action.partnershipId,
          meeting_id: action.meetingId,
          text: action.text,
          owner: action.owner,
          due_date: action.dueDate,
          status: action.status,
          link_kind: action.link?.kind ?? null,
          link_id: action.link?.id ?? null,
          created_by: action.createdBy,
          created_at: action.createdAt,
          updated_at: action.updatedAt,
          done_at: action.doneAt,
        })
        .execute();
    },
    async update(id, change, at) {
      const current = await db.selectFrom('board_actions').selectAll().where('id', '=', id).executeTakeFirst();
      if (!current) return;
      const status = change.status ?? statusOf(current.status);
      const doneAt = status === 'done' ? (current.status === 'done' ? current.done_at : at) : null;
      await db
        .updateTable('board_actions')
        .set({
          ...(change.text !== undefined ? { text: change.text } : {}),
          ...(change.owner !== undefined ? { owner: change.owner } : {}),
          ...(change.dueDate !== undefined ? { due_date: change.dueDate } : {}),
          ...(change.link !== undefined
            ? { link_kind: change.link?.kind ?? null, link_id: change.link?.id ?? null }
            : {}),
          status,
          done_at: doneAt,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
    async findById(id) {
      const row = await db.selectFrom('board_actions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async listForPartnership(partnershipId) {
      const rows = await db
        .selectFrom('board_actions')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .execute();
      return order(rows.map(toRecord));
    },
    async partnershipOf(id) {
      const row = await db.selectFrom('board_actions').select('partnership_id').where('id', '=', id).executeTakeFirst();
      return row?.partnership_id ?? null;
    },
  };
}
