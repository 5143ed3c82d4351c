import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Narrower input for short answers such as codes. */
  width?: 'full' | 'short';
}

/** A labelled text input with its hint and inline error, described to assistive technology. */
export function TextField({ id, name, label, hint, error, width = 'full', ...input }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      <FieldError id={errorId} message={error} />
      <input
        id={id}
        name={name}
        className={width === 'short' ? 'input--short' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}
