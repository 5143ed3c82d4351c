import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { formText } from '../components/formText.ts';

/** The start page: open the demo partnership or a workspace by its id. */
export function HomeScreen() {
  const navigate = useNavigate();
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);

  const handleOpen = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const id = formText(event.currentTarget, 'partnership');
    const parsed = PartnershipIdSchema.safeParse(id);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter a partnership id');
      return;
    }
    void navigate(`/w/${parsed.data}`);
  };

  return (
    <main id="main" className="page">
      <h1>Your partnerships</h1>
      <ul className="card-list">
        <li className="card">
          <h2>
            <Link to="/w/demo">Demo partnership</Link>
          </h2>
          <p>Sample data to try Common Ground with colleagues.</p>
        </li>
      </ul>
      <form className="card" onSubmit={handleOpen} noValidate>
        <h2>Open another workspace</h2>
        <label htmlFor={inputId}>Partnership id</label>
        {error ? (
          <p id={errorId} className="field-error">
            <span className="visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <input
          id={inputId}
          name="partnership"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <button type="submit">Open</button>
      </form>
    </main>
  );
}
