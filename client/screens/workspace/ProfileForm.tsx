import { useId } from 'react';
import type * as Y from 'yjs';
import type { Presence } from '../../../shared/model/presence.ts';
import { maxPartnershipDescriptionLength, maxPartnershipNameLength } from '../../../shared/model/partnershipProfile.ts';
import { useSharedTextField } from '../../sync/useSharedTextField.ts';
import { FieldPresence } from '../../components/FieldPresence.tsx';

interface ProfileFormProps {
  name: Y.Text | null;
  description: Y.Text | null;
  /** Why the fields cannot be changed, or null when they can. */
  readOnlyReason: string | null;
  /** Why the name cannot be changed (only facilitators rename), or null when it can. */
  nameReadOnlyReason: string | null;
  people: Presence[];
  selfClientId: number | null;
  onEditingChange: (field: string | undefined) => void;
}

/** The partnership's name and description, co-edited live; every keystroke is saved as it is typed. */
export function ProfileForm({
  name,
  description,
  readOnlyReason,
  nameReadOnlyReason,
  people,
  selfClientId,
  onEditingChange,
}: ProfileFormProps) {
  const readOnly = readOnlyReason !== null;
  const nameReadOnly = nameReadOnlyReason !== null;
  const nameId = useId();
  const descriptionId = useId();
  const hintId = useId();
  const nameHintId = useId();
  const nameRef = useSharedTextField<HTMLInputElement>(name, maxPartnershipNameLength);
  const descriptionRef = useSharedTextField<HTMLTextAreaElement>(description, maxPartnershipDescriptionLength);

  return (
    <section className="card" aria-labelledby={`${nameId}-heading`}>
      <h2 id={`${nameId}-heading`}>Partnership profile</h2>
      {readOnly ? (
        <p id={hintId} className="notice notice--info" data-testid="read-only-notice">
          <strong>Read only.</strong> {readOnlyReason}
        </p>
      ) : (
        <p id={hintId} className="hint">
          Changes save as you type and appear for everyone in this workspace.
        </p>
      )}
      <div className="field">
        <label htmlFor={nameId}>Partnership name</label>
        <FieldPresence people={people} field="profile.name" selfClientId={selfClientId} />
        {nameReadOnly && !readOnly ? (
          <p id={nameHintId} className="hint">
            {nameReadOnlyReason}
          </p>
        ) : null}
        <input
          id={nameId}
          ref={nameRef}
          maxLength={maxPartnershipNameLength}
          readOnly={nameReadOnly}
          aria-describedby={nameReadOnly && !readOnly ? `${hintId} ${nameHintId}` : hintId}
          onFocus={() => (nameReadOnly ? undefined : onEditingChange('profile.name'))}
          onBlur={() => onEditingChange(undefined)}
          data-testid="profile-name"
        />
      </div>
      <div className="field">
        <label htmlFor={descriptionId}>Description</label>
        <FieldPresence people={people} field="profile.description" selfClientId={selfClientId} />
        <textarea
          id={descriptionId}
          ref={descriptionRef}
          rows={6}
          maxLength={maxPartnershipDescriptionLength}
          readOnly={readOnly}
          aria-describedby={hintId}
          onFocus={() => (readOnly ? undefined : onEditingChange('profile.description'))}
          onBlur={() => onEditingChange(undefined)}
          data-testid="profile-description"
        />
      </div>
    </section>
  );
}
