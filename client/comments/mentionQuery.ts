import type { Member } from '../../shared/schemas/partnerships.ts';

/** An `@` being typed: where it starts in the text and the words typed after it so far. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** The longest name fragment looked up after an `@` (names are short; past this it is ordinary text). */
const maxQueryLength = 40;

/**
 * The mention being typed at the caret, if any: an `@` at the start of the text or after a space, bracket or quote,
 * followed by at most a few words with no line break. Email addresses (`ana@example.org`) are not mentions.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  const previous = at === 0 ? ' ' : before[at - 1]!;
  if (!/[\s([{"'“‘]/.test(previous)) return null;
  const query = before.slice(at + 1);
  // A space after the words closes it (a finished name, or ordinary text), until another letter is typed.
  if (query.length > maxQueryLength || /[\n@]/.test(query) || /^\s|\s$/.test(query)) return null;
  return { start: at, query };
}

/** Members whose name (any word of it) or organisation starts with the query, case and accents aside; at most `limit`. */
export function matchingMembers(members: readonly Member[], query: string, limit = 8): Member[] {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLocaleLowerCase('en-GB');
  const wanted = fold(query.trim());
  const starts = (text: string) =>
    fold(text).startsWith(wanted) ||
    fold(text)
      .split(/\s+/)
      .some((word) => word.startsWith(wanted));
  return members.filter((member) => starts(member.displayName) || starts(member.organisation)).slice(0, limit);
}

/** The text with the typed `@query` replaced by `@Name `, and where the caret goes after it. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  displayName: string,
): { text: string; caret: number } {
  const inserted = `@${displayName} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, mention.start) + inserted + after, caret: mention.start + inserted.length };
}
