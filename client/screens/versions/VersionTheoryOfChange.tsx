import {
  actionStatuses,
  deliveryTypes,
  evidenceStrengths,
  linksOfAction,
  timeframes,
  type LinkView,
  type TheoryOfChange,
} from '../../../shared/model/theoryOfChange/index.ts';
import { AsItWas } from './AsItWas.tsx';

/** What a link moves, in words, saying when its outcome or indicator had been removed by then. */
function targetWords(link: LinkView): string {
  const kind = link.target.kind === 'outcome' ? 'Outcome' : 'Indicator';
  if (link.target.state === 'missing') return `${kind} not in the framework`;
  const label = link.target.label || (link.target.kind === 'outcome' ? 'Untitled outcome' : 'Untitled indicator');
  return link.target.state === 'removed' ? `${kind}: ${label} (removed)` : `${kind}: ${label}`;
}

/** The theory of change as a version holds it: each action of the offer with the outcomes and indicators it moves. */
export function VersionTheoryOfChange({ theoryOfChange, date }: { theoryOfChange: TheoryOfChange; date: string }) {
  const { actions } = theoryOfChange;
  return (
    <section className="section" aria-labelledby="version-toc-heading" data-testid="version-theory-of-change">
      <h2 id="version-toc-heading">Theory of change</h2>
      <AsItWas date={date} />
      {actions.length === 0 ? <p className="muted">No actions.</p> : null}
      {actions.map((action) => {
        const links = linksOfAction(theoryOfChange, action.id);
        const headingId = `version-action-${action.id}`;
        return (
          <div key={action.id} data-testid="version-action">
            <h3 id={headingId}>{action.name || 'Untitled action'}</h3>
            <dl className="inline-details">
              <div>
                <dt>Provider:</dt>
                <dd>{action.provider || 'Not recorded'}</dd>
              </div>
              <div>
                <dt>Delivery:</dt>
                <dd>{deliveryTypes[action.deliveryType].label}</dd>
              </div>
              <div>
                <dt>Status:</dt>
                <dd>{actionStatuses[action.status].label}</dd>
              </div>
            </dl>
            {links.length === 0 ? (
              <p className="muted">Not linked to any outcome or indicator.</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
                <table className="table table--compact">
                  <caption className="table__caption">
                    {action.name || 'Untitled action'}: what it was meant to move, as it was on {date}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Outcome or indicator</th>
                      <th scope="col">Evidence strength</th>
                      <th scope="col">Timeframe</th>
                      <th scope="col">How it helps</th>
                    </tr>
                  </thead>
                  <tbody>
                    {links.map((link) => (
                      <tr key={link.id}>
                        <th scope="row" className="table__name">
                          {targetWords(link)}
                        </th>
                        <td>{evidenceStrengths[link.evidence].label}</td>
                        <td>{timeframes[link.timeframe].label}</td>
                        <td>{link.mechanism || <span className="muted">Not described</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
