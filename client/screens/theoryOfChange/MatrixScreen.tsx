import { useEffect } from 'react';
import { Link } from 'react-router';
import { domainLabel, levelLabel } from '../../../shared/model/framework/index.ts';
import {
  coverageGaps,
  coverageMatrix,
  filterTheoryOfChange,
  type CoverageMark,
} from '../../../shared/model/theoryOfChange/index.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { useTheoryOfChangeContext } from '../../theoryOfChange/TheoryOfChangeContext.ts';
import { useFilterParams } from '../../theoryOfChange/useFilterParams.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { FiltersForm } from './FiltersForm.tsx';
import { GapSummary } from './GapSummary.tsx';
import { outcomePath, TheoryOfChangePage, theoryOfChangePath } from './TheoryOfChangePage.tsx';

const markText: Record<Exclude<CoverageMark, null>, { symbol: string; text: string }> = {
  direct: { symbol: '●', text: 'Linked' },
  'via-indicator': { symbol: '◐', text: 'Via indicator' },
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Outcomes × actions: which action is meant to move which outcome, with the gaps marked in words. */
export function MatrixScreen() {
  const { partnership } = usePartnership();
  const { setActivity } = useWorkspaceDoc();
  const { snapshot, priorities } = useTheoryOfChangeContext();
  const { filter } = useFilterParams();
  const { framework, theoryOfChange } = snapshot;
  const gaps = coverageGaps(framework, theoryOfChange, priorities.outcomeIds);
  const shown = filterTheoryOfChange(theoryOfChange, { ...filter, priorityOnly: false }, priorities.outcomeIds);
  const matrix = coverageMatrix(framework, shown, priorities.outcomeIds);
  const rows = filter.priorityOnly ? matrix.rows.filter((row) => row.isPriority) : matrix.rows;
  const noOutcome = new Set(gaps.actionsWithoutOutcome.map((action) => action.id));
  const actionPath = (id: string) => theoryOfChangePath(partnership.id, `/actions/${encodeURIComponent(id)}`);

  useEffect(() => {
    setActivity({ viewing: 'toc.matrix', editing: undefined });
    // Leaving the screen: others should no longer see me here.
    return () => setActivity({ viewing: undefined, editing: undefined });
  }, [setActivity]);

  return (
    <TheoryOfChangePage title="Coverage matrix">
      <p className="lead">
        Each row is an outcome, each column a service or action. A mark says the action is meant to move the outcome,
        directly or through one of its indicators.
      </p>
      <GapSummary linkToMatrix={false} />
      <div className="toc-gap-lists">
        <section aria-labelledby="gap-priority-heading" data-testid="priority-gaps">
          <h2 id="gap-priority-heading">Priority outcomes with no action</h2>
          {!priorities.decided ? (
            <p>No priorities decided yet.</p>
          ) : gaps.priorityOutcomesWithoutAction.length === 0 ? (
            <p>Every priority outcome has at least one action.</p>
          ) : (
            <ul>
              {gaps.priorityOutcomesWithoutAction.map((outcome) => (
                <li key={outcome.id}>{outcome.statement || 'Untitled outcome'}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="gap-actions-heading" data-testid="action-gaps">
          <h2 id="gap-actions-heading">Actions linked to no outcome</h2>
          {gaps.actionsWithoutOutcome.length === 0 ? (
            <p>Every action is linked to at least one outcome.</p>
          ) : (
            <ul>
              {gaps.actionsWithoutOutcome.map((action) => (
                <li key={action.id}>
                  <Link to={actionPath(action.id)}>{action.name || 'Untitled action'}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <FiltersForm />
      {rows.length === 0 || matrix.actions.length === 0 ? (
        <p>
          {framework.outcomes.length === 0
            ? 'The framework has no outcomes yet.'
            : matrix.actions.length === 0
              ? 'No actions match. Add actions to the offer, or clear the filters.'
              : 'No outcomes match the filters.'}
        </p>
      ) : (
        <div className="toc-matrix-scroll" tabIndex={0} role="region" aria-labelledby="matrix-caption">
          <table className="table toc-matrix" data-testid="coverage-matrix">
            <caption id="matrix-caption">
              Coverage: {plural(rows.length, 'outcome')} × {plural(matrix.actions.length, 'action')}. ● linked, ◐ via an
              indicator, — not linked.
            </caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Number of actions</th>
                {matrix.actions.map((action) => (
                  <th scope="col" key={action.id} className="toc-matrix__action">
                    <Link to={actionPath(action.id)}>{action.name || 'Untitled action'}</Link>
                    {noOutcome.has(action.id) ? <span className="toc-mark toc-mark--gap">No outcome</span> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const { outcome } = row;
                const previous = rows[index - 1]?.outcome;
                const startsGroup = !previous || previous.domain !== outcome.domain || previous.level !== outcome.level;
                return [
                  startsGroup ? (
                    <tr key={`${outcome.domain}:${outcome.level}`} className="toc-matrix__group">
                      <th scope="colgroup" colSpan={matrix.actions.length + 2}>
                        {domainLabel(outcome.domain)} – {levelLabel(outcome.level)}
                      </th>
                    </tr>
                  ) : null,
                  <tr
                    key={outcome.id}
                    className={row.isPriority && row.actionCount === 0 ? 'toc-matrix__row--gap' : undefined}
                    data-testid="matrix-row"
                  >
                    <th scope="row">
                      <Link to={outcomePath(partnership.id, outcome.id)}>
                        {outcome.statement || 'Untitled outcome'}
                      </Link>
                      {row.isPriority ? <span className="toc-tag toc-tag--priority">Priority</span> : null}
                      {row.actionCount === 0 ? <span className="toc-mark toc-mark--gap">No action</span> : null}
                    </th>
                    <td className="toc-matrix__count">{row.actionCount}</td>
                    {row.marks.map((mark, column) => (
                      <td key={matrix.actions[column]!.id} className="toc-matrix__cell">
                        {mark ? (
                          <>
                            <span aria-hidden="true">{markText[mark].symbol} </span>
                            {markText[mark].text}
                          </>
                        ) : (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">Not linked</span>
                          </>
                        )}
                      </td>
                    ))}
                  </tr>,
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
    </TheoryOfChangePage>
  );
}
