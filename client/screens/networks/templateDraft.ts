import { z } from 'zod';
import {
  PublishTemplateVersionRequestSchema,
  SourceEntitySchema,
  type CommonCore,
  type PublishTemplateVersionRequest,
  type SourceEntity,
  type TemplateChangeDraft,
} from '../../../shared/schemas/networks.ts';
import type { ApiIssue } from '../../api/ApiError.ts';

export type CoreCandidate = CommonCore['candidates'][number];

/** One change in the coordinator's draft of the next version, with the local additions it was promoted from. */
export interface DraftChange {
  /** Stable within the draft (list keys, removal); never sent. */
  key: string;
  change: TemplateChangeDraft;
  sourceEntities: SourceEntity[];
}

/** The next version as a coordinator is drafting it: kept in this browser tab until published. */
export interface TemplateDraft {
  note: string;
  changes: DraftChange[];
}

export const emptyDraft = (): TemplateDraft => ({ note: '', changes: [] });

// What is stored is read back loosely: a half-made change (no parent chosen yet) must survive a reload.
const StoredDraftSchema = z.object({
  note: z.string().catch(''),
  changes: z
    .array(
      z.object({
        key: z.string(),
        change: z.looseObject({ kind: z.enum(['add-outcome', 'add-indicator', 'add-metric', 'reword']) }),
        sourceEntities: z.array(SourceEntitySchema).catch([]),
      }),
    )
    .catch([]),
});

/** Where a network's draft is kept in session storage. */
export function draftStorageKey(networkId: string): string {
  return `cg:network-draft:${networkId}`;
}

/** The draft kept for a network, or an empty one (nothing kept, or something unreadable). */
export function readDraft(storage: Pick<Storage, 'getItem'>, networkId: string): TemplateDraft {
  try {
    const raw = storage.getItem(draftStorageKey(networkId));
    if (raw === null) return emptyDraft();
    const parsed = StoredDraftSchema.safeParse(JSON.parse(raw));
    // The stored changes were made by this screen; their shape is checked in full when the version is published.
    return parsed.success ? (parsed.data as unknown as TemplateDraft) : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

/** Keeps a draft (an empty one is removed, so nothing lingers after publishing). */
export function writeDraft(storage: Pick<Storage, 'setItem' | 'removeItem'>, networkId: string, draft: TemplateDraft) {
  const key = draftStorageKey(networkId);
  try {
    if (draft.note === '' && draft.changes.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft lives on in memory for as long as the page is open.
  }
}

let keys = 0;
/** A new key for a change in the draft. */
export function newDraftKey(): string {
  keys += 1;
  return `${Date.now().toString(36)}-${keys}`;
}

/**
 * The change a recurring local addition becomes: a new outcome, indicator or metric in the places' own most common
 * wording, linked to the additions it came from so the places that have one adopt it by linking, not by a duplicate.
 * Indicator and metric candidates take the parent most of them sit under; with none the coordinator chooses one.
 */
export function changeFromCandidate(candidate: CoreCandidate): Omit<DraftChange, 'key'> {
  const sourceEntities = candidate.entityIds.map((entity) => ({ ...entity }));
  const parent = candidate.parentTemplateId ?? '';
  switch (candidate.type) {
    case 'outcome':
      return {
        change: {
          kind: 'add-outcome',
          domain: candidate.domain ?? 'safe',
          level: 'child',
          statement: candidate.label,
          description: '',
        },
        sourceEntities,
      };
    case 'indicator':
      return {
        change: {
          kind: 'add-indicator',
          name: candidate.label,
          definition: '',
          outcomeTemplateIds: parent ? [parent] : [],
        },
        sourceEntities,
      };
    case 'metric':
      return {
        change: { kind: 'add-metric', name: candidate.label, indicatorTemplateId: parent },
        sourceEntities,
      };
  }
}

/** Adds changes promoted from candidates to a draft, skipping any already in it (same source additions). */
export function addCandidates(draft: TemplateDraft, candidates: readonly CoreCandidate[]): TemplateDraft {
  const sourceKey = (entities: readonly SourceEntity[]) =>
    entities
      .map((entity) => `${entity.partnershipId}/${entity.entityId}`)
      .sort()
      .join(',');
  const present = new Set(
    draft.changes.filter((c) => c.sourceEntities.length > 0).map((c) => sourceKey(c.sourceEntities)),
  );
  const added = candidates
    .map(changeFromCandidate)
    .filter((change) => !present.has(sourceKey(change.sourceEntities)))
    .map((change) => ({ ...change, key: newDraftKey() }));
  return { ...draft, changes: [...draft.changes, ...added] };
}

/** The request that publishes the draft as the next version. */
export function publishRequestFromDraft(draft: TemplateDraft): PublishTemplateVersionRequest {
  return {
    note: draft.note,
    changes: draft.changes.map(({ change, sourceEntities }) => ({ ...change, sourceEntities })),
  };
}

/** Problems to show with a draft: against the change they concern (by its position), or the version as a whole. */
export interface DraftProblems {
  byChange: Map<number, string[]>;
  general: string[];
}

/** Sorts issues (the server's, or the schema's before sending) by the change at `['changes', i, …]`. */
export function draftProblems(issues: readonly Pick<ApiIssue, 'path' | 'message'>[]): DraftProblems {
  const byChange = new Map<number, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    const [first, index] = issue.path;
    if (first === 'changes' && typeof index === 'number') {
      byChange.set(index, [...(byChange.get(index) ?? []), issue.message]);
    } else {
      general.push(issue.message);
    }
  }
  return { byChange, general };
}

// The schema's words for the things a coordinator can leave out of a promoted change.
const fieldWords: Record<string, string> = {
  indicatorTemplateId: 'Choose the indicator this metric measures',
  outcomeTemplateIds: 'Choose the outcome this indicator serves',
  statement: 'Enter the outcome’s wording',
  name: 'Enter the name',
  to: 'Enter the new wording',
  fingertipsId: 'A Fingertips id is digits only',
};

/** Checks a draft with the schema the server uses, before sending it; issues point at the changes. */
export function checkDraft(draft: TemplateDraft): DraftProblems {
  const result = PublishTemplateVersionRequestSchema.safeParse(publishRequestFromDraft(draft));
  if (result.success) return { byChange: new Map(), general: [] };
  return draftProblems(
    result.error.issues.map((issue) => {
      const field = issue.path[2];
      const message = typeof field === 'string' && fieldWords[field] ? fieldWords[field] : issue.message;
      return { path: issue.path as (string | number)[], message };
    }),
  );
}
