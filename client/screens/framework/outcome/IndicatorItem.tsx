import { useId, useState } from 'react';
import { Link } from 'react-router';
import { indicatorText, scopeLabels, scopeOrder, updateIndicator } from '../../../../shared/model/framework/index.ts';
import { ScopeSchema, frameworkLimits, type Indicator, type Outcome } from '../../../../shared/schemas/framework.ts';
import { EntityComments } from '../../../comments/EntityComments.tsx';
import { SharedTextField } from '../../../components/SharedTextField.tsx';
import { SelectField } from '../../../forms/SelectField.tsx';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { fieldKey } from '../../../framework/presenceKeys.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { PriorityBadge } from '../../prioritisation/PriorityBadge.tsx';
import { MoveButtons } from '../common/MoveButtons.tsx';
import { ScopeTag } from '../common/Tags.tsx';
import { MetricList } from './MetricList.tsx';

interface IndicatorItemProps {
  indicator: Indicator;
  /** The other outcomes it also serves (editing it changes it for them too). */
  alsoServes: readonly Outcome[];
  outcomeHref: (outcomeId: string) => string;
  index: number;
  count: number;
  viewing: string;
  onMove: (to: number) => void;
  onUnlink: () => void;
  onDelete: () => void;
}

/** One indicator of an outcome: its name and definition, its place in the list, and its metrics. */
export function IndicatorItem(props: IndicatorItemProps) {
  const { indicator, alsoServes, outcomeHref, index, count, viewing, onMove, onUnlink, onDelete } = props;
  const { doc, canEdit } = useWorkspaceDoc();
  const { undo, priorityOf } = useFramework();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const name = indicator.name.trim() || 'Untitled indicator';
  const priority = priorityOf('indicator', indicator.id);
  return (
    <li className="indicator" data-testid="indicator">
      <div className="indicator__header">
        <h3 className="indicator__name">
          <span className="visually-hidden">Indicator {index + 1}: </span>
          {name}
        </h3>
        <ScopeTag scope={indicator.scope} />
        {priority ? <PriorityBadge priority={priority} /> : null}
      </div>
      {indicator.definition.trim() && !editing ? <p className="indicator__definition">{indicator.definition}</p> : null}
      {alsoServes.length > 0 ? (
        <p className="indicator__shared">
          <strong>Also measures:</strong>{' '}
          {alsoServes.map((outcome, i) => (
            <span key={outcome.id}>
              {i > 0 ? '; ' : ''}
              <Link to={outcomeHref(outcome.id)}>{outcome.statement.trim() || 'Untitled outcome'}</Link>
            </span>
          ))}
          . Changes here change it there too.
        </p>
      ) : null}
      <div className="item-actions">
        <button
          type="button"
          className="button--secondary button--small"
          aria-expanded={editing}
          aria-controls={`${id}-fields`}
          onClick={() => setEditing(!editing)}
        >
          {editing ? 'Close' : canEdit ? 'Edit' : 'Details'}
          <span className="visually-hidden"> indicator: {name}</span>
        </button>
        <MoveButtons name={name} index={index} count={count} disabled={!canEdit} onMove={onMove} />
        <button type="button" className="button--secondary button--small" disabled={!canEdit} onClick={onUnlink}>
          Unlink<span className="visually-hidden"> indicator {name}</span> from this outcome
        </button>
        <button type="button" className="button--warning button--small" disabled={!canEdit} onClick={onDelete}>
          Delete<span className="visually-hidden"> indicator: {name}</span>
        </button>
      </div>
      <EntityComments
        anchor={{ kind: 'entity', entityKind: 'indicator', entityId: indicator.id }}
        subject={`Indicator: ${name}`}
        about={`the indicator “${name}”`}
        headingLevel={4}
        testId="indicator-comments"
      />
      <div id={`${id}-fields`} hidden={!editing} className="indicator__fields">
        {editing ? (
          <>
            <SharedTextField
              id={`${id}-name`}
              label="Indicator name"
              text={doc ? indicatorText(doc, indicator.id, 'name') : null}
              maxLength={frameworkLimits.name}
              viewing={viewing}
              presenceKey={fieldKey('indicator', indicator.id, 'name')}
            />
            <SharedTextField
              id={`${id}-definition`}
              label="Definition"
              hint="What would show progress, for example “Good level of development at age 5”."
              text={doc ? indicatorText(doc, indicator.id, 'definition') : null}
              maxLength={frameworkLimits.definition}
              viewing={viewing}
              presenceKey={fieldKey('indicator', indicator.id, 'definition')}
              multiline
            />
            <SelectField
              id={`${id}-scope`}
              name="scope"
              label="Core or local"
              value={indicator.scope}
              disabled={!canEdit}
              onChange={(event) => {
                const scope = ScopeSchema.parse(event.target.value);
                if (doc) undo.perform(`Made “${name}” ${scope}`, () => updateIndicator(doc, indicator.id, { scope }));
              }}
              options={scopeOrder.map((scope) => ({ value: scope, label: scopeLabels[scope] }))}
            />
          </>
        ) : null}
      </div>
      <MetricList indicator={indicator} viewing={viewing} />
    </li>
  );
}
