import { Page } from './Page.tsx';

/** Shown while a screen's code or data is on its way. */
export function LoadingPage() {
  return (
    <Page title="Loading">
      <p className="loading" role="status">
        Loading…
      </p>
    </Page>
  );
}
