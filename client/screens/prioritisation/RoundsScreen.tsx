import { useCallback, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { methodLabels } from '../../../shared/model/prioritisation/methods.ts';
import { roleCan } from '../../../shared/model/roles.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { formatDate } from '../../format.ts';
import { useBallotsProjection } from '../../prioritisation/BallotsProjectionContext.ts';
import { listRounds } from '../../prioritisation/roundsApi.ts';
import { useMe } from '../../session/useSession.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { CandidateName } from './CandidateName.tsx';
import { PriorityBadge } from './PriorityBadge.tsx';
import { RoundStateTag } from './RoundStateTag.tsx';

/** The partnership's prioritisation: rounds open now, drafts, past rounds, and the agreed priorities. */
export function RoundsScreen() {
  const { partnership } = usePartnership();
  const { user } = useMe();
  const { rounds: live, priorities } = useBallotsProjection();
  const base = `/p/${encodeURIComponent(partnership.id)}`;
  const canRun = (partnership.myRole !== null && roleCan(partnership.myRole, 'rounds.run')) || user.isAdmin;
  // Rounds that open or close elsewhere appear here live: the list is fetched again when the projection changes.
  const states = live.map((round) => `${round.id}:${round.state}`).join(',');
  const load = useCallback((signal: AbortSignal) => listRounds(partnership.id, signal), [partnership.id]);
  const rounds = useApiData(load);
  const { reload } = rounds;
  const seenStates = useRef(states);
  useEffect(() => {
    if (seenStates.current === states) return;
    seenStates.current = states;
    reload();
  }, [states, reload]);
  const turnoutOf = (round: Round) => live.find((r) => r.id === round.id)?.turnout ?? round.turnout;
  const stateOf = (round: Round) => live.find((r) => r.id === round.id)?.state ?? round.state;

  const group = (title: string, list: Round[], empty: string) => (
    <section className="section" aria-labelledby={`rounds-${title}`}>
      <h2 id={`rounds-${title}`}>{title}</h2>
      {list.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="card-list">
          {list.map((round) => (
            <li key={round.id} className="card round-card" data-testid="round-card">
              <h3 className="round-card__title">
                <Link to={`${base}/rounds/${round.id}`}>{round.title}</Link>
              </h3>
              <p className="round-card__meta">
                <RoundStateTag state={stateOf(round)} /> {methodLabels[round.settings.method].label}
                {round.anonymous ? ' · anonymous' : ''} · {round.candidates.length} outcomes
                {stateOf(round) !== 'draft' ? ` · ${turnoutOf(round).voted} of ${turnoutOf(round).eligible} voted` : ''}
                {round.hasDecision ? ' · decision recorded' : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <PartnershipPage title="Prioritisation">
      <p className="lead">Board members vote on which outcomes matter most; the board then records what it agreed.</p>
      <div className="button-group">
        {canRun ? (
          <Link className="button" to={`${base}/rounds/new`}>
            Create a round
          </Link>
        ) : null}
        <Link className={canRun ? 'button button--secondary' : 'button'} to={`${base}/rounds/decisions`}>
          Decision log
        </Link>
      </div>
      <section className="section" aria-labelledby="agreed-priorities">
        <h2 id="agreed-priorities">Agreed priorities</h2>
        {priorities.length === 0 ? (
          <p className="muted">None recorded yet.</p>
        ) : (
          <ul className="priority-list" data-testid="agreed-priorities">
            {priorities.map((priority) => (
              <li key={`${priority.kind}:${priority.refId}`}>
                <CandidateName candidate={priority} /> <PriorityBadge priority={priority} />
                <span className="table__secondary">
                  From <Link to={`${base}/rounds/${priority.roundId}`}>{priority.roundTitle}</Link>, agreed{' '}
                  {formatDate(priority.decidedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {rounds.status === 'loading' ? <p role="status">Loading the rounds…</p> : null}
      {rounds.status === 'failed' ? (
        <LoadFailure what="The rounds" error={rounds.error} onRetry={rounds.reload} />
      ) : null}
      {rounds.status === 'ready' ? (
        <>
          {group(
            'Voting now',
            rounds.data.filter((r) => stateOf(r) === 'open'),
            'No round is open for voting.',
          )}
          {canRun
            ? group(
                'Drafts',
                rounds.data.filter((r) => stateOf(r) === 'draft'),
                'No drafts.',
              )
            : null}
          {group(
            'Past rounds',
            rounds.data.filter((r) => stateOf(r) === 'closed'),
            'No rounds have closed yet.',
          )}
        </>
      ) : null}
    </PartnershipPage>
  );
}
