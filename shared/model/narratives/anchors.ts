import * as Y from 'yjs';
import type { TextAnchor } from '../../schemas/comments.ts';
import { narrativeFragment } from './fragments.ts';

/** Encodes a relative position for a comment anchor (binary, then base64, so it travels in JSON). */
export function encodeAnchorPosition(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes an anchor position; null when it is not a well-formed encoded relative position. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const position = Y.decodeRelativePosition(bytes);
    return position.item !== null || position.type !== null || position.tname !== null ? position : null;
  } catch {
    return null;
  }
}

/** Whether `type` is the fragment itself or lies inside it. */
function isWithin(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  while (current) {
    if (current === (fragment as Y.AbstractType<unknown>)) return true;
    current = current._item?.parent instanceof Y.AbstractType ? current._item.parent : null;
  }
  return false;
}

/** Where an anchor stands in a doc right now. */
export type AnchorState =
  /** The passage is still there. */
  | 'present'
  /** The passage was deleted (the thread stays, shown as "anchor removed"). */
  | 'removed'
  /** This doc has not yet received the text the anchor points at (it was typed a moment ago elsewhere). */
  | 'unknown'
  /** The positions resolve outside the narrative named by the anchor: a forged or corrupted anchor. */
  | 'elsewhere';

/** Resolves a text anchor against a doc: is its passage still there, gone, or not known here yet? */
export function textAnchorState(doc: Y.Doc, anchor: Pick<TextAnchor, 'narrativeKey' | 'start' | 'end'>): AnchorState {
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  if (!start || !end) return 'elsewhere';
  const fragment = narrativeFragment(doc, anchor.narrativeKey);
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!from || !to) return 'unknown';
  if (!isWithin(from.type, fragment) || !isWithin(to.type, fragment)) return 'elsewhere';
  // Both ends of a deleted passage slide to the same place: nothing is left between them.
  if (from.type === to.type && to.index <= from.index) return 'removed';
  return 'present';
}

/** A text anchor's positions for characters `from`..`to` of one Y.XmlText (for tests and server-side tools). */
export function textRangePositions(text: Y.XmlText, from: number, to: number): { start: string; end: string } {
  return {
    start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, from)),
    end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, to, -1)),
  };
}
