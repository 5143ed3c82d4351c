import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { messageFor } from '../../api/ApiError.ts';
import { Page } from '../../components/Page.tsx';
import { useRound, type LiveRound } from '../../prioritisation/useRound.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { JoinCode } from './JoinCode.tsx';
import { Countdown, TurnoutMeter } from './LiveFigures.tsx';
import { QuadrantChart } from './QuadrantChart.tsx';
import { RoundEvidenceProvider } from '../../prioritisation/RoundEvidenceContext.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import { quorumWords } from './ResultsSection.tsx';

/** How many candidates the shared screen lists before folding the rest away: what fits a projector in large type. */
export const presentTopCount = 5;

/**
 * The meeting-room screen, without the app's header: large live turnout and countdown, a join link and QR code while
 * voting is open, and the results only when the facilitator reveals them — and only when the round's visibility lets
 * everyone in the room see them. Results show the top few; the rest are folded behind a disclosure.
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
  // The address people vote at: the round's own screen, which shows them the ballot.
  const joinUrl = `${window.location.origin}${base}`;
  return (
    <RoundEvidenceProvider roundId={roundId}>
      <Presentation key={roundId} live={round.data} back={base} joinUrl={joinUrl} />
    </RoundEvidenceProvider>
  );
}

function Presentation({ live, back, joinUrl }: { live: LiveRound; back: string; joinUrl: string }) {
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
        ) : null}
        {state === 'open' ? <JoinCode url={joinUrl} /> : null}
        {state !== 'open' ? (
          <p className="present__state">
            Voting has {state === 'closed' ? 'closed' : 'not started'}. {live.turnout.voted} of {live.turnout.eligible}{' '}
            voted.
          </p>
        ) : null}
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
            <QuadrantChart results={everyone} large />
            <ResultsTable results={everyone} rows={everyone.candidates.slice(0, presentTopCount)} large />
            {everyone.candidates.length > presentTopCount ? (
              <details className="present__more" data-testid="present-more">
                <summary>
                  Show the other {everyone.candidates.length - presentTopCount}{' '}
                  {everyone.candidates.length - presentTopCount === 1 ? 'candidate' : 'candidates'}
                </summary>
                <ResultsTable results={everyone} rows={everyone.candidates.slice(presentTopCount)} large />
              </details>
            ) : null}
            <button type="button" className="button--secondary" onClick={() => setRevealed(false)}>
              Hide the results
            </button>
          </section>
        ) : null}
      </div>
    </Page>
  );
}
