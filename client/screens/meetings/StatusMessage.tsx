/**
 * A polite live region that is always on the page, so what it says after a change ("Agenda saved") is announced;
 * a region added together with its text is often missed by screen readers.
 */
export function StatusMessage({ message, testId }: { message: string; testId?: string }) {
  return (
    <p className="status-message" role="status" data-testid={testId}>
      {message}
    </p>
  );
}
