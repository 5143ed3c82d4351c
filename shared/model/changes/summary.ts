import { ChangeDomainSchema, changeDomainLabels, type Change } from '../../schemas/cycles.ts';

const attentionPhrases: Readonly<Record<string, string>> = {
  'versus-england': 'worse than England',
  'versus-region': 'worse than the region',
  'versus-comparators': 'worse than comparator areas',
  trend: 'getting significantly worse',
};

const kindWords: Readonly<Record<Change['kind'], string>> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  moved: 'moved',
};

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Names in a sentence: "A", "A and B", "A, B and 3 more". */
function names(labels: readonly string[]): string {
  const quoted = labels.map((label) => `“${label}”`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length <= 4) return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
  return `${quoted.slice(0, 3).join(', ')} and ${quoted.length - 3} more`;
}

/** The sentences about what needs attention: metrics that moved to worse than a comparator, or to a worsening trend. */
function attentionSentences(changes: readonly Change[]): string[] {
  const sentences: string[] = [];
  for (const [field, phrase] of Object.entries(attentionPhrases)) {
    const labels = [
      ...new Set(
        changes.filter((entry) => entry.attention && entry.field === field).map((entry) => entry.entity.label),
      ),
    ];
    if (labels.length === 0) continue;
    const verb = labels.length === 1 ? 'is' : 'are';
    sentences.push(`${count(labels.length, 'metric', 'metrics')} ${verb} now ${phrase}: ${names(labels)}.`);
  }
  return sentences;
}

/** The count of changes per domain, in the order the comparison groups them. */
function domainSentence(changes: readonly Change[]): string {
  const parts: string[] = [];
  for (const domain of ChangeDomainSchema.options) {
    const inDomain = changes.filter((entry) => entry.domain === domain);
    if (inDomain.length === 0) continue;
    const kinds = (Object.keys(kindWords) as Change['kind'][])
      .map((kind) => [kind, inDomain.filter((entry) => entry.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kindWords[kind]}`);
    parts.push(`${changeDomainLabels[domain].toLowerCase()} (${kinds.join(', ')})`);
  }
  return `${count(changes.length, 'change', 'changes')}: ${parts.join('; ')}.`;
}

/**
 * One paragraph a board chair reads first: what needs attention, named, then how many changes there were in each
 * part of the partnership's work.
 */
export function summarise(changes: readonly Change[]): string {
  if (changes.length === 0) return 'Nothing changed between these two versions.';
  return [...attentionSentences(changes), domainSentence(changes)].join(' ');
}
