import { Link, useParams } from 'react-router';
import { eligibilityLabels, methodLabels, visibilityLabels } from '../../../shared/model/prioritisation/methods.ts';
import { ApiError } from '../../api/ApiError.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { useBallotsProjection } from '../../prioritisation/BallotsProjectionContext.ts';
import { useRound, type LiveRound } from '../../prioritisation/useRound.ts';
import { useRoundResults } from '../../prioritisation/useRoundResults.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { FacilitatorActions } from './FacilitatorActions.tsx';
import { Countdown, LiveStatus, TurnoutMeter } from './LiveFigures.tsx';
import { RoundEvidenceProvider } from '../../prioritisation/RoundEvidenceContext.tsx';
import { PublishedBallots } from './PublishedBallots.tsx';
import { PersonBallots } from './PersonBallots.tsx';
import { ResultsSection } from './ResultsSection.tsx';
import { RoundStateTag } from './RoundStateTag.tsx';
import { VotingPanel } from './VotingPanel.tsx';

/** One round: its question and rules, live turnout and countdown, my ballot, results when allowed, and facilitator controls. */
export function RoundScreen() {
  const { roundId = '' } = useParams();
  const { partnership } = usePartnership();
  const base = `/p/${encodeURIComponent(partnership.id)}`;
  const round = useRound(roundId);
  if (round.status === 'loading') {
    return (
      <PartnershipPage title="Prioritisation round">
        <p role="status">Loading the round…</p>
      </PartnershipPage>
    );
  }
  if (round.status === 'failed') {
    const missing = round.error instanceof ApiError && round.error.status === 404;
    return (
      <PartnershipPage title="Prioritisation round">
        {missing ? (
          <p>This round does not exist, or has not been opened for voting yet.</p>
        ) : (
          <LoadFailure what="The round" error={round.error} onRetry={round.reload} />
        )}
        <p>
          <Link to={`${base}/rounds`}>All rounds</Link>
        </p>
      </PartnershipPage>
    );
  }
  return (
    <RoundEvidenceProvider roundId={round.data.round.id}>
      <RoundView live={round.data} base={base} onChanged={round.reload} />
    </RoundEvidenceProvider>
  );
}

/** When results can be seen, said for the round's state. */
function rulesWords(live: LiveRound): string {
  const { round, state } = live;
  if (state === 'closed') return '';
  if (state === 'draft') return `When open: ${visibilityLabels[round.visibility].summary.toLowerCase()}`;
  return visibilityLabels[round.visibility].summary;
}

function RoundView({ live, base, onChanged }: { live: LiveRound; base: string; onChanged: () => void }) {
  const { connection } = useBallotsProjection();
  const results = useRoundResults(live);
  const { round, state } = live;
  const perOrganisation = round.eligibility === 'one-per-organisation';
  return (
    <PartnershipPage title={round.title} aside={state === 'open' ? <LiveStatus connection={connection} /> : undefined}>
      <p className="back-link-wrapper">
        <Link className="back-link" to={`${base}/rounds`}>
          All rounds
        </Link>
      </p>
      <div className="round-summary">
        <p>
          <RoundStateTag state={state} /> {methodLabels[round.settings.method].label} ·{' '}
          {round.anonymous ? 'anonymous: nobody can see how anyone voted' : 'not anonymous'}
        </p>
        {round.question ? <p className="lead">{round.question}</p> : null}
        <p className="round-rules">
          {rulesWords(live)} {eligibilityLabels[round.eligibility].summary}
          {round.followUpOf ? (
            <>
              {' '}
              This is a follow-up round: <Link to={`${base}/rounds/${round.followUpOf}`}>last round’s results</Link> are
              shown beside each outcome.
            </>
          ) : null}
        </p>
      </div>
      {state === 'open' ? (
        <div className="live-figures" aria-label="Voting so far" role="group">
          <TurnoutMeter turnout={live.turnout} perOrganisation={perOrganisation} />
          <Countdown closesAt={live.closesAt} />
        </div>
      ) : null}
      {state === 'closed' ? (
        <p className="notice notice--info" data-testid="closed-notice">
          Voting has closed. {live.turnout.voted} of {live.turnout.eligible} {perOrganisation ? 'organisations ' : ''}
          voted.
          {round.hasDecision ? (
            <>
              {' '}
              <Link to={`${base}/rounds/decisions`}>See the decision</Link>.
            </>
          ) : null}
        </p>
      ) : null}
      {state === 'open' && round.me.isEligible ? <VotingPanel round={round} onCast={onChanged} /> : null}
      {state === 'open' && !round.me.isEligible ? (
        <p className="notice notice--info">
          You were not a voting member of this partnership when this round opened, so you can follow the round but not
          vote in it. Who can vote was fixed when the round opened; changes to members apply from the next round.
        </p>
      ) : null}
      {state !== 'draft' ? <ResultsSection roundId={round.id} state={results} /> : null}
      {round.me.canRun ? <PersonBallots live={live} resultsShown={results.kind === 'shown'} /> : null}
      {state === 'closed' ? <PublishedBallots round={round} /> : null}
      {round.me.canRun ? <FacilitatorActions live={live} base={base} onChanged={onChanged} /> : null}
    </PartnershipPage>
  );
}
