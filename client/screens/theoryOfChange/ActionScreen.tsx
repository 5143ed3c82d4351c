import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { deleteAction, readActions, restoreAction } from '../../../shared/model/theoryOfChange/index.ts';
import { useMe } from '../../session/useSession.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { useTheoryOfChangeContext } from '../../theoryOfChange/TheoryOfChangeContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { ActionDetailsForm } from './ActionDetailsForm.tsx';
import { LinksSection } from './links/LinksSection.tsx';
import { MeasuresEditor } from './MeasuresEditor.tsx';
import { actionPresenceKey, peopleOnAction, presenceSentence } from './presenceKeys.ts';
import { TheoryOfChangePage, theoryOfChangePath } from './TheoryOfChangePage.tsx';

/** One service or action: its details, RBA performance measures, and its links to outcomes, all co-edited live. */
export function ActionScreen() {
  const { actionId = '' } = useParams();
  const { partnership } = usePartnership();
  const { user } = useMe();
  const { doc, people, canEdit, setActivity } = useWorkspaceDoc();
  const { snapshot } = useTheoryOfChangeContext();
  const viewing = actionPresenceKey(actionId);
  const action =
    snapshot.theoryOfChange.actions.find((candidate) => candidate.id === actionId) ??
    (doc ? readActions(doc, { includeDeleted: true }).actions.find((candidate) => candidate.id === actionId) : null);

  useEffect(() => {
    setActivity({ viewing: viewing, editing: undefined });
    // Leaving the screen: others should no longer see me here.
    return () => setActivity({ viewing: undefined, editing: undefined });
  }, [setActivity, viewing]);

  const back = (
    <p className="back-link-wrapper">
      <Link className="back-link" to={theoryOfChangePath(partnership.id)}>
        Back to the offer
      </Link>
    </p>
  );
  if (!doc || !action) {
    return (
      <TheoryOfChangePage title="Action not found">
        {back}
        <p>This service or action is not in the offer. It may never have existed, or its address may be wrong.</p>
      </TheoryOfChangePage>
    );
  }
  const others = presenceSentence(peopleOnAction(people, action.id, doc.clientID));
  const name = action.name.trim() || 'Untitled action';
  return (
    <TheoryOfChangePage title={name}>
      {back}
      {others ? (
        <p className="toc-here" data-testid="action-presence">
          {others} on this action.
        </p>
      ) : null}
      {action.deletedAt !== null ? (
        <div className="panel panel--warning">
          <h2>This action has been deleted</h2>
          <p>It and its links are hidden from the offer, the graph and the matrix.</p>
          {canEdit ? (
            <button type="button" onClick={() => restoreAction(doc, action.id)}>
              Restore this action
            </button>
          ) : null}
        </div>
      ) : null}
      <ActionDetailsForm action={action} viewing={viewing} />
      <MeasuresEditor action={action} viewing={viewing} />
      <LinksSection action={action} viewing={viewing} />
      {canEdit && action.deletedAt === null ? (
        <section className="section" aria-labelledby="delete-action-heading">
          <h2 id="delete-action-heading">Delete this action</h2>
          <p>Deleting hides the action and its links everywhere. You can restore it from the offer page.</p>
          <button
            type="button"
            className="button--warning"
            onClick={() => deleteAction(doc, action.id, user.displayName)}
          >
            Delete {name}
          </button>
        </section>
      ) : null}
    </TheoryOfChangePage>
  );
}
