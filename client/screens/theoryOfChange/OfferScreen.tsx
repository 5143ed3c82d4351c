import { useEffect } from 'react';
import { Link } from 'react-router';
import {
  actionStatuses,
  deliveryTypes,
  isCountedLink,
  linksNeedingAttention,
  moveAction,
  restoreAction,
} from '../../../shared/model/theoryOfChange/index.ts';
import { readActions } from '../../../shared/model/theoryOfChange/index.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { useTheoryOfChangeContext } from '../../theoryOfChange/TheoryOfChangeContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { AddActionForm } from './AddActionForm.tsx';
import { GapSummary } from './GapSummary.tsx';
import { peopleOnAction, presenceSentence } from './presenceKeys.ts';
import { TheoryOfChangePage, theoryOfChangePath } from './TheoryOfChangePage.tsx';
import { useLinkedThreadRedirect } from './useLinkedThreadRedirect.ts';

/** The family hubs offer: every service and action, what it links to, who is working on it, and a way to add one. */
export function OfferScreen() {
  const { partnership } = usePartnership();
  const { doc, people, canEdit, setActivity } = useWorkspaceDoc();
  const { snapshot } = useTheoryOfChangeContext();
  const { theoryOfChange } = snapshot;
  const selfClientId = doc?.clientID ?? null;
  const counted = theoryOfChange.links.filter(isCountedLink);
  const attention = linksNeedingAttention(theoryOfChange);
  const deleted = doc ? readActions(doc, { includeDeleted: true }).actions.filter((a) => a.deletedAt !== null) : [];
  useLinkedThreadRedirect(partnership.id, theoryOfChange);

  useEffect(() => {
    setActivity({ viewing: 'toc.offer', editing: undefined });
    // Leaving the screen: others should no longer see me here.
    return () => setActivity({ viewing: undefined, editing: undefined });
  }, [setActivity]);

  return (
    <TheoryOfChangePage title="Theory of change">
      <p className="lead">
        The services and actions of the family hubs offer, and the outcomes each is meant to move. Open an action to say
        how it contributes, what that rests on, and how strong the evidence is.
      </p>
      <GapSummary />
      {attention.length > 0 ? (
        <div className="panel panel--warning" data-testid="links-needing-attention">
          <h2>Links to resolve</h2>
          <p>
            These links point at an outcome or indicator that has been removed from the framework. Open the action to
            point the link at another outcome, or delete it.
          </p>
          <ul>
            {attention.map((link) => (
              <li key={link.id}>
                <Link to={theoryOfChangePath(partnership.id, `/actions/${encodeURIComponent(link.actionId)}`)}>
                  {theoryOfChange.actions.find((a) => a.id === link.actionId)?.name || 'Untitled action'}
                </Link>{' '}
                → {link.target.kind === 'outcome' ? 'Outcome removed' : 'Indicator removed'}:{' '}
                {link.target.label || 'not in the framework'}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <section aria-labelledby="offer-heading" className="section">
        <h2 id="offer-heading">The offer ({theoryOfChange.actions.length})</h2>
        {theoryOfChange.actions.length === 0 ? (
          <p>No services or actions yet. {canEdit ? 'Add the first one below.' : ''}</p>
        ) : (
          <table className="table toc-offer-table" data-testid="offer-table">
            <caption className="visually-hidden">Services and actions of the offer</caption>
            <thead>
              <tr>
                <th scope="col">Service or action</th>
                <th scope="col">Provider</th>
                <th scope="col">Delivery</th>
                <th scope="col">Status</th>
                <th scope="col">Links</th>
                <th scope="col">Who is here</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">Order</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {theoryOfChange.actions.map((action, index) => {
                const linkCount = counted.filter((link) => link.actionId === action.id).length;
                const here = presenceSentence(peopleOnAction(people, action.id, selfClientId));
                return (
                  <tr key={action.id} data-testid="offer-row">
                    <th scope="row" className="table__name">
                      <Link to={theoryOfChangePath(partnership.id, `/actions/${encodeURIComponent(action.id)}`)}>
                        {action.name.trim() || 'Untitled action'}
                      </Link>
                    </th>
                    <td>{action.provider || <span className="muted">Not given</span>}</td>
                    <td>{deliveryTypes[action.deliveryType].label}</td>
                    <td>{actionStatuses[action.status].label}</td>
                    <td>
                      {linkCount === 0 ? (
                        <span className="toc-mark toc-mark--gap">No outcome linked</span>
                      ) : (
                        `${linkCount} ${linkCount === 1 ? 'link' : 'links'}`
                      )}
                    </td>
                    <td data-testid="offer-presence">{here}</td>
                    {canEdit && doc ? (
                      <td className="table__actions">
                        {index > 0 ? (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => moveAction(doc, action.id, index - 1)}
                          >
                            Move up<span className="visually-hidden"> {action.name}</span>
                          </button>
                        ) : null}
                        {index < theoryOfChange.actions.length - 1 ? (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => moveAction(doc, action.id, index + 1)}
                          >
                            Move down<span className="visually-hidden"> {action.name}</span>
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {canEdit ? <AddActionForm /> : null}
      {canEdit && deleted.length > 0 ? (
        <details className="section toc-deleted">
          <summary>Deleted actions ({deleted.length})</summary>
          <ul>
            {deleted.map((action) => (
              <li key={action.id}>
                {action.name || 'Untitled action'}{' '}
                <button type="button" className="link-button" onClick={() => doc && restoreAction(doc, action.id)}>
                  Restore<span className="visually-hidden"> {action.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </TheoryOfChangePage>
  );
}
