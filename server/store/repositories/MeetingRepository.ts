import type { Selectable } from 'kysely';
import { z } from 'zod';
import { AgendaItemInputSchema, type MeetingStatus } from '../../../shared/schemas/cycles.ts';
import type { MeetingsTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

/** An agenda item as stored: what the facilitator wrote, under an id that stays while the agenda is edited. */
export const StoredAgendaItemSchema = z.intersection(z.object({ id: z.string() }), AgendaItemInputSchema);
export type StoredAgendaItem = z.output<typeof StoredAgendaItemSchema>;

/** A meeting as stored. */
export interface MeetingRecord {
  id: string;
  partnershipId: string;
  title: string;
  startsAt: string;
  place: string;
  status: MeetingStatus;
  agenda: StoredAgendaItem[];
  attendeeIds: string[];
  closedAt: string | null;
  versionId: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** What can change on a scheduled meeting. */
export type MeetingChange = Partial<Pick<MeetingRecord, 'title' | 'startsAt' | 'place' | 'agenda' | 'attendeeIds'>>;

/** Board meetings: scheduled, edited, then closed once (with the version taken at close). */
export interface MeetingRepository {
  insert(meeting: Omit<MeetingRecord, 'status' | 'closedAt' | 'versionId' | 'agenda' | 'attendeeIds'>): Promise<void>;
  /** Changes a scheduled meeting; false when it is closed (nothing changes then). */
  update(id: string, change: MeetingChange): Promise<boolean>;
  /** Marks a scheduled meeting closed; false when it was closed already (nothing changes then). */
  close(id: string, closedAt: string): Promise<boolean>;
  /** Records the version taken when the meeting closed. */
  setVersion(id: string, versionId: string): Promise<void>;
  findById(id: string): Promise<MeetingRecord | null>;
  /** A partnership's meetings, latest start first. */
  listForPartnership(partnershipId: string): Promise<MeetingRecord[]>;
  partnershipOf(id: string): Promise<string | null>;
}

const StringList = z.array(z.string());
const AgendaColumn = z.array(StoredAgendaItemSchema);

const toRecord = (row: Selectable<MeetingsTable>): MeetingRecord => ({
  id: row.id,
  partnershipId: row.partnership_id,
  title: row.title,
  startsAt: row.starts_at,
  place: row.place,
  status: row.status === 'closed' ? 'closed' : 'scheduled',
  agenda: AgendaColumn.parse(JSON.parse(row.agenda)),
  attendeeIds: StringList.parse(JSON.parse(row.attendee_ids)),
  closedAt: row.closed_at,
  versionId: row.version_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export function createMeetingRepository({ db }: SqlContext): MeetingRepository {
  return {
    async insert(meeting) {
      await db
        .insertInto('meetings')
        .values({
          id: meeting.id,
          partnership_id: meeting.partnershipId,
          title: meeting.title,
          starts_at: meeting.startsAt,
          place: meeting.place,
          status: 'scheduled',
          agenda: '[]',
          attendee_ids: '[]',
          closed_at: null,
          version_id: null,
          created_by: meeting.createdBy,
          created_at: meeting.createdAt,
        })
        .execute();
    },
    async update(id, change) {
      const values = {
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.startsAt !== undefined ? { starts_at: change.startsAt } : {}),
        ...(change.place !== undefined ? { place: change.place } : {}),
        ...(change.agenda !== undefined ? { agenda: JSON.stringify(change.agenda) } : {}),
        ...(change.attendeeIds !== undefined ? { attendee_ids: JSON.stringify(change.attendeeIds) } : {}),
      };
      const result = await db
        .updateTable('meetings')
        // An empty change still claims the row, so a meeting closed meanwhile answers false.
        .set(Object.keys(values).length > 0 ? values : { id })
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async close(id, closedAt) {
      const result = await db
        .updateTable('meetings')
        .set({ status: 'closed', closed_at: closedAt })
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async setVersion(id, versionId) {
      await db.updateTable('meetings').set({ version_id: versionId }).where('id', '=', id).execute();
    },
    async findById(id) {
      const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async listForPartnership(partnershipId) {
      const rows = await db
        .selectFrom('meetings')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('starts_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async partnershipOf(id) {
      const row = await db.selectFrom('meetings').select('partnership_id').where('id', '=', id).executeTakeFirst();
      return row?.partnership_id ?? null;
    },
  };
}
