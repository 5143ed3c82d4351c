import { useCallback, useState } from 'react';
import { NotificationModeSchema, type NotificationMode } from '../../../shared/schemas/mail.ts';
import { messageFor } from '../../api/ApiError.ts';
import { getNotificationPreferences, setNotificationMode } from '../../api/mail.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { RadioGroup, type RadioOption } from '../../forms/RadioGroup.tsx';
import { choiceValue } from '../../forms/formValues.ts';

const options: readonly RadioOption<NotificationMode>[] = [
  {
    value: 'immediately',
    label: 'Immediately',
    hint: 'An email each time: a mention, voting opening or closing soon, a decision, an action for you.',
  },
  { value: 'daily', label: 'Daily digest', hint: 'One email a day with everything since the last one.' },
  { value: 'off', label: 'Off', hint: 'No emails. You will still see everything when you open Common Ground.' },
];

/** Email notifications: immediately, in a daily digest, or off. */
export function NotificationSettings() {
  const load = useCallback((signal: AbortSignal) => getNotificationPreferences(signal), []);
  const preferences = useApiData(load);
  const [status, setStatus] = useState<
    { kind: 'saved'; mode: NotificationMode } | { kind: 'failed'; message: string } | null
  >(null);
  const [sending, setSending] = useState(false);

  const handleSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const mode = NotificationModeSchema.safeParse(choiceValue(event.currentTarget, 'mode'));
    if (!mode.success) return;
    setSending(true);
    setStatus(null);
    try {
      await setNotificationMode(mode.data);
      setStatus({ kind: 'saved', mode: mode.data });
    } catch (error) {
      setStatus({ kind: 'failed', message: messageFor(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="section card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Email notifications</h2>
      {preferences.status === 'loading' ? <p>Loading your email settings…</p> : null}
      {preferences.status === 'failed' ? (
        <LoadFailure what="Your email settings" error={preferences.error} onRetry={preferences.reload} />
      ) : null}
      {status?.kind === 'saved' ? (
        <SuccessNotice>
          {status.mode === 'off'
            ? 'Saved: Common Ground will not email you.'
            : status.mode === 'daily'
              ? 'Saved: you will get one email a day.'
              : 'Saved: you will get an email each time something needs you.'}
        </SuccessNotice>
      ) : null}
      {status?.kind === 'failed' ? (
        <div className="notice notice--problem" role="alert">
          <p>{status.message}</p>
        </div>
      ) : null}
      {preferences.status === 'ready' ? (
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <RadioGroup
            id="notification-mode"
            name="mode"
            legend="How should Common Ground email you?"
            hint="Invitations are always emailed when someone enters your address in one."
            options={options}
            defaultValue={preferences.data.mode}
          />
          <button type="submit" disabled={sending}>
            {sending ? 'Saving…' : 'Save email settings'}
          </button>
        </form>
      ) : null}
    </section>
  );
}
