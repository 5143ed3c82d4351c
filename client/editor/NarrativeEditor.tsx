import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useRef, type MouseEvent } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { narrativeExtensions } from '../../shared/editor/extensions.ts';
import { narrativeFragment } from '../../shared/model/narratives/fragments.ts';
import type { PresenceUser } from '../../shared/model/presence.ts';
import { CommentHighlights, commentHighlightsKey, type HighlightedThread } from './CommentHighlights.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { PasteCleanup } from './PasteCleanup.ts';
import { selectedPassage } from './yBinding.ts';

export interface NarrativeEditorProps {
  doc: Y.Doc;
  awareness: Awareness;
  narrativeKey: string;
  /** The editor's accessible name, e.g. "Narrative for Safe". */
  label: string;
  /** Ids of hints shown beside the editor (word count, read-only reason). */
  describedBy?: string | undefined;
  /** Me, as the server stamps me on what it relays (carets show others the same name and colour). */
  user: PresenceUser;
  editable: boolean;
  canComment: boolean;
  highlights: readonly HighlightedThread[];
  onOpenThread: (threadId: string) => void;
  onCommentOnPassage: (passage: { start: string; end: string; quote: string } | null) => void;
  /** Called after each change I make (not others'), to record who last edited. */
  onLocalEdit: () => void;
  onFocusChange: (focused: boolean) => void;
}

const colourPattern = /^#[0-9a-f]{6}$/i;
const colourOf = (user: Record<string, unknown>): string =>
  typeof user.colour === 'string' && colourPattern.test(user.colour) ? user.colour : '#505a5f';

// Others' carets carry the name and colour the server stamped. The name is drawn by CSS from an attribute, so it is
// never HTML and never part of the text (copying, word counts and assistive technology see only the narrative).
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = colourOf(user);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.dataset.name = typeof user.name === 'string' ? user.name : 'Someone';
  label.style.backgroundColor = colourOf(user);
  caret.append(label);
  return caret;
}

/**
 * One narrative, co-edited live: Tiptap bound to its Y.XmlFragment in the workspace doc, others' carets, undo that
 * only undoes my own changes, highlights of commented passages. Read-only for commenters and viewers.
 */
export function NarrativeEditor(props: NarrativeEditorProps) {
  const { doc, awareness, narrativeKey, label, describedBy, user, editable, highlights } = props;
  // Callbacks change every render; the editor is built once per narrative and reads the latest through a ref.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const editor = useEditor(
    {
      editable,
      extensions: [
        ...narrativeExtensions(),
        PasteCleanup,
        Collaboration.configure({ fragment: narrativeFragment(doc, narrativeKey) }),
        CollaborationCaret.configure({
          provider: { awareness },
          user,
          render: renderCaret,
          selectionRender: (other: Record<string, unknown>) => ({
            nodeName: 'span',
            class: 'collaboration-carets__selection',
            style: `background-color: ${colourOf(other)}33`,
          }),
        }),
        CommentHighlights,
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          class: 'narrative-editor__content',
          spellcheck: 'true',
          lang: 'en-GB',
        },
      },
      onUpdate: ({ transaction }) => {
        const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        if (!sync?.isChangeOrigin) latest.current.onLocalEdit();
      },
      onFocus: () => latest.current.onFocusChange(true),
      onBlur: () => latest.current.onFocusChange(false),
    },
    [doc, awareness, narrativeKey],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    // Tiptap keeps the attributes it was created with; read-only is also said to assistive technology.
    editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, highlights));
  }, [editor, highlights]);

  const handleComment = (): void => props.onCommentOnPassage(selectedPassage(editor.view));
  // A click on a highlighted passage opens its thread in the comments panel.
  const handleClick = (event: MouseEvent<HTMLDivElement>): void => {
    const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
    const threadId = target?.getAttribute('data-thread-id');
    if (threadId) props.onOpenThread(threadId);
  };

  return (
    <div className={editable ? 'narrative-editor' : 'narrative-editor narrative-editor--read-only'}>
      {editable ? <EditorToolbar editor={editor} label={label} /> : null}
      {/* Keyboard users reach the same threads from the comments panel; the click is a shortcut for pointer users. */}
      <div onClick={handleClick}>
        <EditorContent editor={editor} />
      </div>
      {props.canComment ? (
        <div className="narrative-editor__comment">
          <button
            type="button"
            className="button--small button--secondary"
            onMouseDown={(event) => event.preventDefault()}
            onClick={handleComment}
          >
            Comment on selected text
          </button>
        </div>
      ) : null}
    </div>
  );
}
