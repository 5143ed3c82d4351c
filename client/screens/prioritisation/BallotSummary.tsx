import type { Ballot } from '../../../shared/schemas/ballots.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';

/** One line per candidate the ballot says something about, in words (the saved version, beside the form's). */
export function ballotLines(round: Round, ballot: Ballot): string[] {
  const label = (id: string) => round.candidates.find((candidate) => candidate.id === id)?.label ?? id;
  switch (ballot.method) {
    case 'dots': {
      const lines = Object.entries(ballot.dots)
        .filter(([, dots]) => dots > 0)
        .map(([id, dots]) => `${label(id)}: ${dots} ${dots === 1 ? 'dot' : 'dots'}`);
      return lines.length > 0 ? lines : ['No dots placed'];
    }
    case 'ranking':
      return ballot.order.map((id, index) => `${index + 1}. ${label(id)}`);
    case 'scores': {
      const criteria = round.settings.method === 'scores' ? round.settings.criteria : [];
      const criterion = (id: string) => criteria.find((c) => c.id === id)?.label ?? id;
      return Object.entries(ballot.scores).map(
        ([id, scores]) =>
          `${label(id)}: ${Object.entries(scores)
            .map(([c, score]) => `${criterion(c)} ${score}`)
            .join(', ')}`,
      );
    }
    case 'matrix':
      return Object.entries(ballot.placements).map(
        ([id, { need, influence }]) => `${label(id)}: need ${need}, influence ${influence}`,
      );
  }
}

/** A saved ballot as a plain list, for comparing with the one being edited. */
export function BallotSummary({ round, ballot }: { round: Round; ballot: Ballot | null }) {
  if (!ballot) return <p>No ballot is saved.</p>;
  return (
    <ul>
      {ballotLines(round, ballot).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
