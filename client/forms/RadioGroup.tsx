import type { ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';

export interface RadioOption<V extends string = string> {
  value: V;
  label: string;
  hint?: ReactNode;
}

/** Uncontrolled (read from the form on submit), or controlled where the screen changes as you choose. */
type RadioGroupChoice<V extends string> =
  | { defaultValue?: V; value?: never; onChange?: never }
  | { value: V; onChange: (value: V) => void; defaultValue?: never };

type RadioGroupProps<V extends string> = RadioGroupChoice<V> & {
  /** The id of the first radio, which the error summary links to. */
  id: string;
  name: string;
  legend: string;
  hint?: ReactNode;
  options: readonly RadioOption<V>[];
  error?: string | undefined;
};

/** A group of radios under a legend, each option with its own hint. */
export function RadioGroup<V extends string>({
  id,
  name,
  legend,
  hint,
  options,
  defaultValue,
  value,
  onChange,
  error,
}: RadioGroupProps<V>) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy || undefined}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div id={hintId} className="hint">
            {hint}
          </div>
        ) : null}
        <FieldError id={errorId} message={error} />
        <div className="radios">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            const optionHintId = `${optionId}-hint`;
            const choice = onChange
              ? { checked: option.value === value, onChange: () => onChange(option.value) }
              : { defaultChecked: option.value === defaultValue };
            return (
              <div className="radio" key={option.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={name}
                  value={option.value}
                  {...choice}
                  aria-describedby={option.hint ? optionHintId : undefined}
                />
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <div id={optionHintId} className="hint choice-hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
