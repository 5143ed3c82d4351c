import { ordinal } from '../../../shared/model/prioritisation/statistics.ts';
import type { PersonBallot } from '../../../shared/schemas/roundResults.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { messageFor } from '../../api/ApiError.ts';
import type { LiveRound } from '../../prioritisation/useRound.ts';
import { usePersonBallots } from '../../prioritisation/usePersonBallots.ts';
import { CandidateName } from './CandidateName.tsx';

type Mark = PersonBallot['marks'][number];

/** One person's mark on one candidate, in words that do not need the method explained. */
function markWords(round: Round, mark: Mark): { main: string; detail?: string } {
  switch (round.settings.method) {
    case 'dots':
      return { main: `${mark.value} ${mark.value === 1 ? 'dot' : 'dots'}` };
    case 'ranking':
      return { main: mark.value > 0 ? ordinal(mark.value) : '–' };
    case 'scores': {
      const { criteria } = round.settings;
      return {
        main: String(mark.value),
        detail: criteria.map((criterion) => `${criterion.label} ${mark.criteria?.[criterion.id] ?? '–'}`).join(', '),
      };
    }
    case 'matrix':
      return mark.need !== undefined && mark.influence !== undefined
        ? { main: String(mark.value), detail: `need ${mark.need}, influence ${mark.influence}` }
        : { main: '–' };
  }
}

const methodWords: Readonly<Record<Round['settings']['method'], string>> = {
  dots: 'Dots each person placed.',
  ranking: 'The place each person gave each candidate (1st is most important).',
  scores: 'Each person’s weighted score (1 to 5), with their score on each criterion.',
  matrix: 'Need × influence as each person rated it, with the two ratings.',
};

/** A named round's ballots person by person, for its facilitators: where the disagreement behind a spread lies. */
export function PersonBallots({ live, resultsShown }: { live: LiveRound; resultsShown: boolean }) {
  const people = usePersonBallots(live, resultsShown);
  if (!people) return null;
  const { round } = live;
  const perOrganisation = round.eligibility === 'one-per-organisation';
  return (
    <section className="section" aria-labelledby="person-ballots-heading" data-testid="person-ballots">
      <h2 id="person-ballots-heading">How each {perOrganisation ? 'organisation' : 'person'} voted</h2>
      <p className="hint">
        This round is not anonymous, so those who run it can see every ballot. {methodWords[round.settings.method]}
        {perOrganisation ? ' Each organisation casts one ballot; the name is the member who last cast it.' : ''}
      </p>
      {people.status === 'loading' ? <p role="status">Loading the ballots…</p> : null}
      {people.status === 'failed' ? (
        <p className="notice notice--problem">The ballots could not be loaded. {messageFor(people.error)}</p>
      ) : null}
      {people.status === 'ready' && people.data.length === 0 ? <p>Nobody has voted yet.</p> : null}
      {people.status === 'ready' && people.data.length > 0 ? (
        <div className="table-scroll">
          <table className="table person-ballots">
            <caption className="visually-hidden">
              How each {perOrganisation ? 'organisation' : 'person'} voted, one row per ballot
            </caption>
            <thead>
              <tr>
                <th scope="col">{perOrganisation ? 'Organisation (cast by)' : 'Person'}</th>
                {round.candidates.map((candidate) => (
                  <th scope="col" key={candidate.id}>
                    <CandidateName candidate={candidate} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.data.map((person) => (
                <tr key={`${person.name}\u0000${person.organisation}`} data-testid="person-ballot">
                  <th scope="row">
                    {perOrganisation ? person.organisation : person.name}
                    <span className="table__secondary">{perOrganisation ? person.name : person.organisation}</span>
                  </th>
                  {round.candidates.map((candidate) => {
                    const mark = person.marks.find((m) => m.candidateId === candidate.id);
                    const words = mark ? markWords(round, mark) : { main: '–' };
                    return (
                      <td key={candidate.id}>
                        {words.main}
                        {words.detail ? <span className="table__secondary">{words.detail}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
