import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import sanitizeHtml from 'sanitize-html';
import type * as Y from 'yjs';
import { narrativeExtensions } from '../../shared/editor/extensions.ts';
import { isSafeLinkUrl } from '../../shared/editor/links.ts';
import { narrativePlainText } from '../../shared/model/narratives/text.ts';

const extensions = narrativeExtensions();
const schema = getSchema(extensions);

/**
 * What an exported narrative may contain: the elements the editor's schema produces, links only to safe addresses,
 * and no attribute that can run code or restyle the page (no on*, style, class, id, src).
 */
const sanitiseOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'u',
    's',
    'a',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'table',
    'tbody',
    'thead',
    'tr',
    'th',
    'td',
    'colgroup',
    'col',
  ],
  allowedAttributes: { a: ['href', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An unsafe address loses its href (the words stay); every link opens without giving the export's origin away.
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...(attribs.href && isSafeLinkUrl(attribs.href) ? { href: attribs.href } : {}),
        rel: 'noopener noreferrer nofollow',
      },
    }),
  },
};

/** Sanitises HTML for an export with the editor's allowlist; also the last line of defence for anything rendered. */
export function sanitiseNarrativeHtml(html: string): string {
  return sanitizeHtml(html, sanitiseOptions);
}

/**
 * A narrative as sanitised HTML. The fragment is read through the editor's schema first, so content the schema does
 * not know (written by an outdated or hostile client) is dropped rather than rendered; then the HTML is sanitised.
 */
export function narrativeHtml(fragment: Y.XmlFragment): string {
  if (fragment.length === 0) return '';
  let content: ProseMirrorNode;
  try {
    content = ProseMirrorNode.fromJSON(schema, yXmlFragmentToProsemirrorJSON(fragment));
    content.check();
  } catch {
    // Unreadable structure: keep the words, lose the formatting.
    const paragraphs = narrativePlainText(fragment)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => schema.node('paragraph', null, [schema.text(line)]));
    content = schema.node('doc', null, paragraphs.length > 0 ? paragraphs : [schema.node('paragraph')]);
  }
  return sanitiseNarrativeHtml(renderToHTMLString({ content, extensions }));
}
