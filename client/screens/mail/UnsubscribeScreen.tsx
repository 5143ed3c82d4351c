import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { getUnsubscribe, unsubscribe } from '../../api/mail.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemPage } from '../../components/ProblemPage.tsx';

/** Where an email's unsubscribe link lands: whose emails it stops, and one button. No sign-in needed. */
export function UnsubscribeScreen() {
  const { token = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getUnsubscribe(token, signal), [token]);
  const preview = useApiData(load);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const handleUnsubscribe = async () => {
    setSending(true);
    setProblem(null);
    try {
      await unsubscribe(token);
      setDone(true);
    } catch (error) {
      setProblem(messageFor(error));
    } finally {
      setSending(false);
    }
  };

  if (preview.status === 'loading') return <LoadingPage />;
  if (preview.status === 'failed') {
    if (preview.error instanceof ApiError && preview.error.status === 404) {
      return (
        <Page title="This unsubscribe link is not recognised">
          <div className="narrow">
            <h1>This unsubscribe link is not recognised</h1>
            <p>
              <Link to="/account#notifications-heading">Sign in and change your email settings</Link> on your account
              page instead.
            </p>
          </div>
        </Page>
      );
    }
    return (
      <ProblemPage title="This link could not be opened" message={messageFor(preview.error)} onRetry={preview.reload} />
    );
  }

  const alreadyOff = preview.data.mode === 'off';
  return (
    <Page title="Stop emails from Common Ground">
      <div className="narrow">
        <h1>Stop emails from Common Ground</h1>
        {done ? (
          <SuccessNotice>
            Common Ground will not email {preview.data.displayName} any more. You can turn emails on again on your{' '}
            <Link to="/account#notifications-heading">account page</Link>.
          </SuccessNotice>
        ) : (
          <>
            <p className="lead">
              This link stops every notification email to <strong>{preview.data.displayName}</strong>: mentions, rounds,
              decisions, actions and reviews.
            </p>
            {alreadyOff ? <p>Emails are already off for this account.</p> : null}
            {problem ? (
              <div className="notice notice--problem" role="alert">
                <p>{problem}</p>
              </div>
            ) : null}
            <button type="button" onClick={() => void handleUnsubscribe()} disabled={sending}>
              {sending ? 'Stopping emails…' : 'Stop all emails'}
            </button>
          </>
        )}
      </div>
    </Page>
  );
}
