import type { ConnectionState } from '../../sync/DocSession.ts';
import type { Turnout } from '../../../shared/schemas/rounds.ts';
import { clockFace, durationWords, useCountdown } from '../../prioritisation/useCountdown.ts';

/** "12 of 18 voted", with a bar; the words carry the meaning. */
export function TurnoutMeter({
  turnout,
  perOrganisation,
  large = false,
}: {
  turnout: Turnout;
  perOrganisation: boolean;
  large?: boolean;
}) {
  const share = turnout.eligible > 0 ? Math.min(100, Math.round((turnout.voted / turnout.eligible) * 100)) : 0;
  const who = perOrganisation ? 'organisations' : 'voting members';
  return (
    <div className={large ? 'turnout turnout--large' : 'turnout'}>
      <p className="turnout__words" data-testid="turnout">
        <strong>
          {turnout.voted} of {turnout.eligible}
        </strong>{' '}
        {perOrganisation ? 'organisations have voted' : 'voted'}
      </p>
      <div className="turnout__bar" aria-hidden="true">
        <span style={{ width: `${share}%` }} />
      </div>
      <p className="visually-hidden">
        {share}% of {who} have voted.
      </p>
    </div>
  );
}

/**
 * The time left, ticking. Only the minute is announced (a live region updating every second would drown a screen
 * reader); the clock face is for sighted people in the room.
 */
export function Countdown({ closesAt, large = false }: { closesAt: string | null; large?: boolean }) {
  const seconds = useCountdown(closesAt);
  if (closesAt === null || seconds === null) {
    return <p className="countdown countdown--none">Voting stays open until a facilitator closes it.</p>;
  }
  if (seconds === 0)
    return (
      <p className="countdown" role="status">
        Voting is closing…
      </p>
    );
  const minutesLeft = Math.ceil(seconds / 60);
  return (
    <div className={large ? 'countdown countdown--large' : 'countdown'} data-testid="countdown">
      {large ? (
        <p className="countdown__face" aria-hidden="true">
          {clockFace(seconds)}
        </p>
      ) : null}
      <p className={large ? 'visually-hidden' : undefined}>
        <strong>{durationWords(seconds)}</strong> left to vote
      </p>
      <p className="visually-hidden" aria-live="polite">
        {seconds <= 60 ? 'Less than a minute left to vote' : `About ${minutesLeft} minutes left to vote`}
      </p>
    </div>
  );
}

/** Whether the live figures are current, in words. */
export function LiveStatus({ connection }: { connection: ConnectionState }) {
  const live = connection.kind === 'connected';
  return (
    <p className={`connection-status connection-status--${live ? 'ok' : 'warn'}`} data-testid="live-status">
      <span className="connection-status__dot" aria-hidden="true" />
      <strong>{live ? 'Live' : connection.kind === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</strong>
      <span> — {live ? 'figures update as votes come in' : 'figures may be out of date'}</span>
    </p>
  );
}
