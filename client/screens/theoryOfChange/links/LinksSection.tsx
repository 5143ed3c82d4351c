import { useId, useState } from 'react';
import {
  evidenceStrengthOrder,
  evidenceStrengths,
  readTheoryOfChange,
  restoreLink,
  type LinkView,
} from '../../../../shared/model/theoryOfChange/index.ts';
import type { OfferAction } from '../../../../shared/schemas/theoryOfChange.ts';
import { CommentThreadsProvider } from '../../../comments/CommentThreadsProvider.tsx';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { useTheoryOfChangeContext } from '../../../theoryOfChange/TheoryOfChangeContext.ts';
import { AddLinkForm } from './AddLinkForm.tsx';
import { LinkCard } from './LinkCard.tsx';
import { targetValue } from './TargetSelect.tsx';

/** An action's links to outcomes and indicators, each with its mechanism, evidence and assumptions; and a new link. */
export function LinksSection({ action, viewing }: { action: OfferAction; viewing: string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { snapshot } = useTheoryOfChangeContext();
  const id = useId();
  const [deletedNow, setDeletedNow] = useState<LinkView | null>(null);
  const links = snapshot.theoryOfChange.links.filter((link) => link.actionId === action.id);
  const taken = new Set(links.map((link) => targetValue({ kind: link.target.kind, id: link.target.id })));
  const deleted = doc
    ? readTheoryOfChange(doc, snapshot.framework, { includeDeleted: true }).links.filter(
        (link) => link.actionId === action.id && link.deletedAt !== null,
      )
    : [];
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>What it is meant to change ({links.length})</h2>
      <details className="toc-scale">
        <summary>About the evidence strength scale</summary>
        <dl>
          {evidenceStrengthOrder.map((key) => (
            <div key={key}>
              <dt>{evidenceStrengths[key].label}</dt>
              <dd>{evidenceStrengths[key].description}</dd>
            </div>
          ))}
        </dl>
      </details>
      <div role="status" className="toc-status">
        {deletedNow && doc ? (
          <p className="notice notice--info" data-testid="link-deleted">
            Link to “{deletedNow.target.label || 'an outcome'}” deleted.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                restoreLink(doc, deletedNow.id);
                setDeletedNow(null);
              }}
            >
              Undo
            </button>
          </p>
        ) : null}
      </div>
      {links.length === 0 ? <p>Not linked to any outcome yet.</p> : null}
      {/* One comments doc for every link of the action: each card's "Comments" reads from it. */}
      <CommentThreadsProvider>
        <ol className="toc-links" data-testid="action-links">
          {links.map((link) => (
            <li key={link.id}>
              <LinkCard link={link} viewing={viewing} onDeleted={setDeletedNow} />
            </li>
          ))}
        </ol>
      </CommentThreadsProvider>
      {canEdit && action.deletedAt === null ? <AddLinkForm actionId={action.id} taken={taken} /> : null}
      {canEdit && doc && deleted.length > 0 ? (
        <details className="toc-deleted">
          <summary>Deleted links ({deleted.length})</summary>
          <ul>
            {deleted.map((link) => (
              <li key={link.id}>
                {link.target.label || 'Not in the framework'}{' '}
                <button type="button" className="link-button" onClick={() => restoreLink(doc, link.id)}>
                  Restore<span className="visually-hidden"> the link to {link.target.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
