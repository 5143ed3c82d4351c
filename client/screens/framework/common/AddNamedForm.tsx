import { useId, useRef, useState, type FormEvent } from 'react';
import { FieldError } from '../../../forms/FieldError.tsx';

interface AddNamedFormProps {
  /** The opening button's words, e.g. "Add a metric". */
  action: string;
  /** Where it adds, read after the action by screen readers ("to Injury admissions"). */
  context: string;
  label: string;
  hint?: string;
  maxLength: number;
  /** What to say when the name is left empty. */
  emptyMessage: string;
  onAdd: (name: string) => void;
}

/**
 * A button that opens a one-field form to add something by name; it closes after adding and focus returns to the
 * button, so the next add is one key away. Escape (or Cancel) closes it too.
 */
export function AddNamedForm({ action, context, label, hint, maxLength, emptyMessage, onAdd }: AddNamedFormProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const close = (): void => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => openerRef.current?.focus());
  };
  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const name = inputRef.current?.value.trim() ?? '';
    if (name === '') {
      setError(emptyMessage);
      inputRef.current?.focus();
      return;
    }
    onAdd(name);
    close();
  };
  if (!open) {
    return (
      <button
        type="button"
        ref={openerRef}
        className="button--secondary button--small"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      >
        {action}
        <span className="visually-hidden"> {context}</span>
      </button>
    );
  }
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <form
      className="add-named panel"
      onSubmit={handleSubmit}
      onKeyDown={(event) => event.key === 'Escape' && close()}
      noValidate
    >
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={`${id}-name`}>{label}</label>
        {hint ? (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        ) : null}
        <FieldError id={`${id}-error`} message={error} />
        <input
          id={`${id}-name`}
          ref={inputRef}
          maxLength={maxLength}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      </div>
      <div className="button-group">
        <button type="submit" className="button--small">
          {action}
        </button>
        <button type="button" className="link-button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
