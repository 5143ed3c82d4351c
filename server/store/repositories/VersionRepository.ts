import type { VersionReason } from '../../../shared/schemas/cycles.ts';
import type { SqlContext } from '../Store.ts';

/** A version as listed: who took it, when and why, and what it costs on disk. */
export interface VersionRecord {
  id: string;
  partnershipId: string;
  label: string;
  reason: VersionReason;
  createdById: string | null;
  createdByName: string | null;
  createdAt: string;
  docBytes: number;
  factsBytes: number;
}

/** A version with what it holds: the workspace doc's encoded state and the facts (JSON). */
export interface StoredVersion extends VersionRecord {
  docState: Uint8Array;
  facts: string;
}

/** What taking a version stores. */
export interface NewVersion {
  id: string;
  partnershipId: string;
  label: string;
  reason: VersionReason;
  createdBy: string | null;
  createdAt: string;
  docState: Uint8Array;
  facts: string;
}

/**
 * Versions: immutable snapshots of a partnership. There is deliberately no update or delete here: a version, once
 * taken, is what the board saw then (a partnership's deletion cascades to its versions, nothing else removes them).
 */
export interface VersionRepository {
  insert(version: NewVersion): Promise<void>;
  /** A partnership's versions, newest first, without their contents. */
  listForPartnership(partnershipId: string): Promise<VersionRecord[]>;
  /** One version of a partnership with its contents; null when the partnership has no such version. */
  find(partnershipId: string, id: string): Promise<StoredVersion | null>;
  /** The latest version of a partnership taken at or before `at` (ISO time), without contents. */
  latestAtOrBefore(partnershipId: string, at: string): Promise<VersionRecord | null>;
  /** Every version of a partnership, oldest first, with its facts (JSON) but never its document bytes. */
  listFacts(partnershipId: string): Promise<VersionFactsRecord[]>;
}

/** A version's summary fields and its facts (JSON), for reading trends across versions. */
export interface VersionFactsRecord {
  id: string;
  label: string;
  createdAt: string;
  reason: VersionReason;
  facts: string;
}

interface SummaryRow {
  id: string;
  partnership_id: string;
  label: string;
  reason_kind: string;
  reason_id: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  doc_bytes: number;
  facts_bytes: number;
}

const reasonOf = (kind: string, id: string | null): VersionReason => {
  const reasonKind = kind === 'meeting' || kind === 'round' ? kind : 'manual';
  return id === null ? { kind: reasonKind } : { kind: reasonKind, id };
};

const toRecord = (row: SummaryRow): VersionRecord => ({
  id: row.id,
  partnershipId: row.partnership_id,
  label: row.label,
  reason: reasonOf(row.reason_kind, row.reason_id),
  createdById: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  docBytes: Number(row.doc_bytes),
  factsBytes: Number(row.facts_bytes),
});

export function createVersionRepository({ db }: SqlContext): VersionRepository {
  const summaries = () =>
    db
      .selectFrom('versions as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .select([
        'v.id',
        'v.partnership_id',
        'v.label',
        'v.reason_kind',
        'v.reason_id',
        'v.created_by',
        'u.display_name as created_by_name',
        'v.created_at',
        'v.doc_bytes',
        'v.facts_bytes',
      ]);
  return {
    async insert(version) {
      await db
        .insertInto('versions')
        .values({
          id: version.id,
          partnership_id: version.partnershipId,
          label: version.label,
          reason_kind: version.reason.kind,
          reason_id: version.reason.id ?? null,
          created_by: version.createdBy,
          created_at: version.createdAt,
          doc_state: Buffer.from(version.docState),
          facts: version.facts,
          doc_bytes: version.docState.byteLength,
          facts_bytes: Buffer.byteLength(version.facts),
        })
        .execute();
    },
    async listForPartnership(partnershipId) {
      const rows = await summaries()
        .where('v.partnership_id', '=', partnershipId)
        .orderBy('v.created_at', 'desc')
        .orderBy('v.id', 'desc')
        .execute();
      return rows.map(toRecord);
    },
    async find(partnershipId, id) {
      const row = await summaries()
        .select(['v.doc_state', 'v.facts'])
        .where('v.partnership_id', '=', partnershipId)
        .where('v.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return { ...toRecord(row), docState: new Uint8Array(row.doc_state), facts: row.facts };
    },
    async latestAtOrBefore(partnershipId, at) {
      const row = await summaries()
        .where('v.partnership_id', '=', partnershipId)
        .where('v.created_at', '<=', at)
        .orderBy('v.created_at', 'desc')
        .orderBy('v.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async listFacts(partnershipId) {
      const rows = await db
        .selectFrom('versions')
        .select(['id', 'label', 'reason_kind', 'reason_id', 'created_at', 'facts'])
        .where('partnership_id', '=', partnershipId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        label: row.label,
        createdAt: row.created_at,
        reason: reasonOf(row.reason_kind, row.reason_id),
        facts: row.facts,
      }));
    },
  };
}
