import type { ReactNode } from 'react';
import { FieldError } from '../../forms/FieldError.tsx';

interface ChoiceGroupProps<V extends string> {
  id: string;
  legend: string;
  hint?: ReactNode;
  options: readonly { value: V; label: string; hint?: string }[];
  value: V;
  onChange: (value: V) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** A controlled group of radios under a legend, each with its own hint (the round builder changes as you choose). */
export function ChoiceGroup<V extends string>({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  disabled,
}: ChoiceGroupProps<V>) {
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
            return (
              <div className="radio" key={option.value}>
                <input
                  type="radio"
                  id={optionId}
                  name={id}
                  value={option.value}
                  checked={value === option.value}
                  disabled={disabled}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? (
                  <div id={`${optionId}-hint`} className="hint choice-hint">
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
