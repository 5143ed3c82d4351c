import { ordinal } from '../../../shared/model/prioritisation/statistics.ts';
import type { CandidateResult, RoundResults } from '../../../shared/schemas/roundResults.ts';
import { CandidateEvidence } from './CandidateEvidence.tsx';
import { CandidateName } from './CandidateName.tsx';

/** How much people disagreed, in words: the spread relative to the method's typical range. */
function disagreement(results: RoundResults, candidate: CandidateResult): string {
  const highest = Math.max(...results.candidates.map((c) => c.spread));
  if (highest === 0 || results.ballots < 2) return 'None';
  if (candidate.spread === highest) return 'Most';
  return candidate.spread >= highest * 0.66 ? 'High' : candidate.spread >= highest * 0.33 ? 'Some' : 'Low';
}

function detail(results: RoundResults, candidate: CandidateResult): string {
  if (candidate.need && candidate.influence) {
    return `Need ${candidate.need.mean} (spread ${candidate.need.spread}), influence ${candidate.influence.mean} (spread ${candidate.influence.spread})`;
  }
  if (candidate.criteria) return candidate.criteria.map((c) => `${c.label}: ${c.mean}`).join('; ');
  if (results.method === 'ranking') return `Average place ${(results.candidates.length - candidate.mean).toFixed(1)}`;
  return `${candidate.mean} dots per voter on average`;
}

/**
 * Ranked results as a table: the table is the content, the bars only echo the aggregate (hidden from screen
 * readers, and never the only way to read a figure).
 */
export function ResultsTable({
  results,
  large = false,
  rows = results.candidates,
}: {
  results: RoundResults;
  large?: boolean;
  /** The candidates to list, when only some are (bars and disagreement still compare with all of them). */
  rows?: readonly CandidateResult[];
}) {
  const top = Math.max(...results.candidates.map((c) => c.aggregate), 0);
  return (
    <table
      className={large ? 'table results-table results-table--large' : 'table results-table'}
      data-testid="results-table"
    >
      <caption className="visually-hidden">Results, highest first</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Candidate</th>
          <th scope="col">{results.aggregateLabel}</th>
          <th scope="col">Disagreement</th>
          {large ? null : <th scope="col">Detail</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((candidate) => {
          const words = disagreement(results, candidate);
          return (
            <tr key={candidate.candidateId} data-testid="result-row">
              <td className="table__nowrap">{ordinal(candidate.rank)}</td>
              <th scope="row" className="table__name">
                <CandidateName candidate={candidate} />
                <CandidateEvidence candidateId={candidate.candidateId} label={candidate.label} />
              </th>
              <td>
                <span className="results-table__figure">{candidate.aggregate}</span>
                <span className="results-bar" aria-hidden="true">
                  <span style={{ width: `${top > 0 ? (candidate.aggregate / top) * 100 : 0}%` }} />
                </span>
              </td>
              <td>
                {words}
                <span className="table__secondary">spread {candidate.spread}</span>
              </td>
              {large ? null : <td className="results-table__detail">{detail(results, candidate)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Each organisation's figures side by side (named rounds): where agencies see things differently. */
export function OrganisationBreakdown({ results }: { results: RoundResults }) {
  const organisations = [...new Set(results.candidates.flatMap((c) => c.byOrganisation.map((o) => o.organisation)))];
  if (organisations.length < 2) return null;
  return (
    <details className="breakdown">
      <summary>By organisation</summary>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{results.aggregateLabel} by organisation</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {organisations.map((organisation) => (
                <th scope="col" key={organisation}>
                  {organisation}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.candidates.map((candidate) => (
              <tr key={candidate.candidateId}>
                <th scope="row">
                  <CandidateName candidate={candidate} />
                </th>
                {organisations.map((organisation) => (
                  <td key={organisation}>
                    {candidate.byOrganisation.find((o) => o.organisation === organisation)?.aggregate ?? '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
