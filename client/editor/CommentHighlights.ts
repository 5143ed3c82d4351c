import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { TextAnchor } from '../../shared/schemas/comments.ts';
import { resolveAnchorRange } from './yBinding.ts';

/** A passage to highlight: an open thread's anchor. */
export interface HighlightedThread {
  id: string;
  anchor: Pick<TextAnchor, 'start' | 'end'>;
  /** The thread being looked at now is marked more strongly. */
  selected: boolean;
}

interface HighlightState {
  threads: readonly HighlightedThread[];
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function decorate(state: EditorState, threads: readonly HighlightedThread[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = resolveAnchorRange(state, thread.anchor.start, thread.anchor.end);
    if (!range) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: thread.selected ? 'comment-highlight comment-highlight--selected' : 'comment-highlight',
        'data-thread-id': thread.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

// Transactions from the Yjs binding: remote changes and its first rendering of the fragment.
function comesFromYjs(transaction: Transaction): boolean {
  return transaction.getMeta(ySyncPluginKey) !== undefined;
}

/**
 * Highlights the passages that open comment threads are anchored to, resolving their Yjs relative positions. Threads
 * are handed in as the meta of a transaction under `commentHighlightsKey`; each highlight carries `data-thread-id`.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], decorations: DecorationSet.empty }),
          apply(transaction, previous, _oldState, state) {
            const threads = transaction.getMeta(commentHighlightsKey) as readonly HighlightedThread[] | undefined;
            // Relative positions are resolved against the Yjs mapping, which is current for remote changes and new
            // thread lists; a local edit has not reached Yjs yet, so the highlights are mapped through it instead.
            if (threads) return { threads, decorations: decorate(state, threads) };
            if (comesFromYjs(transaction))
              return { threads: previous.threads, decorations: decorate(state, previous.threads) };
            if (!transaction.docChanged) return previous;
            return {
              threads: previous.threads,
              decorations: previous.decorations.map(transaction.mapping, transaction.doc),
            };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
