import type { Presence } from '../../shared/model/presence.ts';

/** What someone is looking at on the framework's pages, published as `viewing` in their presence. */
export const frameworkViewing = {
  overview: 'framework',
  outcome: (outcomeId: string) => `outcome:${outcomeId}`,
} as const;

/** The presence key of one field (`editing`), e.g. `outcome:<id>:description` or `metric:<id>:unit`. */
export function fieldKey(kind: 'outcome' | 'indicator' | 'metric', id: string, field: string): string {
  return `${kind}:${id}:${field}`;
}

const fieldWords: Record<string, string> = {
  statement: 'the statement',
  description: 'the description',
  name: 'a name',
  definition: 'a definition',
};

/** What someone on an outcome's page is doing, in words: "editing the description", or "viewing". */
export function activityWords(person: Presence): string {
  const [kind, , field] = (person.editing ?? '').split(':');
  if (!kind || !field) return 'viewing';
  if (kind === 'outcome') return `editing ${fieldWords[field] ?? 'the outcome'}`;
  return kind === 'indicator' ? 'editing an indicator' : 'editing a metric';
}

/**
 * The other people on one outcome's page right now, one entry per person: several tabs count once, and my own other
 * tabs are not "someone else".
 */
export function peopleOnOutcome(
  people: readonly Presence[],
  outcomeId: string,
  selfClientId: number | null,
): Presence[] {
  const selfUserId = people.find((person) => person.clientId === selfClientId)?.user.id;
  const seen = new Set<string>();
  return people.filter((person) => {
    if (person.user.id === selfUserId || person.viewing !== frameworkViewing.outcome(outcomeId)) return false;
    if (seen.has(person.user.id)) return false;
    seen.add(person.user.id);
    return true;
  });
}
