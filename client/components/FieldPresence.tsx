import type { Presence } from '../../shared/model/presence.ts';

/** Names of the other people editing one field, shown beside it. */
export function FieldPresence({
  people,
  field,
  selfClientId,
}: {
  people: Presence[];
  field: string;
  selfClientId: number | null;
}) {
  const editors = people.filter((p) => p.editing === field && p.clientId !== selfClientId);
  if (editors.length === 0) return null;
  const names = editors.map((p) => p.user.name).join(', ');
  return (
    <p className="field-presence" data-testid={`field-presence-${field}`}>
      {editors.map((p) => (
        <span
          key={p.clientId}
          className="field-presence__swatch"
          style={{ backgroundColor: p.user.colour }}
          aria-hidden="true"
        />
      ))}
      {names} {editors.length === 1 ? 'is' : 'are'} editing
    </p>
  );
}
