import type { EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { decodeAnchorPosition, encodeAnchorPosition } from '../../shared/model/narratives/anchors.ts';
import { maxQuoteLength } from '../../shared/schemas/comments.ts';

type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** The Yjs side of an editor: its doc, fragment and the node mapping; null until the binding has rendered once. */
export function yBindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping: ProsemirrorMapping } | null } | undefined;
  if (!sync?.doc || !sync.type || !sync.binding) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

/** Where a comment anchor's passage is in the editor now; null when it cannot be found or was deleted. */
export function resolveAnchorRange(
  state: EditorState,
  start: string,
  end: string,
): { from: number; to: number } | null {
  const binding = yBindingOf(state);
  const startPosition = decodeAnchorPosition(start);
  const endPosition = decodeAnchorPosition(end);
  if (!binding || !startPosition || !endPosition) return null;
  const from = relativePositionToAbsolutePosition(binding.doc, binding.type, startPosition, binding.mapping);
  const to = relativePositionToAbsolutePosition(binding.doc, binding.type, endPosition, binding.mapping);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return { from, to };
}

/**
 * The passage selected in the editor as a comment anchor. A read-only editor (commenters) still has a browser
 * selection even when ProseMirror's is empty, so that is read as well.
 */
export function selectedPassage(view: EditorView): { start: string; end: string; quote: string } | null {
  const binding = yBindingOf(view.state);
  if (!binding) return null;
  let { from, to } = view.state.selection;
  if (from === to) {
    const selection = view.dom.ownerDocument.getSelection();
    if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return null;
    if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return null;
    const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
    from = Math.min(a, b);
    to = Math.max(a, b);
  }
  const quote = view.state.doc.textBetween(from, to, ' ').trim();
  if (from === to || quote === '') return null;
  return {
    start: encodeAnchorPosition(
      absolutePositionToRelativePosition(from, binding.type, binding.mapping) as Y.RelativePosition,
    ),
    end: encodeAnchorPosition(
      absolutePositionToRelativePosition(to, binding.type, binding.mapping) as Y.RelativePosition,
    ),
    quote: quote.length > maxQuoteLength ? `${quote.slice(0, maxQuoteLength - 1)}…` : quote,
  };
}
