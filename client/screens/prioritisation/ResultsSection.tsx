import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import { messageFor } from '../../api/ApiError.ts';
import { resultsCsvPath } from '../../prioritisation/roundsApi.ts';
import type { ResultsState } from '../../prioritisation/useRoundResults.ts';
import { CandidateName } from './CandidateName.tsx';
import { QuadrantChart } from './QuadrantChart.tsx';
import { OrganisationBreakdown, ResultsTable } from './ResultsTable.tsx';

/** "12 of 18 voted: quorum met (at least 9 needed)." */
export function quorumWords(results: Pick<RoundResults, 'quorum' | 'turnout'>): string {
  const { quorum, turnout } = results;
  const voted = `${turnout.voted} of ${turnout.eligible} voted`;
  if (quorum.required === 0) return `${voted}. No quorum was set.`;
  return `${voted}: ${quorum.met ? 'quorum met' : 'quorum not met'} (at least ${quorum.needed} needed).`;
}

/** The results part of a round's screen: the table, what is contested, quorum, CSV — or why they are hidden. */
export function ResultsSection({ roundId, state }: { roundId: string; state: ResultsState }) {
  return (
    <section className="section" aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading">Results</h2>
      {state.kind === 'hidden' ? (
        <p className="notice notice--info" data-testid="results-hidden">
          {state.reason}
        </p>
      ) : null}
      {state.kind === 'loading' ? <p role="status">Loading the results…</p> : null}
      {state.kind === 'failed' ? (
        <p className="notice notice--problem">The results could not be loaded. {messageFor(state.error)}</p>
      ) : null}
      {state.kind === 'shown' ? <ShownResults roundId={roundId} results={state.results} /> : null}
    </section>
  );
}

function ShownResults({ roundId, results }: { roundId: string; results: RoundResults }) {
  const contested = results.ballots > 1 ? [...results.candidates].sort((a, b) => b.spread - a.spread)[0] : undefined;
  return (
    <>
      <p data-testid="results-summary">
        <strong>{results.state === 'open' ? 'Results so far.' : 'Final results.'}</strong> {quorumWords(results)}
      </p>
      {contested && contested.spread > 0 ? (
        <p data-testid="most-contested">
          People disagreed most about{' '}
          <strong>
            <CandidateName candidate={contested} />
          </strong>
          : a good place to start the discussion.
        </p>
      ) : null}
      <QuadrantChart results={results} />
      <ResultsTable results={results} />
      <OrganisationBreakdown results={results} />
      <p>
        <a href={resultsCsvPath(roundId)} download>
          Download the results (CSV)
        </a>
      </p>
    </>
  );
}
