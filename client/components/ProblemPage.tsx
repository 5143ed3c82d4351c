import { Link } from 'react-router';
import { Page } from './Page.tsx';

interface ProblemPageProps {
  title: string;
  message: string;
  onRetry?: () => void;
}

/** A whole screen that could not be shown, said plainly, with a way forward. */
export function ProblemPage({ title, message, onRetry }: ProblemPageProps) {
  return (
    <Page title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
      <p>
        <Link to="/">Go to your partnerships</Link>
      </p>
    </Page>
  );
}
