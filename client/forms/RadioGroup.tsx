import type { ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';

export interface RadioOption {
  value: string;
  label: string;
  hint?: ReactNode;
}

interface RadioGroupProps {
  /** The id of the first radio, which the error summary links to. */
  id: string;
  name: string;
  legend: string;
  hint?: ReactNode;
  options: readonly RadioOption[];
  defaultValue?: string;
  error?: string | undefined;
}

/** A group of radios under a legend, each option with its own hint. */
export function RadioGroup({ id, name, legend, hint, options, defaultValue, error }: RadioGroupProps) {
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
            return (
              <div className="radio" key={option.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={name}
                  value={option.value}
                  defaultChecked={option.value === defaultValue}
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
