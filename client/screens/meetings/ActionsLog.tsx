import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  actionStatusLabels,
  ActionStatusSchema,
  type ActionStatus,
  type BoardAction,
} from '../../../shared/schemas/cycles.ts';
import { messageFor } from '../../api/ApiError.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { listActions, updateAction } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { formatDate } from '../../format.ts';
import { listDecisions } from '../../prioritisation/roundsApi.ts';
import { AddActionForm } from './AddActionForm.tsx';
import { StatusMessage } from './StatusMessage.tsx';

interface ActionsLogProps {
  partnershipId: string;
  meetingId: string;
  /** Everyone who may edit the workspace adds actions and changes their status, while the meeting is open. */
  canChange: boolean;
}

/** The actions log: open actions carry from meeting to meeting until done, so every meeting page shows them. */
export function ActionsLog({ partnershipId, meetingId, canChange }: ActionsLogProps) {
  const loadActions = useCallback((signal: AbortSignal) => listActions(partnershipId, signal), [partnershipId]);
  const loadDecisions = useCallback((signal: AbortSignal) => listDecisions(partnershipId, signal), [partnershipId]);
  const actions = useApiData(loadActions);
  const decisions = useApiData(loadDecisions);
  const [formKey, setFormKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const paths = cyclePaths(partnershipId);
  const { reload } = actions;

  const handleStatus = (action: BoardAction, status: ActionStatus): void => {
    setProblem(null);
    updateAction(action.id, { status }).then(
      () => {
        reload();
        setStatus(`“${action.text}” is now ${actionStatusLabels[status].toLowerCase()}.`);
      },
      (error: unknown) => setProblem(`The status was not changed. ${messageFor(error)}`),
    );
  };

  const linkTo = (action: BoardAction) => {
    if (!action.link) return <span className="muted">—</span>;
    const label = action.linkLabel ?? 'No longer in the workspace';
    if (action.link.kind === 'outcome') return <Link to={paths.outcome(action.link.id)}>{label}</Link>;
    const decision = decisions.status === 'ready' ? decisions.data.find((d) => d.id === action.link?.id) : undefined;
    return decision ? <Link to={`${paths.round(decision.roundId)}/decision`}>{label}</Link> : <span>{label}</span>;
  };

  const table = (caption: string, list: BoardAction[], testId: string, editable: boolean) => (
    <table className="table" data-testid={testId}>
      <caption className="table__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Linked to</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {list.map((action) => (
          <tr key={action.id} data-testid="action-row">
            <td>{action.text}</td>
            <td>{action.owner || <span className="muted">—</span>}</td>
            <td className="table__nowrap">{action.dueDate ? formatDate(action.dueDate) : '—'}</td>
            <td>{linkTo(action)}</td>
            <td>
              {editable ? (
                <select
                  aria-label={`Status of “${action.text}”`}
                  value={action.status}
                  onChange={(event) => handleStatus(action, ActionStatusSchema.parse(event.target.value))}
                >
                  {ActionStatusSchema.options.map((status) => (
                    <option key={status} value={status}>
                      {actionStatusLabels[status]}
                    </option>
                  ))}
                </select>
              ) : (
                actionStatusLabels[action.status]
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="section" aria-labelledby="actions-heading">
      <h2 id="actions-heading" ref={headingRef} tabIndex={-1}>
        Actions log
      </h2>
      <StatusMessage message={status} testId="actions-status" />
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {actions.status === 'loading' ? <p className="muted">Loading the actions…</p> : null}
      {actions.status === 'failed' ? (
        <LoadFailure what="The actions log" error={actions.error} onRetry={actions.reload} />
      ) : null}
      {actions.status === 'ready' ? (
        <>
          {actions.data.some((a) => a.status !== 'done') ? (
            table(
              'Open actions, carried from meeting to meeting until done',
              actions.data.filter((a) => a.status !== 'done'),
              'open-actions',
              canChange,
            )
          ) : (
            <p className="muted">No open actions.</p>
          )}
          {actions.data.some((a) => a.status === 'done') ? (
            <details className="actions__done">
              <summary>Done ({actions.data.filter((a) => a.status === 'done').length})</summary>
              {table(
                'Actions done',
                actions.data.filter((a) => a.status === 'done'),
                'done-actions',
                canChange,
              )}
            </details>
          ) : null}
        </>
      ) : null}
      {canChange ? (
        <details className="actions__add">
          <summary>Add an action</summary>
          <AddActionForm
            key={formKey}
            partnershipId={partnershipId}
            meetingId={meetingId}
            decisions={decisions.status === 'ready' ? decisions.data : []}
            onAdded={(action) => {
              setFormKey((key) => key + 1);
              reload();
              headingRef.current?.focus();
              setStatus(`Action added: “${action.text}”.`);
            }}
          />
        </details>
      ) : null}
    </section>
  );
}
