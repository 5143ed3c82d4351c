import * as Y from 'yjs';
import type { VersionFacts } from '../../../../shared/schemas/cycles.ts';
import type { VersionContent } from '../../../../shared/model/changes/index.ts';

/** Facts with nothing in them; override what the test is about. */
export function buildFacts(overrides: Partial<VersionFacts> = {}): VersionFacts {
  return { decisions: [], rounds: [], evidence: [], comments: [], availability: [], ...overrides };
}

/** A version of the document as it is now: a separate doc loaded from its encoded state, as the server stores it. */
export function snapshot(doc: Y.Doc, facts: VersionFacts = buildFacts()): VersionContent {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return { doc: copy, facts };
}

/** A change reduced to what identifies it, for comparing with a list written out by hand. */
export function outline(change: {
  domain: string;
  kind: string;
  entity: { type: string; label: string };
  field?: string;
}): string {
  return [change.domain, change.kind, change.entity.type, change.entity.label, change.field ?? '-'].join(' | ');
}
