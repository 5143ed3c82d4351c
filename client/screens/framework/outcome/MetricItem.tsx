import { useId } from 'react';
import { polarityLabels } from '../../../../shared/model/framework/index.ts';
import type { Metric } from '../../../../shared/schemas/framework.ts';
import { EntityComments } from '../../../comments/EntityComments.tsx';
import { ScopeTag } from '../common/Tags.tsx';
import { MoveButtons } from '../common/MoveButtons.tsx';
import { MetricFields } from './MetricFields.tsx';

interface MetricItemProps {
  metric: Metric;
  index: number;
  count: number;
  viewing: string;
  canEdit: boolean;
  open: boolean;
  onToggle: () => void;
  onMove: (to: number) => void;
  onDelete: () => void;
}

/** One metric: what it measures and where its data come from at a glance, with its fields when opened. */
export function MetricItem({
  metric,
  index,
  count,
  viewing,
  canEdit,
  open,
  onToggle,
  onMove,
  onDelete,
}: MetricItemProps) {
  const id = useId();
  const name = metric.name.trim() || 'Untitled metric';
  const facts: [string, string][] = [
    ['Unit', metric.unit || '—'],
    ['Direction', polarityLabels[metric.polarity]],
    ['Source', metric.source || '—'],
    ['Published', metric.frequency || '—'],
    ...(metric.fingertipsId ? ([['Fingertips id', metric.fingertipsId]] as [string, string][]) : []),
    ...(metric.breakdowns.length > 0 ? ([['Breakdowns', metric.breakdowns.join(', ')]] as [string, string][]) : []),
  ];
  return (
    <li className="metric" data-testid="metric">
      <div className="metric__summary">
        <p className="metric__name">
          {name} <ScopeTag scope={metric.scope} />
        </p>
        <dl className="inline-details metric__facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <div className="item-actions">
          <button
            type="button"
            className="button--secondary button--small"
            aria-expanded={open}
            aria-controls={`${id}-fields`}
            onClick={onToggle}
          >
            {open ? 'Close' : canEdit ? 'Edit' : 'Details'}
            <span className="visually-hidden"> metric: {name}</span>
          </button>
          <MoveButtons name={name} index={index} count={count} disabled={!canEdit} onMove={onMove} />
          <button type="button" className="button--warning button--small" disabled={!canEdit} onClick={onDelete}>
            Delete<span className="visually-hidden"> metric: {name}</span>
          </button>
        </div>
        <EntityComments
          anchor={{ kind: 'entity', entityKind: 'metric', entityId: metric.id }}
          subject={`Metric: ${name}`}
          about={`the metric “${name}”`}
          headingLevel={5}
          testId="metric-comments"
        />
      </div>
      <div id={`${id}-fields`} hidden={!open}>
        {open ? <MetricFields metric={metric} viewing={viewing} /> : null}
      </div>
    </li>
  );
}
