import { useCallback, useState } from 'react';
import {
  OutboxStatusSchema,
  type OutboxMessage,
  type OutboxMessageSummary,
  type OutboxStatus,
} from '../../../shared/schemas/mail.ts';
import { messageFor } from '../../api/ApiError.ts';
import { getOutboxMessage, listOutbox, retryOutboxMessage } from '../../api/mail.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { Page } from '../../components/Page.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { formatDateTime } from '../../format.ts';
import { useMe } from '../../session/useSession.ts';

const statusWords: Record<OutboxStatus, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
  kept: 'Kept (no SMTP server)',
  held: 'Held for a daily digest',
  digested: 'Sent in a digest',
};

const statusOptions = [
  { value: '', label: 'Every email' },
  ...OutboxStatusSchema.options.map((status) => ({ value: status, label: statusWords[status] })),
];

/** One email opened: its plain-text body (the HTML body says the same, styled). */
function MessageView({ message, onClose }: { message: OutboxMessage; onClose: () => void }) {
  return (
    <section className="section card" aria-labelledby="outbox-message-heading">
      <h2 id="outbox-message-heading">{message.subject}</h2>
      <p>
        To <strong>{message.to}</strong> · {statusWords[message.status]}
        {message.lastError ? ` · last error: ${message.lastError}` : ''}
      </p>
      <pre style={{ whiteSpace: 'pre-wrap' }}>{message.textBody}</pre>
      <button type="button" className="button--secondary" onClick={onClose}>
        Close this email
      </button>
    </section>
  );
}

/** Every email the app sent or keeps, for administrators: read them, and send failed ones again. */
export function OutboxScreen() {
  const { user } = useMe();
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const load = useCallback(
    (signal: AbortSignal) =>
      user.isAdmin ? listOutbox({ status: status || undefined, cursor }, signal) : Promise.resolve(null),
    [user.isAdmin, status, cursor],
  );
  const page = useApiData(load);
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const [notice, setNotice] = useState<{ kind: 'done' | 'problem'; text: string } | null>(null);

  const handleView = async (message: OutboxMessageSummary) => {
    setNotice(null);
    try {
      setOpen(await getOutboxMessage(message.id));
    } catch (error) {
      setNotice({ kind: 'problem', text: messageFor(error) });
    }
  };

  const handleRetry = async (message: OutboxMessageSummary) => {
    setNotice(null);
    try {
      await retryOutboxMessage(message.id);
      setNotice({ kind: 'done', text: `“${message.subject}” to ${message.to} will be sent again now.` });
      page.reload();
    } catch (error) {
      setNotice({ kind: 'problem', text: messageFor(error) });
    }
  };

  if (!user.isAdmin) {
    return (
      <Page title="Outbox">
        <h1>Outbox</h1>
        <p>Only instance administrators can read the outbox.</p>
      </Page>
    );
  }

  return (
    <Page title="Outbox">
      <h1>Outbox</h1>
      <p className="hint">
        Every email Common Ground has sent or is keeping, newest first. Failed emails were tried five times over about
        three hours.
      </p>
      {page.status === 'ready' && page.data && !page.data.smtpConfigured ? (
        <div className="notice" role="note">
          <p>
            No SMTP server is configured (<code>SMTP_URL</code>), so emails are kept here and not sent. Nothing is lost:
            read them here, or configure SMTP and send them again.
          </p>
        </div>
      ) : null}
      {notice?.kind === 'done' ? <SuccessNotice>{notice.text}</SuccessNotice> : null}
      {notice?.kind === 'problem' ? (
        <div className="notice notice--problem" role="alert">
          <p>{notice.text}</p>
        </div>
      ) : null}
      <SelectField
        id="outbox-status"
        name="status"
        label="Show"
        options={statusOptions}
        value={status}
        onChange={(event) => {
          const chosen = OutboxStatusSchema.safeParse(event.target.value);
          setStatus(chosen.success ? chosen.data : '');
          setCursor(undefined);
        }}
      />
      {open ? <MessageView message={open} onClose={() => setOpen(null)} /> : null}
      {page.status === 'loading' ? (
        <p className="loading" role="status">
          Loading the outbox…
        </p>
      ) : null}
      {page.status === 'failed' ? <LoadFailure what="The outbox" error={page.error} onRetry={page.reload} /> : null}
      {page.status === 'ready' && page.data?.messages.length === 0 ? <p>No emails here.</p> : null}
      {page.status === 'ready' && page.data && page.data.messages.length > 0 ? (
        <table className="table" data-testid="outbox-table">
          <caption className="visually-hidden">Emails, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">Sent</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.data.messages.map((message) => (
              <tr key={message.id}>
                <td className="table__nowrap">
                  <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                </td>
                <td>{message.to}</td>
                <td>{message.subject}</td>
                <td>{message.kind}</td>
                <td>{statusWords[message.status]}</td>
                <td>{message.attempts}</td>
                <td>{message.lastError ?? <span className="muted">—</span>}</td>
                <td className="table__nowrap">
                  {message.sentAt ? (
                    <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  <button type="button" className="button--secondary" onClick={() => void handleView(message)}>
                    View<span className="visually-hidden"> “{message.subject}”</span>
                  </button>
                  {message.status === 'failed' || (message.status === 'kept' && page.data?.smtpConfigured) ? (
                    <button type="button" className="button--secondary" onClick={() => void handleRetry(message)}>
                      Send again<span className="visually-hidden"> “{message.subject}”</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page.status === 'ready' && page.data?.nextCursor ? (
        <button
          type="button"
          className="button--secondary"
          onClick={() => setCursor(page.data?.nextCursor ?? undefined)}
        >
          Show older emails
        </button>
      ) : null}
      {cursor ? (
        <button type="button" className="button--secondary" onClick={() => setCursor(undefined)}>
          Back to the newest
        </button>
      ) : null}
    </Page>
  );
}
