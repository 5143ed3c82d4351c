import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';

/** Shown for any address the app does not know. */
export function NotFoundScreen() {
  return (
    <Page title="Page not found">
      <h1>Page not found</h1>
      <p>If you typed the address, check it is correct. If you followed a link, it may be out of date.</p>
      <p>
        Go to <Link to="/">your partnerships</Link>.
      </p>
    </Page>
  );
}
