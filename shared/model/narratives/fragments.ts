import type * as Y from 'yjs';
import { z } from 'zod';
import { narrativeKey, type NarrativeTarget } from './keys.ts';

/** Who last changed a narrative and when; kept beside the text so everyone sees it without the audit log. */
export const LastEditedSchema = z.object({
  byId: z.string().min(1).max(100),
  byName: z.string().min(1).max(100),
  at: z.iso.datetime(),
});
export type LastEdited = z.infer<typeof LastEditedSchema>;

const lastEditedMapName = 'narratives.lastEdited';

/**
 * The Y.XmlFragment holding a narrative. Each is a top-level type named by its key, so two people opening the same
 * narrative for the first time at once share one fragment instead of racing to create it.
 */
export function narrativeFragment(doc: Y.Doc, target: NarrativeTarget | string): Y.XmlFragment {
  return doc.getXmlFragment(typeof target === 'string' ? target : narrativeKey(target));
}

/** Whether anything has been written in a narrative (without creating its fragment when it has not). */
export function hasNarrative(doc: Y.Doc, key: string): boolean {
  const existing = doc.share.get(key);
  return existing !== undefined && narrativeFragment(doc, key).length > 0;
}

function lastEditedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(lastEditedMapName);
}

/** Who last edited a narrative and when; null when nobody has (or what is stored is not readable). */
export function readLastEdited(doc: Y.Doc, key: string): LastEdited | null {
  const parsed = LastEditedSchema.safeParse(lastEditedMap(doc).get(key));
  return parsed.success ? parsed.data : null;
}

/** Records who edited a narrative and when (callers throttle it: one write per person per minute is plenty). */
export function markNarrativeEdited(doc: Y.Doc, key: string, edit: LastEdited): void {
  lastEditedMap(doc).set(key, LastEditedSchema.parse(edit));
}

/** Calls `listener` when any narrative's last-edited record changes; returns a function that stops it. */
export function observeLastEdited(doc: Y.Doc, listener: () => void): () => void {
  const map = lastEditedMap(doc);
  const handle = (): void => listener();
  map.observe(handle);
  return () => map.unobserve(handle);
}

/** Calls `listener` after every change to one narrative's text; returns a function that stops it. */
export function observeNarrative(doc: Y.Doc, key: string, listener: () => void): () => void {
  const fragment = narrativeFragment(doc, key);
  const handle = (): void => listener();
  fragment.observeDeep(handle);
  return () => fragment.unobserveDeep(handle);
}
