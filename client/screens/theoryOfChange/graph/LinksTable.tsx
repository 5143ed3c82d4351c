import { Link } from 'react-router';
import { domainLabel, levelLabel } from '../../../../shared/model/framework/index.ts';
import {
  deliveryTypes,
  evidenceStrengths,
  reachesPriority,
  timeframes,
  type TheoryOfChange,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { usePartnership } from '../../partnership/PartnershipContext.ts';
import { outcomePath, theoryOfChangePath } from '../TheoryOfChangePage.tsx';

/**
 * Everything the graph shows, as a table: one row per link, then the priority outcomes no action reaches. Each
 * action opens its page, where every link can be edited by keyboard.
 */
export function LinksTable({
  theoryOfChange,
  priorities,
  unreachedPriorities,
}: {
  theoryOfChange: TheoryOfChange;
  priorities: ReadonlySet<string>;
  unreachedPriorities: readonly { id: string; statement: string }[];
}) {
  const { partnership } = usePartnership();
  const actionById = new Map(theoryOfChange.actions.map((action) => [action.id, action]));
  const links = theoryOfChange.links.filter((link) => link.deletedAt === null);
  return (
    <section className="section" aria-labelledby="links-table-heading">
      <h2 id="links-table-heading">Links table</h2>
      <p>The same links as the graph, with the same filters. Open an action to change its links.</p>
      {links.length === 0 ? (
        <p data-testid="links-table-empty">No links match.</p>
      ) : (
        <div className="toc-table-scroll" tabIndex={0} role="region" aria-labelledby="links-table-heading">
          <table className="table toc-links-table" data-testid="links-table">
            <caption className="visually-hidden">Links from actions to outcomes and indicators</caption>
            <thead>
              <tr>
                <th scope="col">Service or action</th>
                <th scope="col">Meant to move</th>
                <th scope="col">Domain and level</th>
                <th scope="col">Evidence</th>
                <th scope="col">Timeframe</th>
                <th scope="col">Assumptions checked</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => {
                const action = actionById.get(link.actionId);
                const { target } = link;
                return (
                  <tr key={link.id} data-testid="links-table-row">
                    <th scope="row">
                      <Link to={theoryOfChangePath(partnership.id, `/actions/${encodeURIComponent(link.actionId)}`)}>
                        {action?.name || 'Untitled action'}
                      </Link>
                      <span className="table__secondary">
                        {[action?.provider, action ? deliveryTypes[action.deliveryType].label : '']
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </th>
                    <td>
                      <span className="table__secondary">{target.kind === 'outcome' ? 'Outcome' : 'Indicator'}</span>
                      {target.kind === 'outcome' && target.state === 'live' ? (
                        <Link to={outcomePath(partnership.id, target.id)}>{target.label || 'Untitled outcome'}</Link>
                      ) : (
                        target.label || 'Not in the framework'
                      )}
                      {target.state !== 'live' ? (
                        <span className="toc-mark toc-mark--gap">
                          {target.kind === 'outcome' ? 'Outcome removed' : 'Indicator removed'}
                        </span>
                      ) : null}
                      {reachesPriority(link, priorities) ? (
                        <span className="toc-tag toc-tag--priority">Priority</span>
                      ) : null}
                    </td>
                    <td>
                      {target.domain && target.level
                        ? `${domainLabel(target.domain)} – ${levelLabel(target.level)}`
                        : '—'}
                    </td>
                    <td>{evidenceStrengths[link.evidence].label}</td>
                    <td>{timeframes[link.timeframe].label}</td>
                    <td>
                      {link.assumptions.filter((assumption) => assumption.checked).length} of {link.assumptions.length}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {unreachedPriorities.length > 0 ? (
        <>
          <h3>Priority outcomes no action is meant to move</h3>
          <ul data-testid="unreached-priorities">
            {unreachedPriorities.map((outcome) => (
              <li key={outcome.id}>{outcome.statement || 'Untitled outcome'}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
