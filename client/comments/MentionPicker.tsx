import { useId } from 'react';
import type { Member } from '../../shared/schemas/partnerships.ts';

/** Checkboxes for the partnership's members to mention; they are told in their mentions inbox. */
export function MentionPicker({
  members,
  selected,
  onChange,
}: {
  members: readonly Member[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  const id = useId();
  if (members.length === 0) return null;
  const names = members.filter((m) => selected.includes(m.userId)).map((m) => m.displayName);
  return (
    <details className="mention-picker">
      <summary>Mention someone{names.length > 0 ? ` (${names.join(', ')})` : ''}</summary>
      <fieldset className="fieldset">
        <legend className="visually-hidden">People to mention</legend>
        <div className="mention-picker__list">
          {members.map((member) => {
            const checkboxId = `${id}-${member.userId}`;
            return (
              <div className="checkbox" key={member.userId}>
                <input
                  type="checkbox"
                  id={checkboxId}
                  checked={selected.includes(member.userId)}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? [...selected, member.userId]
                        : selected.filter((userId) => userId !== member.userId),
                    )
                  }
                />
                <label htmlFor={checkboxId}>
                  {member.displayName} <span className="muted">({member.organisation})</span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </details>
  );
}
