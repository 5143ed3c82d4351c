import { useId } from 'react';
import {
  addIndicator,
  deleteIndicator,
  indicatorsForOutcome,
  moveIndicator,
  unlinkIndicator,
  type OutcomeSummary,
} from '../../../../shared/model/framework/index.ts';
import { frameworkLimits } from '../../../../shared/schemas/framework.ts';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { frameworkViewing } from '../../../framework/presenceKeys.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { AddNamedForm } from '../common/AddNamedForm.tsx';
import { IndicatorItem } from './IndicatorItem.tsx';
import { LinkIndicatorForm } from './LinkIndicatorForm.tsx';

/** An outcome's indicators in order, each with its metrics; add a new one or link one that exists. */
export function OutcomeIndicators({
  outcome,
  outcomeHref,
}: {
  outcome: OutcomeSummary;
  outcomeHref: (outcomeId: string) => string;
}) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { framework, perform, myName } = useFramework();
  const id = useId();
  const indicators = indicatorsForOutcome(framework, outcome.id);
  const outcomeById = new Map(framework.outcomes.map((o) => [o.id, o]));
  const viewing = frameworkViewing.outcome(outcome.id);
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        Indicators <span className="muted">({indicators.length})</span>
      </h2>
      <p className="hint">What would show progress towards this outcome, each with the metrics that measure it.</p>
      {indicators.length > 0 ? (
        <ol className="indicator-list">
          {indicators.map((indicator, index) => {
            const name = indicator.name.trim() || 'Untitled indicator';
            return (
              <IndicatorItem
                key={indicator.id}
                indicator={indicator}
                alsoServes={indicator.outcomeIds.flatMap((o) => (o === outcome.id ? [] : (outcomeById.get(o) ?? [])))}
                outcomeHref={outcomeHref}
                index={index}
                count={indicators.length}
                viewing={viewing}
                onMove={(to) =>
                  doc &&
                  perform(`Moved the indicator “${name}” to position ${to + 1} of ${indicators.length}`, () =>
                    moveIndicator(doc, indicator.id, { outcomeId: outcome.id, index: to }),
                  )
                }
                onUnlink={() =>
                  doc &&
                  perform(`Unlinked the indicator “${name}” from this outcome`, () =>
                    unlinkIndicator(doc, indicator.id, outcome.id),
                  )
                }
                onDelete={() =>
                  doc && perform(`Deleted the indicator “${name}”`, () => deleteIndicator(doc, indicator.id, myName))
                }
              />
            );
          })}
        </ol>
      ) : (
        <p className="muted">No indicators yet.</p>
      )}
      {canEdit ? (
        <div className="add-indicator">
          <AddNamedForm
            action="Add a new indicator"
            context="to this outcome"
            label="Indicator name"
            hint="What would show progress, for example “Good level of development at age 5”."
            maxLength={frameworkLimits.name}
            emptyMessage="Enter the indicator’s name"
            onAdd={(name) =>
              doc &&
              perform(`Added the indicator “${name}”`, () => {
                addIndicator(doc, { name, outcomeIds: [outcome.id], scope: 'local' });
              })
            }
          />
          <LinkIndicatorForm outcomeId={outcome.id} />
        </div>
      ) : null}
    </section>
  );
}
