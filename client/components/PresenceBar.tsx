import type { Presence } from '../../shared/model/presence.ts';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** Who is in this workspace right now; the current person is listed first as "you". */
export function PresenceBar({ people, selfClientId }: { people: Presence[]; selfClientId: number | null }) {
  const ordered = [...people].sort((a, b) => Number(b.clientId === selfClientId) - Number(a.clientId === selfClientId));
  // One chip per person, even with several tabs open.
  const seen = new Set<string>();
  const unique = ordered.filter((p) => (seen.has(p.user.id) ? false : (seen.add(p.user.id), true)));
  return (
    <section className="presence-bar" aria-label="People here now">
      <h2 className="visually-hidden">People here now</h2>
      <ul className="presence-bar__list" data-testid="presence-list">
        {unique.map((person) => {
          const isSelf = person.clientId === selfClientId;
          return (
            <li
              key={person.clientId}
              className="presence-chip"
              title={`${person.user.name}, ${person.user.organisation}`}
            >
              <span
                className="presence-chip__avatar"
                style={{ backgroundColor: person.user.colour }}
                aria-hidden="true"
              >
                {initials(person.user.name)}
              </span>
              <span className="presence-chip__name">
                {person.user.name}
                {isSelf ? ' (you)' : ''}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="presence-bar__count">
        {unique.length === 1 ? 'Only you are here' : `${unique.length} people here`}
      </p>
    </section>
  );
}
