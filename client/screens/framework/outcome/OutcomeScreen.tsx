import { useId } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { deleteOutcome, domainLabel, levelLabel } from '../../../../shared/model/framework/index.ts';
import { CommentThreadsProvider } from '../../../comments/CommentThreadsProvider.tsx';
import { ConnectionStatus } from '../../../components/ConnectionStatus.tsx';
import { ConcernBadges } from '../../../concerns/ConcernBadges.tsx';
import { OutcomeEvidence } from '../../../evidence/OutcomeEvidence.tsx';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { frameworkPaths } from '../../../framework/paths.ts';
import { useFrameworkActivity } from '../../../framework/useFrameworkActivity.ts';
import { frameworkViewing, peopleOnOutcome } from '../../../framework/presenceKeys.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../../partnership/PartnershipPage.tsx';
import { PriorityBadge } from '../../prioritisation/PriorityBadge.tsx';
import { FrameworkNoticeBar } from '../common/FrameworkNoticeBar.tsx';
import { ReadOnlyNotice } from '../common/ReadOnlyNotice.tsx';
import { ScopeTag } from '../common/Tags.tsx';
import { DeletedOutcome } from './DeletedOutcome.tsx';
import { OutcomeDetails } from './OutcomeDetails.tsx';
import { OutcomeIndicators } from './OutcomeIndicators.tsx';
import { OutcomePresence } from './OutcomePresence.tsx';

/** One outcome: its words, place, ages and scope, its indicators and their metrics, co-edited live. */
export function OutcomeScreen() {
  const { outcomeId = '' } = useParams();
  const { partnership } = usePartnership();
  const { doc, people, canEdit, state } = useWorkspaceDoc();
  const { framework, cache, priorityOf, perform, myName } = useFramework();
  const navigate = useNavigate();
  const id = useId();
  const paths = frameworkPaths(partnership.id);
  const viewing = frameworkViewing.outcome(outcomeId);

  useFrameworkActivity(viewing);

  const outcome = framework.outcomes.find((candidate) => candidate.id === outcomeId);
  const back = (
    <p className="back-link-wrapper">
      <Link to={paths.overview} className="back-link">
        Back to the framework
      </Link>
    </p>
  );
  if (!outcome) {
    const deleted = cache.read({ includeDeleted: true }).outcomes.find((candidate) => candidate.id === outcomeId);
    return (
      <PartnershipPage title={deleted ? deleted.statement.trim() || 'Untitled outcome' : 'Outcome not found'}>
        {back}
        <FrameworkNoticeBar />
        {deleted ? (
          <DeletedOutcome outcome={deleted} overviewHref={paths.overview} />
        ) : (
          <p>There is no outcome at this address. It may never have existed here, or the link may be incomplete.</p>
        )}
      </PartnershipPage>
    );
  }

  const name = outcome.statement.trim() || 'Untitled outcome';
  const priority = priorityOf('outcome', outcome.id);
  const handleDelete = (): void => {
    if (!doc) return;
    perform(`Deleted the outcome “${name}”`, () => deleteOutcome(doc, outcome.id, myName));
    void navigate(paths.overview);
  };
  return (
    <PartnershipPage title={name} aside={<ConnectionStatus state={state.connection} readOnly={!canEdit} />}>
      <CommentThreadsProvider>
        {back}
        <p className="outcome-where">
          Outcome in <strong>{domainLabel(outcome.domain)}</strong> for{' '}
          <strong>{levelLabel(outcome.level).toLowerCase()}</strong> <ScopeTag scope={outcome.scope} />{' '}
          {priority ? <PriorityBadge priority={priority} /> : null}
        </p>
        <ConcernBadges outcomeId={outcome.id} />
        <OutcomePresence here={peopleOnOutcome(people, outcome.id, doc?.clientID ?? null)} />
        <ReadOnlyNotice />
        <FrameworkNoticeBar />
        <OutcomeDetails outcome={outcome} />
        <OutcomeIndicators outcome={outcome} outcomeHref={paths.outcome} />
        <OutcomeEvidence outcomeId={outcome.id} />
        <section className="section" aria-labelledby={`${id}-delete`}>
          <h2 id={`${id}-delete`}>Delete this outcome</h2>
          <p className="hint">
            Its indicators and metrics are hidden with it, unless they serve another outcome. You can undo, or restore
            it later from “Recently deleted” on the framework page.
          </p>
          <button type="button" className="button--warning" disabled={!canEdit} onClick={handleDelete}>
            Delete outcome<span className="visually-hidden">: {name}</span>
          </button>
        </section>
      </CommentThreadsProvider>
    </PartnershipPage>
  );
}
