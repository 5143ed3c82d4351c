import { ChangeDomainSchema, type Change } from '../../schemas/cycles.ts';
import { Attribution } from './attribution.ts';
import { concernChanges } from './concerns.ts';
import type { AuthorOf, ComparisonContext, VersionContent } from './context.ts';
import { dataMappingChanges } from './dataMapping.ts';
import { evidenceChanges } from './evidence.ts';
import { commentChanges, decisionChanges } from './facts.ts';
import { frameworkChanges } from './framework.ts';
import { FrameworkReads } from './frameworkReads.ts';
import { narrativeChanges } from './narratives.ts';
import { priorityChanges } from './priorities.ts';
import { summarise } from './summary.ts';
import { theoryOfChangeChanges } from './theoryOfChange.ts';

const domainRank = new Map(ChangeDomainSchema.options.map((domain, index) => [domain, index]));

/** Attention first, then by domain in the order the comparison groups them, then by label, then as found. */
function compareChanges(a: Change, b: Change): number {
  return (
    Number(b.attention) - Number(a.attention) ||
    (domainRank.get(a.domain) ?? 0) - (domainRank.get(b.domain) ?? 0) ||
    a.entity.label.localeCompare(b.entity.label, 'en-GB')
  );
}

/**
 * What changed between two versions of a partnership: every change, attention first, and a paragraph summing them
 * up. `older` and `newer` must be two states of the same workspace document (newer containing older) for changes
 * to be attributed; `authorOf` names the person behind a Yjs client id.
 */
export function compareVersions(
  older: VersionContent,
  newer: VersionContent,
  options: { authorOf?: AuthorOf } = {},
): { summary: string; changes: Change[] } {
  const context: ComparisonContext = {
    older,
    newer,
    attribution: new Attribution(older.doc, options.authorOf),
    frameworks: new FrameworkReads(),
  };
  const changes = [
    ...frameworkChanges(context),
    ...dataMappingChanges(context),
    ...evidenceChanges(context),
    ...priorityChanges(context),
    ...theoryOfChangeChanges(context),
    ...concernChanges(context),
    ...commentChanges(context),
    ...decisionChanges(context),
    ...narrativeChanges(context),
  ].sort(compareChanges);
  return { summary: summarise(changes), changes };
}
