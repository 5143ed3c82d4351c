import { Link } from 'react-router';
import { coverageGaps } from '../../../shared/model/theoryOfChange/index.ts';
import { useTheoryOfChangeContext } from '../../theoryOfChange/TheoryOfChangeContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { theoryOfChangePath } from './TheoryOfChangePage.tsx';

/** The three gaps a board asks about, as counts in words, with the way to the coverage matrix. */
export function GapSummary({ linkToMatrix = true }: { linkToMatrix?: boolean }) {
  const { partnership } = usePartnership();
  const { snapshot, priorities } = useTheoryOfChangeContext();
  const gaps = coverageGaps(snapshot.framework, snapshot.theoryOfChange, priorities.outcomeIds);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    <section className="toc-gaps" aria-labelledby="toc-gaps-heading" data-testid="gap-summary">
      <h2 id="toc-gaps-heading">Gaps</h2>
      <ul className="toc-gaps__list">
        <li data-testid="gap-priorities">
          {priorities.decided ? (
            <>
              <strong>
                {plural(gaps.priorityOutcomesWithoutAction.length, 'priority outcome', 'priority outcomes')}
              </strong>{' '}
              with no action
            </>
          ) : (
            'No priorities decided yet'
          )}
        </li>
        <li data-testid="gap-outcomes">
          <strong>{plural(gaps.outcomesWithoutAction.length, 'outcome', 'outcomes')}</strong> with no action, of{' '}
          {snapshot.framework.outcomes.length}
        </li>
        <li data-testid="gap-actions">
          <strong>{plural(gaps.actionsWithoutOutcome.length, 'action', 'actions')}</strong> linked to no outcome
        </li>
      </ul>
      {linkToMatrix ? (
        <p>
          <Link to={theoryOfChangePath(partnership.id, '/matrix')}>See where the gaps are in the coverage matrix</Link>
        </p>
      ) : null}
    </section>
  );
}
