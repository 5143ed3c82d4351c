import type * as Y from 'yjs';
import type { Change } from '../../schemas/cycles.ts';
import { minutesFragment } from '../cycles/minutes.ts';
import { domainLabel } from '../framework/domains.ts';
import { readIndicator, readOutcome } from '../framework/entities.ts';
import { narrativeFragment, readLastEdited } from '../narratives/fragments.ts';
import { parseNarrativeKey } from '../narratives/keys.ts';
import { countWords, narrativePlainText } from '../narratives/text.ts';
import { change, type ComparisonContext } from './context.ts';

const minutesPrefix = 'minutes:';

/** What a narrative is called, or null when a top-level name is not a narrative's. */
function narrativeLabel(docs: readonly Y.Doc[], key: string): string | null {
  if (key.startsWith(minutesPrefix)) return 'Minutes of a meeting';
  const target = parseNarrativeKey(key);
  if (!target) return null;
  if (target.kind === 'domain') return `Needs assessment: ${domainLabel(target.domain)}`;
  for (const doc of docs) {
    const options = { includeDeleted: true };
    const label =
      target.kind === 'outcome'
        ? readOutcome(doc, target.id, options)?.statement
        : readIndicator(doc, target.id, options)?.name;
    if (label) return `Story behind the curve: ${label}`;
  }
  return 'Story behind the curve';
}

function plainText(doc: Y.Doc, key: string): string {
  if (!doc.share.has(key)) return '';
  const fragment = key.startsWith(minutesPrefix)
    ? minutesFragment(doc, key.slice(minutesPrefix.length))
    : narrativeFragment(doc, key);
  return narrativePlainText(fragment);
}

/**
 * Narratives (the needs assessment, stories behind the curve, meeting minutes) whose text changed: one change per
 * narrative with its word counts before and after, attributed to whoever wrote its newest words (or, failing that,
 * to whoever the narrative records as its last editor, when that record is new).
 */
export function narrativeChanges(context: ComparisonContext): Change[] {
  const keys = new Set([...context.older.doc.share.keys(), ...context.newer.doc.share.keys()]);
  const docs = [context.newer.doc, context.older.doc];
  const changes: Change[] = [];
  for (const key of [...keys].sort()) {
    const label = narrativeLabel(docs, key);
    if (label === null) continue;
    const before = plainText(context.older.doc, key);
    const after = plainText(context.newer.doc, key);
    if (before === after) continue;
    const [wordsBefore, wordsAfter] = [countWords(before), countWords(after)];
    const wasEdited = readLastEdited(context.older.doc, key);
    const edited = readLastEdited(context.newer.doc, key);
    const recorded = edited && edited.at !== wasEdited?.at ? { id: edited.byId, name: edited.byName } : null;
    const fragment = context.newer.doc.share.has(key) ? context.newer.doc.share.get(key)! : null;
    changes.push(
      change(
        'narratives',
        'changed',
        { type: 'narrative', id: key, label },
        {
          field: 'text',
          before: wordsBefore,
          after: wordsAfter,
          words: before === '' ? `Written: ${wordsAfter} words` : `Edited: ${wordsAfter} words (was ${wordsBefore})`,
          by: context.attribution.ofContent([fragment]) ?? recorded,
        },
      ),
    );
  }
  return changes;
}
