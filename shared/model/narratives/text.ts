import * as Y from 'yjs';

// Elements after which plain text starts a new line, so exported text and word counts keep words apart.
const blockElements = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'listItem',
  'tableRow',
  'horizontalRule',
  'bulletList',
  'orderedList',
  'table',
]);

function appendText(node: Y.XmlElement | Y.XmlText | Y.XmlFragment, parts: string[]): void {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') parts.push(op.insert);
    return;
  }
  if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') {
    parts.push('\n');
    return;
  }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) appendText(child, parts);
    if (child instanceof Y.XmlElement && (child.nodeName === 'tableCell' || child.nodeName === 'tableHeader')) {
      parts.push('\t');
    }
  }
  if (node instanceof Y.XmlElement && blockElements.has(node.nodeName)) parts.push('\n');
}

/** A narrative's words as plain text, one line per paragraph, heading, list item or table row. */
export function narrativePlainText(fragment: Y.XmlFragment): string {
  const parts: string[] = [];
  appendText(fragment, parts);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** How many words a text holds: runs of letters or digits, so punctuation and list markers are not counted. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** How many words a narrative holds. */
export function narrativeWordCount(fragment: Y.XmlFragment): number {
  return countWords(narrativePlainText(fragment));
}
