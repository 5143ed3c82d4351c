import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { messageFor } from '../../api/ApiError.ts';
import { Page } from '../../components/Page.tsx';
import { useRound, type LiveRound } from '../../prioritisation/useRound.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { Countdown, TurnoutMeter } from './LiveFigures.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import { quorumWords } from './ResultsSection.tsx';

/**
 * The meeting-room screen: large live turnout and countdown, and the results only when the facilitator reveals
 * them — and only when the round's visibility lets everyone in the room see them.
 */
export function PresentScreen() {
  const { roundId = '' } = useParams();
  const { partnership } = usePartnership();
  const round = useRound(roundId);
  const base = `/p/${encodeURIComponent(partnership.id)}/rounds/${roundId}`;
  if (round.status !== 'ready') {
    return (
      <Page title="Present">
        {round.status === 'loading' ? <p role="status">Loading…</p> : <p>{messageFor(round.error)}</p>}
      </Page>
    );
  }
  return <Presentation key={roundId} live={round.data} back={base} />;
}

function Presentation({ live, back }: { live: LiveRound; back: string }) {
  const [revealed, setRevealed] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const { round, state } = live;
  // Only results everyone may see go on the shared screen, never "after you vote" results the facilitator has.
  const everyone = live.projection?.results ?? null;
  const perOrganisation = round.eligibility === 'one-per-organisation';

  return (
    <Page title={`Present: ${round.title}`} wide>
      <div className="present" ref={stage} data-testid="present">
        <div className="present__bar">
          <Link className="back-link" to={back}>
            Leave present mode
          </Link>
          <button
            type="button"
            className="button--secondary button--small"
            onClick={() => void stage.current?.requestFullscreen?.()}
          >
            Full screen
          </button>
        </div>
        <h1 className="present__title">{round.title}</h1>
        {round.question ? <p className="present__question">{round.question}</p> : null}
        {state === 'open' ? (
          <div className="present__figures">
            <TurnoutMeter turnout={live.turnout} perOrganisation={perOrganisation} large />
            <Countdown closesAt={live.closesAt} large />
          </div>
        ) : (
          <p className="present__state">
            Voting has {state === 'closed' ? 'closed' : 'not started'}. {live.turnout.voted} of {live.turnout.eligible}{' '}
            voted.
          </p>
        )}
        {everyone && !revealed ? (
          <button type="button" className="present__reveal" onClick={() => setRevealed(true)}>
            Reveal the results
          </button>
        ) : null}
        {!everyone && state !== 'draft' ? (
          <p className="present__note" data-testid="present-hidden">
            Results can be revealed here when voting closes.
          </p>
        ) : null}
        {everyone && revealed ? (
          <section aria-labelledby="present-results" className="present__results">
            <h2 id="present-results">Results</h2>
            <p>{quorumWords(everyone)}</p>
            <ResultsTable results={everyone} large />
            <button type="button" className="button--secondary" onClick={() => setRevealed(false)}>
              Hide the results
            </button>
          </section>
        ) : null}
      </div>
    </Page>
  );
}
