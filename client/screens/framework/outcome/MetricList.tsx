import { useState } from 'react';
import { addMetric, deleteMetric, metricsForIndicator, moveMetric } from '../../../../shared/model/framework/index.ts';
import { frameworkLimits, type Indicator } from '../../../../shared/schemas/framework.ts';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { AddNamedForm } from '../common/AddNamedForm.tsx';
import { MetricItem } from './MetricItem.tsx';

/** The metrics of one indicator, in order: reorder, edit, delete (with Undo), and add. */
export function MetricList({ indicator, viewing }: { indicator: Indicator; viewing: string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { framework, perform, myName } = useFramework();
  const [openId, setOpenId] = useState<string | null>(null);
  const metrics = metricsForIndicator(framework, indicator.id);
  const indicatorName = indicator.name.trim() || 'this indicator';
  return (
    <div className="metric-list">
      <h4>
        Metrics <span className="muted">({metrics.length})</span>
      </h4>
      {metrics.length > 0 ? (
        <ol className="metric-list__items">
          {metrics.map((metric, index) => {
            const name = metric.name.trim() || 'Untitled metric';
            return (
              <MetricItem
                key={metric.id}
                metric={metric}
                index={index}
                count={metrics.length}
                viewing={viewing}
                canEdit={canEdit}
                open={openId === metric.id}
                onToggle={() => setOpenId(openId === metric.id ? null : metric.id)}
                onMove={(to) =>
                  doc &&
                  perform(`Moved the metric “${name}” to position ${to + 1} of ${metrics.length}`, () =>
                    moveMetric(doc, metric.id, { index: to }),
                  )
                }
                onDelete={() =>
                  doc && perform(`Deleted the metric “${name}”`, () => deleteMetric(doc, metric.id, myName))
                }
              />
            );
          })}
        </ol>
      ) : (
        <p className="muted">No metrics yet: add the measures, with their data sources, that would show this.</p>
      )}
      {canEdit ? (
        <AddNamedForm
          action="Add a metric"
          context={`to ${indicatorName}`}
          label="Metric name"
          hint="A concrete measure, for example “% of children at a good level of development at age 5”."
          maxLength={frameworkLimits.name}
          emptyMessage="Enter the metric’s name"
          onAdd={(name) => {
            if (!doc) return;
            let added = '';
            perform(`Added the metric “${name}”`, () => {
              added = addMetric(doc, { indicatorId: indicator.id, name, scope: 'local' });
            });
            // A new metric opens at once: its unit, source and polarity are what make it usable.
            setOpenId(added);
          }}
        />
      ) : null}
    </div>
  );
}
