import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { addOutcome, domainLabel, levelLabel } from '../../../../shared/model/framework/index.ts';
import { frameworkLimits, type Domain, type Level } from '../../../../shared/schemas/framework.ts';
import { FieldError } from '../../../forms/FieldError.tsx';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';

/**
 * "Add an outcome" in one grid cell: opens a one-field form that stays open after each add, so a cell can be built out
 * quickly by keyboard. The new outcome is local (added for this place) and can be undone.
 */
export function AddOutcomeForm({ domain, level }: { domain: Domain; level: Level }) {
  const { doc } = useWorkspaceDoc();
  const { perform } = useFramework();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const cellName = `${domainLabel(domain)}, ${levelLabel(level).toLowerCase()}`;

  const close = (): void => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => openerRef.current?.focus());
  };
  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = inputRef.current;
    if (!doc || !input) return;
    const statement = input.value.trim();
    if (statement === '') {
      setError('Enter the outcome, for example “Children are safe at home”');
      input.focus();
      return;
    }
    perform(`Added the outcome “${statement}”`, () => {
      addOutcome(doc, { domain, level, statement, scope: 'local' });
    });
    input.value = '';
    setError(null);
    input.focus();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Escape') close();
  };

  if (!open) {
    return (
      <button
        type="button"
        ref={openerRef}
        className="button--secondary button--small add-outcome__open"
        onClick={() => {
          setOpen(true);
          requestAnimationFrame(() => inputRef.current?.focus());
        }}
      >
        Add an outcome<span className="visually-hidden"> to {cellName}</span>
      </button>
    );
  }
  return (
    <form className="add-outcome" onSubmit={handleSubmit} onKeyDown={handleKeyDown} noValidate>
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={`${id}-statement`}>
          New outcome<span className="visually-hidden"> in {cellName}</span>
        </label>
        <FieldError id={`${id}-error`} message={error} />
        <input
          id={`${id}-statement`}
          ref={inputRef}
          maxLength={frameworkLimits.statement}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoComplete="off"
        />
      </div>
      <div className="button-group">
        <button type="submit" className="button--small">
          Add
        </button>
        <button type="button" className="link-button" onClick={close}>
          Done
        </button>
      </div>
    </form>
  );
}
