import { Link } from 'react-router';

/** Shown for any address the app does not know. */
export function NotFoundScreen() {
  return (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p>
        Check the address, or go back to <Link to="/">your partnerships</Link>.
      </p>
    </main>
  );
}
