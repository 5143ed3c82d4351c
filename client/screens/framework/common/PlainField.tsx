import { useState } from 'react';
import { FieldPresence } from '../../../components/FieldPresence.tsx';
import { FieldError } from '../../../forms/FieldError.tsx';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';

interface PlainFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** The value in the doc now. */
  value: string;
  maxLength: number;
  viewing: string;
  presenceKey: string;
  /** Why a value cannot be saved ("A Fingertips id is digits only"), or null when it can. */
  validate?: (value: string) => string | null;
  /** Saves a valid value. */
  onCommit: (value: string) => void;
  /**
   * `input` saves every keystroke (nothing typed is lost); `blur` saves on leaving the field or Enter, for values
   * that are parsed as a whole (a list of breakdowns).
   */
  commitOn?: 'input' | 'blur';
}

/**
 * A short field whose value is replaced whole (last writer wins), such as a unit or a source. While someone types,
 * they see their own draft; otherwise the field shows the doc's value as others change it. An invalid value is
 * kept in the field with the error beside it, and not saved.
 */
export function PlainField({
  id,
  label,
  hint,
  value,
  maxLength,
  viewing,
  presenceKey,
  validate,
  onCommit,
  commitOn = 'input',
}: PlainFieldProps) {
  const { doc, people, canEdit, setActivity } = useWorkspaceDoc();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  const commit = (next: string): string | null => {
    const problem = validate?.(next) ?? null;
    setError(problem);
    if (problem === null && next !== value) onCommit(next);
    return problem;
  };
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      <FieldPresence people={people} field={presenceKey} selfClientId={doc?.clientID ?? null} />
      <FieldError id={errorId} message={error} />
      <input
        id={id}
        value={draft ?? value}
        maxLength={maxLength}
        readOnly={!canEdit}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onFocus={() => {
          if (!canEdit) return;
          setDraft(value);
          setActivity({ viewing, editing: presenceKey });
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          if (commitOn === 'input') commit(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && commitOn === 'blur') commit(event.currentTarget.value);
        }}
        onBlur={(event) => {
          const problem = commitOn === 'blur' ? commit(event.target.value) : error;
          // An invalid value stays in the field beside its error, so nothing typed disappears.
          if (problem === null) setDraft(null);
          setActivity({ viewing, editing: undefined });
        }}
      />
    </div>
  );
}
