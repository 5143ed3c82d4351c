import type * as Y from 'yjs';
import {
  concernKindLabels,
  concernText,
  deleteConcern,
  setConcernLink,
  updateConcern,
} from '../../shared/model/concerns/index.ts';
import type { MetricContext } from '../../shared/model/dataMapping/index.ts';
import type { PriorityProjection } from '../../shared/model/prioritisation/projection.ts';
import { domainLabel } from '../../shared/model/framework/index.ts';
import { concernKindKeys, concernLimits, type Concern, type ConcernKind } from '../../shared/schemas/concerns.ts';
import type { Outcome } from '../../shared/schemas/framework.ts';
import { PriorityBadge } from '../screens/prioritisation/PriorityBadge.tsx';
import { useSharedTextField } from '../sync/useSharedTextField.ts';

interface ConcernCardProps {
  doc: Y.Doc;
  concern: Concern;
  /** Set when the board agreed this cohort or locality as a priority. */
  priority: PriorityProjection | undefined;
  outcomes: readonly Outcome[];
  metrics: readonly MetricContext[];
  canEdit: boolean;
  myName: string;
  onRemoved: (concern: Concern) => void;
}

/** One concern, co-edited live: name, kind, description, evidence notes and the outcomes and metrics it concerns. */
export function ConcernCard({
  doc,
  concern,
  priority,
  outcomes,
  metrics,
  canEdit,
  myName,
  onRemoved,
}: ConcernCardProps) {
  const id = concern.id;
  const name = useSharedTextField<HTMLInputElement>(canEdit ? concernText(doc, id, 'name') : null, concernLimits.name);
  const description = useSharedTextField<HTMLTextAreaElement>(
    canEdit ? concernText(doc, id, 'description') : null,
    concernLimits.description,
  );
  const notes = useSharedTextField<HTMLTextAreaElement>(
    canEdit ? concernText(doc, id, 'evidenceNotes') : null,
    concernLimits.evidenceNotes,
  );
  const title = concern.name || 'Untitled concern';
  const linkedOutcomes = outcomes.filter((outcome) => concern.outcomeIds.includes(outcome.id));
  const linkedMetrics = metrics.filter((context) => concern.metricIds.includes(context.metric.id));
  return (
    <article className="card concern-card" id={`concern-${id}`} aria-labelledby={`concern-${id}-title`}>
      <h3 id={`concern-${id}-title`}>
        <span className="tag tag--grey">{concernKindLabels[concern.kind]}</span> {title}
      </h3>
      {priority ? (
        <p className="concern-card__priority">
          <PriorityBadge priority={priority} />
        </p>
      ) : null}
      {canEdit ? (
        <>
          <div className="field">
            <label htmlFor={`concern-${id}-name`}>Name</label>
            <input ref={name} id={`concern-${id}-name`} type="text" />
          </div>
          <div className="field">
            <label htmlFor={`concern-${id}-kind`}>Kind</label>
            <select
              id={`concern-${id}-kind`}
              value={concern.kind}
              onChange={(event) => updateConcern(doc, id, { kind: event.target.value as ConcernKind })}
            >
              {concernKindKeys.map((kind) => (
                <option key={kind} value={kind}>
                  {concernKindLabels[kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`concern-${id}-description`}>Description</label>
            <textarea ref={description} id={`concern-${id}-description`} rows={3} />
          </div>
          <div className="field">
            <label htmlFor={`concern-${id}-notes`}>Evidence notes</label>
            <div className="hint" id={`concern-${id}-notes-hint`}>
              What shows this is a concern: data, local intelligence, what families and staff say.
            </div>
            <textarea ref={notes} id={`concern-${id}-notes`} rows={3} aria-describedby={`concern-${id}-notes-hint`} />
          </div>
        </>
      ) : (
        <>
          <p>{concern.description}</p>
          {concern.evidenceNotes ? (
            <p>
              <strong>Evidence:</strong> {concern.evidenceNotes}
            </p>
          ) : null}
        </>
      )}
      <p>
        <strong>Outcomes:</strong>{' '}
        {linkedOutcomes.length > 0 ? linkedOutcomes.map((outcome) => outcome.statement).join('; ') : 'none linked yet'}
      </p>
      <p>
        <strong>Metrics:</strong>{' '}
        {linkedMetrics.length > 0 ? linkedMetrics.map((context) => context.metric.name).join('; ') : 'none linked yet'}
      </p>
      {canEdit ? (
        <>
          <details className="inline-details">
            <summary>Link outcomes</summary>
            <fieldset className="fieldset concern-links">
              <legend className="visually-hidden">Outcomes this concern is about</legend>
              {outcomes.map((outcome) => (
                <div className="checkbox" key={outcome.id}>
                  <input
                    type="checkbox"
                    id={`concern-${id}-outcome-${outcome.id}`}
                    checked={concern.outcomeIds.includes(outcome.id)}
                    onChange={(event) => setConcernLink(doc, id, 'outcomeIds', outcome.id, event.target.checked)}
                  />
                  <label htmlFor={`concern-${id}-outcome-${outcome.id}`}>
                    {domainLabel(outcome.domain)}: {outcome.statement}
                  </label>
                </div>
              ))}
            </fieldset>
          </details>
          <details className="inline-details">
            <summary>Link metrics</summary>
            <fieldset className="fieldset concern-links">
              <legend className="visually-hidden">Metrics that show this concern</legend>
              {metrics.map(({ metric }) => (
                <div className="checkbox" key={metric.id}>
                  <input
                    type="checkbox"
                    id={`concern-${id}-metric-${metric.id}`}
                    checked={concern.metricIds.includes(metric.id)}
                    onChange={(event) => setConcernLink(doc, id, 'metricIds', metric.id, event.target.checked)}
                  />
                  <label htmlFor={`concern-${id}-metric-${metric.id}`}>{metric.name}</label>
                </div>
              ))}
            </fieldset>
          </details>
          <button
            type="button"
            className="button button--warning button--small"
            onClick={() => {
              deleteConcern(doc, id, myName);
              onRemoved(concern);
            }}
          >
            Remove “{title}”
          </button>
        </>
      ) : null}
    </article>
  );
}
