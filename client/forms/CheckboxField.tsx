import type { ReactNode } from 'react';

interface CheckboxFieldProps {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  defaultChecked?: boolean;
  disabled?: boolean;
}

/** A single labelled checkbox with a hint, GOV.UK style (large target, label beside the box). */
export function CheckboxField({ id, name, label, hint, defaultChecked = false, disabled = false }: CheckboxFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={defaultChecked}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <div id={hintId} className="hint choice-hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
