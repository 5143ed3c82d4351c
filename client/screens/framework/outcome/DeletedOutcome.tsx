import { Link } from 'react-router';
import { restoreOutcome } from '../../../../shared/model/framework/index.ts';
import type { Outcome } from '../../../../shared/schemas/framework.ts';
import { formatDateTime } from '../../../format.ts';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';

/** The page of an outcome that has been deleted (perhaps by someone else while it was open): say so, offer Restore. */
export function DeletedOutcome({ outcome, overviewHref }: { outcome: Outcome; overviewHref: string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { perform } = useFramework();
  const name = outcome.statement.trim() || 'Untitled outcome';
  return (
    <div className="notice notice--problem" data-testid="deleted-outcome">
      <p>
        <strong>This outcome has been deleted</strong>
        {outcome.deletedBy ? ` by ${outcome.deletedBy}` : ''}
        {outcome.deletedAt ? ` on ${formatDateTime(outcome.deletedAt)}` : ''}. Its indicators and metrics are kept and
        come back if it is restored.
      </p>
      <div className="button-group">
        <button
          type="button"
          disabled={!canEdit || !doc}
          onClick={() => doc && perform(`Restored the outcome “${name}”`, () => restoreOutcome(doc, outcome.id))}
        >
          Restore this outcome
        </button>
        <Link to={overviewHref}>Back to the framework</Link>
      </div>
    </div>
  );
}
