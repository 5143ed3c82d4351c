import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { updateProfileField } from '../../shared/model/partnershipProfile.ts';
import { workspaceDocName } from '../../shared/protocol/docNames.ts';
import {
  VersionFactsSchema,
  type Changes,
  type VersionDetail,
  type VersionFacts,
  type VersionReason,
  type VersionSummary,
} from '../../shared/schemas/cycles.ts';
import type { Partnership } from '../../shared/schemas/partnerships.ts';
import type { Principal } from '../auth/Principal.ts';
import { HttpError, RateLimitedError } from '../http/errors.ts';
import type { RateLimiter } from '../http/RateLimiter.ts';
import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { StoredVersion, VersionRecord } from '../store/repositories/VersionRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { compareVersions } from './changesEngine.ts';
import type { CurrentState, VersionFactsReader } from './versionFacts.ts';

/** A wait in words: "45 seconds", "3 minutes". */
function minutes(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export interface VersionServiceDeps {
  store: Repositories;
  facts: VersionFactsReader;
  docs: WorkspaceDocs;
  partnerships: PartnershipService;
  /**
   * Versions taken by hand, per partnership (each encodes the whole document and reads every fact; those taken when
   * a meeting or round closes are not counted), and comparisons asked for, per person: over either, 429.
   */
  limits: { manualVersions: RateLimiter; comparisons: RateLimiter };
}

/** Who takes a version: a person (null when the server takes one by itself, e.g. a round closing at its time). */
export type VersionTaker = { userId: string } | null;

const notFound = () => new HttpError(404, 'version_not_found', 'This partnership has no such version');

export function describeVersion(version: VersionRecord): VersionSummary {
  return {
    id: version.id,
    label: version.label,
    createdAt: version.createdAt,
    createdBy:
      version.createdById === null ? null : { id: version.createdById, name: version.createdByName ?? 'Former member' },
    reason: version.reason,
    sizes: { document: version.docBytes, facts: version.factsBytes },
  };
}

function loadDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** Versions: named, dated, attributed snapshots of a partnership, compared with each other or with now. */
export class VersionService {
  readonly #deps: VersionServiceDeps;

  constructor(deps: VersionServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Takes a version: reads the workspace doc and the facts first (never inside a unit of work), then stores the
   * version and its audit entry together.
   */
  async take(
    partnership: PartnershipRecord,
    by: VersionTaker,
    label: string,
    reason: VersionReason,
    ip: string | null,
  ): Promise<VersionSummary> {
    if (reason.kind === 'manual') {
      const waitMs = await this.#deps.limits.manualVersions.take(partnership.id);
      if (waitMs > 0) {
        throw new RateLimitedError(
          `This partnership has taken many versions in the last hour. Try again in ${minutes(waitMs)}; the versions already taken are kept.`,
          waitMs,
        );
      }
    }
    const current = await this.#deps.facts.current(partnership);
    const id = randomUUID();
    await this.#deps.store.transaction(async (tx) => {
      await tx.versions.insert({
        id,
        partnershipId: partnership.id,
        label,
        reason,
        createdBy: by?.userId ?? null,
        createdAt: new Date().toISOString(),
        docState: current.docState,
        facts: JSON.stringify(current.facts),
      });
      await tx.audit.record({
        action: 'version.taken',
        actorId: by?.userId ?? null,
        partnershipId: partnership.id,
        target: id,
        details: { label, reason: reason.kind, ...(reason.id ? { reasonId: reason.id } : {}) },
        ip,
      });
    });
    return describeVersion((await this.#deps.store.versions.find(partnership.id, id))!);
  }

  /** Counts a comparison asked for by a person (the changes route); 429 over the limit. */
  async allowComparison(userId: string): Promise<void> {
    const waitMs = await this.#deps.limits.comparisons.take(userId);
    if (waitMs > 0) {
      throw new RateLimitedError(
        `You have asked for many comparisons in the last minute. Try again in ${minutes(waitMs)}.`,
        waitMs,
      );
    }
  }

  async list(partnershipId: string): Promise<VersionSummary[]> {
    return (await this.#deps.store.versions.listForPartnership(partnershipId)).map(describeVersion);
  }

  async get(partnershipId: string, versionId: string): Promise<VersionDetail> {
    const version = await this.#stored(partnershipId, versionId);
    return {
      ...describeVersion(version),
      facts: factsOf(version),
      documentState: Buffer.from(version.docState).toString('base64'),
    };
  }

  /** What changed between a version and a later one, or `now` (the current state is read, never stored). */
  /**
   * What changed between two versions, or a version and now (`untilId` 'now'). A caller that has just read the current
   * state (the board pack) passes it as `current`, so the document is encoded and the evidence computed once.
   */
  async changes(
    partnership: PartnershipRecord,
    sinceId: string,
    untilId: string,
    current?: CurrentState,
  ): Promise<Changes> {
    const since = await this.#stored(partnership.id, sinceId);
    let until: { id: string; label: string; createdAt: string; docState: Uint8Array; facts: VersionFacts };
    if (untilId === 'now') {
      current ??= await this.#deps.facts.current(partnership);
      until = { id: 'now', label: 'Now', createdAt: new Date().toISOString(), ...current };
    } else {
      const stored = await this.#stored(partnership.id, untilId);
      until = { ...stored, facts: factsOf(stored) };
    }
    const authorOf = await this.#authors(partnership.id);
    const older = { doc: loadDoc(since.docState), facts: factsOf(since) };
    const newer = { doc: loadDoc(until.docState), facts: until.facts };
    try {
      const compared = compareVersions(older, newer, { authorOf });
      return {
        since: { id: since.id, label: since.label, createdAt: since.createdAt },
        until: { id: until.id, label: until.label, createdAt: until.createdAt },
        summary: compared.summary,
        changes: compared.changes,
      };
    } finally {
      older.doc.destroy();
      newer.doc.destroy();
    }
  }

  /**
   * Restores a version as a copy: a new partnership (same area) whose workspace doc is the version's state, with the
   * caller as its facilitator. The original is not touched; SQL records (rounds, decisions, meetings) stay with it.
   */
  async copy(
    principal: Principal,
    partnership: PartnershipRecord,
    versionId: string,
    name: string | undefined,
    ip: string | null,
  ): Promise<Partnership> {
    const version = await this.#stored(partnership.id, versionId);
    const copyName = (name ?? `${partnership.name} – ${version.label}`).slice(0, 200);
    const created = await this.#deps.partnerships.create(
      principal,
      { name: copyName, areaName: partnership.areaName, areaCode: partnership.areaCode, template: 'blank' },
      ip,
    );
    // Two changes: applying a remote update inside a transaction that also writes locally makes Yjs think another
    // client uses this doc's client id. The name is written after the version's state, so the copy's own name wins.
    await this.#deps.docs.change(created.id, (doc) => Y.applyUpdate(doc, version.docState));
    await this.#deps.docs.change(created.id, (doc) => updateProfileField(doc, 'name', copyName));
    await this.#deps.store.audit.record({
      action: 'version.copied',
      actorId: principal.user.id,
      partnershipId: partnership.id,
      target: version.id,
      details: { copy: created.id, name: copyName },
      ip,
    });
    return created;
  }

  async #stored(partnershipId: string, versionId: string): Promise<StoredVersion> {
    const version = await this.#deps.store.versions.find(partnershipId, versionId);
    if (!version) throw notFound();
    return version;
  }

  /** Who wrote each Yjs client id's items in the workspace doc, by name, where the server recorded it. */
  async #authors(partnershipId: string): Promise<(clientId: number) => { id: string; name: string } | null> {
    const { store } = this.#deps;
    const byClient = await store.docAuthors.authorsOf(workspaceDocName(partnershipId));
    const names = new Map<string, string>();
    for (const userId of new Set(byClient.values())) {
      names.set(userId, (await store.users.findById(userId))?.displayName ?? 'Former member');
    }
    return (clientId) => {
      const userId = byClient.get(clientId);
      return userId === undefined ? null : { id: userId, name: names.get(userId) ?? 'Former member' };
    };
  }
}

function factsOf(version: StoredVersion): VersionFacts {
  return VersionFactsSchema.parse(JSON.parse(version.facts));
}
