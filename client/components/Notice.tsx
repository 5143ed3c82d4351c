import type { ReactNode } from 'react';

/**
 * A confirmation that something worked ("Invitation revoked"). Announced politely; the word "Success" is in the
 * heading so the meaning never rests on the green colour alone.
 */
export function SuccessNotice({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="notice notice--success" role="status" data-testid={testId}>
      <p className="notice__title">Success</p>
      <div className="notice__body">{children}</div>
    </div>
  );
}
