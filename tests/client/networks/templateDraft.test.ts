import { describe, expect, it } from 'vitest';
import { PublishTemplateVersionRequestSchema } from '../../../shared/schemas/networks.ts';
import {
  addCandidates,
  checkDraft,
  draftProblems,
  draftStorageKey,
  emptyDraft,
  publishRequestFromDraft,
  readDraft,
  writeDraft,
} from '../../../client/screens/networks/templateDraft.ts';
import { buildCandidate } from './factories.ts';

/** An in-memory stand-in for session storage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const networkId = '4a7c1e0c-2f8b-4b8e-9a53-3f1f6f0d2c11';

describe('the draft of the next template version', () => {
  it('turns promoted candidates into additions linked to the places’ own items', () => {
    const metric = buildCandidate();
    const outcome = buildCandidate({ type: 'outcome', label: 'Families feel welcome', domain: 'engaged' });
    const draft = addCandidates(emptyDraft(), [metric, outcome]);
    const request = publishRequestFromDraft({ ...draft, note: 'From the spring review' });
    expect(request.changes[0]).toEqual({
      kind: 'add-metric',
      name: metric.label,
      indicatorTemplateId: 'cof.ind.engaged.1',
      sourceEntities: metric.entityIds,
    });
    expect(request.changes[1]).toMatchObject({
      kind: 'add-outcome',
      statement: 'Families feel welcome',
      domain: 'engaged',
      sourceEntities: outcome.entityIds,
    });
    expect(PublishTemplateVersionRequestSchema.safeParse(request).success).toBe(true);
    // Promoting the same candidates again adds nothing twice.
    expect(addCandidates(draft, [metric]).changes).toHaveLength(2);
  });

  it('asks for the parent a candidate has none for, against the change concerned', () => {
    const draft = addCandidates(emptyDraft(), [
      buildCandidate(),
      buildCandidate({ parentTemplateId: null }),
      buildCandidate({ type: 'indicator', parentTemplateId: null }),
    ]);
    const problems = checkDraft(draft);
    expect(problems.general).toEqual([]);
    expect([...problems.byChange.keys()]).toEqual([1, 2]);
    expect(problems.byChange.get(1)).toEqual(['Choose the indicator this metric measures']);
    expect(problems.byChange.get(2)).toEqual(['Choose the outcome this indicator serves']);
    expect(checkDraft(emptyDraft()).general).toEqual(['A version needs at least one change']);
  });

  it('sorts the server’s issues by change, keeping the rest for the version', () => {
    const problems = draftProblems([
      { path: ['changes', 2, 'indicatorTemplateId'], message: 'There is no indicator “x” in the template' },
      { path: ['changes', 2], message: 'Already in the template' },
      { path: ['note'], message: 'Too long' },
    ]);
    expect(problems.byChange.get(2)).toEqual(['There is no indicator “x” in the template', 'Already in the template']);
    expect(problems.general).toEqual(['Too long']);
  });

  it('is kept per network in session storage, and removed when emptied', () => {
    const storage = memoryStorage();
    const draft = addCandidates({ note: 'Spring', changes: [] }, [buildCandidate({ parentTemplateId: null })]);
    writeDraft(storage, networkId, draft);
    expect(readDraft(storage, networkId)).toEqual(draft);
    expect(readDraft(storage, 'another-network')).toEqual(emptyDraft());
    writeDraft(storage, networkId, emptyDraft());
    expect(storage.items.has(draftStorageKey(networkId))).toBe(false);
    storage.setItem(draftStorageKey(networkId), '{not json');
    expect(readDraft(storage, networkId)).toEqual(emptyDraft());
  });
});
