import { useId, useState, type FormEvent } from 'react';
import { formText } from './formText.ts';

/** Asks for the name others will see next to this person's edits. */
export function NamePrompt({ onSubmit }: { onSubmit: (name: string) => void }) {
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const name = formText(event.currentTarget, 'name');
    if (name.length === 0) setError('Enter your name');
    else if (name.length > 60) setError('Name must be 60 characters or fewer');
    else onSubmit(name);
  };

  return (
    <form className="card name-prompt" onSubmit={handleSubmit} noValidate>
      <h2>Who are you?</h2>
      <p>Your name is shown to others in this workspace next to what you are editing.</p>
      <label htmlFor={inputId}>Your name</label>
      {error ? (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        id={inputId}
        name="name"
        autoComplete="name"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <button type="submit">Continue</button>
    </form>
  );
}
