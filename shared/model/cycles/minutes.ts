import type * as Y from 'yjs';
import { narrativePlainText } from '../narratives/text.ts';

/**
 * A meeting's minutes are a narrative in the workspace doc (written together in the same editor as the needs
 * assessment), a top-level Y.XmlFragment named `minutes:<meetingId>`; so every version holds the minutes as they were.
 */
export function minutesKey(meetingId: string): string {
  return `minutes:${meetingId}`;
}

/** The Y.XmlFragment holding a meeting's minutes. */
export function minutesFragment(doc: Y.Doc, meetingId: string): Y.XmlFragment {
  return doc.getXmlFragment(minutesKey(meetingId));
}

/** The minutes as plain paragraphs (for the board pack), without creating the fragment when nothing is written. */
export function minutesParagraphs(doc: Y.Doc, meetingId: string): string[] {
  if (!doc.share.has(minutesKey(meetingId))) return [];
  return narrativePlainText(minutesFragment(doc, meetingId))
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
