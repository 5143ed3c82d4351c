import type * as Y from 'yjs';

/** The smallest single replacement turning `before` into `after`: common prefix and suffix are kept. */
export function diffText(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

/**
 * Changes a Y.Text to hold `next` by a minimal edit, so concurrent edits elsewhere in the text survive
 * (replacing the whole string would discard what others typed at the same time).
 */
export function setText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  const { index, remove, insert } = diffText(current, next);
  const apply = (): void => {
    if (remove > 0) text.delete(index, remove);
    if (insert.length > 0) text.insert(index, insert);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}
