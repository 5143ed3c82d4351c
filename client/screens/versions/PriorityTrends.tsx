import { Link } from 'react-router';
import { candidateKindLabels } from '../../../shared/model/prioritisation/candidates.ts';
import type { Trends } from '../../../shared/schemas/cycles.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { formatDate } from '../../format.ts';
import { rankMoveWords, rankWords } from './trendWords.ts';

interface PriorityTrendsProps {
  partnershipId: string;
  priorities: Trends['priorities'];
}

/** The closed rounds any version recorded, oldest first, each once. */
function roundsOf(priorities: Trends['priorities']) {
  const rounds = new Map<string, { id: string; title: string; closedAt: string }>();
  for (const entry of priorities) {
    for (const point of entry.points) {
      rounds.set(point.roundId, { id: point.roundId, title: point.roundTitle, closedAt: point.closedAt });
    }
  }
  return [...rounds.values()].sort((a, b) => a.closedAt.localeCompare(b.closedAt));
}

/**
 * Each candidate's rank in every closed prioritisation round, as a table (rounds as columns, oldest first) with a
 * sentence per candidate saying how it moved since its previous round.
 */
export function PriorityTrends({ partnershipId, priorities }: PriorityTrendsProps) {
  const paths = cyclePaths(partnershipId);
  const rounds = roundsOf(priorities);
  if (rounds.length === 0) {
    return <p>No prioritisation round has closed yet. Ranks appear here once one has.</p>;
  }
  return (
    <>
      <ul className="trend-moves" data-testid="priority-moves">
        {priorities.map((entry) => (
          <li key={`${entry.kind}:${entry.refId}`}>
            <strong>{entry.label}</strong>: {rankMoveWords(entry.points)}.
          </li>
        ))}
      </ul>
      <div className="table-scroll" role="region" aria-label="Ranks by round: table" tabIndex={0}>
        <table className="table table--compact" data-testid="priority-trends-table">
          <caption className="table__caption">
            Rank in each closed prioritisation round (1st is the highest priority), oldest round first
          </caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {rounds.map((round) => (
                <th scope="col" key={round.id}>
                  <Link to={paths.round(round.id)}>{round.title}</Link>
                  <span className="table__sub">Closed {formatDate(round.closedAt)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {priorities.map((entry) => (
              <tr key={`${entry.kind}:${entry.refId}`}>
                <th scope="row" className="table__name">
                  {entry.kind === 'outcome' ? <Link to={paths.outcome(entry.refId)}>{entry.label}</Link> : entry.label}
                  <span className="table__sub">{candidateKindLabels[entry.kind]}</span>
                </th>
                {rounds.map((round) => {
                  const point = entry.points.find((p) => p.roundId === round.id);
                  return (
                    <td key={round.id} className="table__nowrap">
                      {point ? rankWords(point) : <span className="muted">Not in this round</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
