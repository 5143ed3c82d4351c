import { useEffect, useRef, type MouseEvent } from 'react';
import type { FormError } from './validate.ts';

interface ErrorSummaryProps {
  errors: readonly FormError[];
  fieldId: (field: string) => string;
}

/**
 * "There is a problem": every error of a form, at its top, each linked to its field. Takes focus when it
 * appears so keyboard and screen reader users hear it at once.
 */
export function ErrorSummary({ errors, fieldId }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;

  // Move focus to the field itself (a plain fragment link only scrolls) and show its label above it.
  const handleClick = (event: MouseEvent<HTMLAnchorElement>, id: string): void => {
    const field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field.closest('fieldset');
    (label ?? field).scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  };

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <h2 className="error-summary__title">There is a problem</h2>
      <ul className="error-summary__list">
        {errors.map((error, index) => (
          <li key={`${error.field ?? 'form'}-${index}`}>
            {error.field === null ? (
              error.message
            ) : (
              <a href={`#${fieldId(error.field)}`} onClick={(event) => handleClick(event, fieldId(error.field!))}>
                {error.message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
