import type { Presence } from '../../../../shared/model/presence.ts';
import { activityWords } from '../../../framework/presenceKeys.ts';

/** Who else is on this outcome right now and what they are doing, beside its heading. */
export function OutcomePresence({ here }: { here: readonly Presence[] }) {
  if (here.length === 0) return null;
  return (
    <p className="outcome-presence" data-testid="outcome-presence">
      <strong>Also here:</strong>{' '}
      {here.map((person, index) => (
        <span key={person.clientId} className="outcome-presence__person">
          {index > 0 ? ', ' : ''}
          <span
            className="field-presence__swatch"
            style={{ backgroundColor: person.user.colour }}
            aria-hidden="true"
          />{' '}
          {person.user.name} ({activityWords(person)})
        </span>
      ))}
    </p>
  );
}
