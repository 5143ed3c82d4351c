import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { messageFor } from '../../api/ApiError.ts';
import { changeRoundState, deleteRound, reopenRound } from '../../prioritisation/roundsApi.ts';
import type { LiveRound } from '../../prioritisation/useRound.ts';
import { VotersList } from './VotersList.tsx';

type Confirming = 'close' | 'delete' | null;

/** What a facilitator can do with a round in its current state, with a confirmation before anything final. */
export function FacilitatorActions({
  live,
  base,
  onChanged,
}: {
  live: LiveRound;
  base: string;
  onChanged: () => void;
}) {
  const { round, state } = live;
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const roundPath = `${base}/rounds/${round.id}`;

  const run = (action: () => Promise<unknown>, after?: (result: unknown) => void): void => {
    setBusy(true);
    setProblem(null);
    action().then(
      (result) => {
        setBusy(false);
        setConfirming(null);
        if (after) after(result);
        else onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(messageFor(error));
      },
    );
  };

  return (
    <section className="section facilitator-actions" aria-labelledby="facilitator-heading">
      <h2 id="facilitator-heading">Run this round</h2>
      {problem ? (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="button-group">
        {state === 'draft' ? (
          <>
            <button type="button" disabled={busy} onClick={() => run(() => changeRoundState(round.id, 'open'))}>
              Open voting
            </button>
            <Link className="button button--secondary" to={`${roundPath}/edit`}>
              Edit the round
            </Link>
            <button type="button" className="button--warning" onClick={() => setConfirming('delete')}>
              Delete the draft
            </button>
          </>
        ) : null}
        {state === 'open' ? (
          <>
            <Link className="button" to={`${roundPath}/present`}>
              Present on the meeting-room screen
            </Link>
            <button type="button" className="button--warning" onClick={() => setConfirming('close')}>
              Close voting now
            </button>
          </>
        ) : null}
        {state === 'closed' ? (
          <>
            <Link className="button" to={`${roundPath}/decision`}>
              {round.hasDecision ? 'Change the recorded decision' : 'Record the decision'}
            </Link>
            <Link className="button button--secondary" to={`${roundPath}/present`}>
              Present the results
            </Link>
            <button
              type="button"
              className="button--secondary"
              disabled={busy}
              onClick={() =>
                run(
                  () => changeRoundState(round.id, 'follow-up'),
                  (next) => void navigate(`${base}/rounds/${(next as Round).id}/edit`),
                )
              }
            >
              Start a follow-up round
            </button>
            {!round.anonymous && !round.hasDecision ? (
              <button
                type="button"
                className="button--secondary"
                disabled={busy}
                onClick={() => run(() => reopenRound(round.id, null))}
              >
                Reopen voting
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {confirming === 'close' ? (
        <div className="panel panel--warning" role="group" aria-labelledby="confirm-close">
          <h3 id="confirm-close">Close voting now?</h3>
          <p>
            {live.turnout.voted} of {live.turnout.eligible} have voted. Nobody will be able to vote or change their
            vote.
            {round.anonymous ? ' Ballots will be sealed, so this anonymous round cannot be reopened.' : ''}
          </p>
          <div className="button-group">
            <button
              type="button"
              className="button--warning"
              disabled={busy}
              onClick={() => run(() => changeRoundState(round.id, 'close'))}
            >
              Close voting
            </button>
            <button type="button" className="button--secondary" onClick={() => setConfirming(null)}>
              Keep voting open
            </button>
          </div>
        </div>
      ) : null}
      {confirming === 'delete' ? (
        <div className="panel panel--warning" role="group" aria-labelledby="confirm-delete">
          <h3 id="confirm-delete">Delete this draft?</h3>
          <p>Nobody has voted in it. This cannot be undone.</p>
          <div className="button-group">
            <button
              type="button"
              className="button--warning"
              disabled={busy}
              onClick={() =>
                run(
                  () => deleteRound(round.id),
                  () => void navigate(`${base}/rounds`),
                )
              }
            >
              Delete the draft
            </button>
            <button type="button" className="button--secondary" onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      {state !== 'draft' ? <VotersList roundId={round.id} version={live.version} anonymous={round.anonymous} /> : null}
    </section>
  );
}
