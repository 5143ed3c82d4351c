import type { Presence } from '../../../shared/model/presence.ts';

/** What a person on an action's page is viewing, for presence. */
export function actionPresenceKey(actionId: string): string {
  return `toc.action:${actionId}`;
}

/** A field of an action (name, provider, …) someone is editing. */
export function actionFieldKey(actionId: string, field: string): string {
  return `toc.action:${actionId}.${field}`;
}

/** A field of a link (mechanism, an assumption) someone is editing. */
export function linkFieldKey(linkId: string, field: string): string {
  return `toc.link:${linkId}.${field}`;
}

/** Other people on an action's page, one entry per person, each with whether they are typing in it now. */
export function peopleOnAction(
  people: readonly Presence[],
  actionId: string,
  selfClientId: number | null,
): { name: string; editing: boolean }[] {
  const byUser = new Map<string, { name: string; editing: boolean }>();
  for (const person of people) {
    if (person.clientId === selfClientId || person.viewing !== actionPresenceKey(actionId)) continue;
    const editing = Boolean(person.editing);
    const known = byUser.get(person.user.id);
    byUser.set(person.user.id, { name: person.user.name, editing: editing || (known?.editing ?? false) });
  }
  return [...byUser.values()];
}

/** "Sam Lee is editing", "Sam Lee and Ana Diaz are here" — who else is on an action, in words. */
export function presenceSentence(others: readonly { name: string; editing: boolean }[]): string {
  if (others.length === 0) return '';
  const names = others.map((other) => other.name);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  const verb = names.length === 1 ? 'is' : 'are';
  return others.some((other) => other.editing) ? `${list} ${verb} editing` : `${list} ${verb} here`;
}
