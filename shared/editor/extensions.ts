import type { Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { isSafeLinkUrl } from './links.ts';

/** Heading levels a narrative may use: the screen's own headings are h1 and h2, and a narrative sits below them. */
export const narrativeHeadingLevels = [2, 3, 4] as const;

/**
 * The nodes and marks of a narrative, shared by the browser editor and the server (exports, validation) so both read
 * the same schema. Collaboration, carets and comment highlights are added by the client on top. Nothing here keeps
 * a `style`, `class` or event-handler attribute: ProseMirror parses only what these extensions declare, so pasted
 * scripts, inline styles and unknown elements never reach the document. Changing this list means bumping
 * `editorSchemaVersion`.
 */
export function narrativeExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Yjs keeps the undo history (per person, aware of others' edits); ProseMirror's own would fight it.
      undoRedo: false,
      heading: { levels: [...narrativeHeadingLevels] },
      codeBlock: false,
      code: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: [],
        isAllowedUri: (url) => isSafeLinkUrl(url),
        shouldAutoLink: (url) => isSafeLinkUrl(url.includes(':') ? url : `https://${url}`),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
