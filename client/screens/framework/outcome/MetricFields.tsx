import { useId } from 'react';
import {
  metricText,
  polarityLabels,
  polarityOrder,
  scopeLabels,
  scopeOrder,
  updateMetric,
} from '../../../../shared/model/framework/index.ts';
import {
  BreakdownSchema,
  FingertipsIdSchema,
  PolaritySchema,
  ScopeSchema,
  frameworkLimits,
  type Metric,
  type MetricPatch,
} from '../../../../shared/schemas/framework.ts';
import { SharedTextField } from '../../../components/SharedTextField.tsx';
import { SelectField } from '../../../forms/SelectField.tsx';
import { useFramework } from '../../../framework/FrameworkContext.ts';
import { fieldKey } from '../../../framework/presenceKeys.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { PlainField } from '../common/PlainField.tsx';

/** Breakdowns are typed as a list separated by semicolons, as in the spreadsheet. */
function parseBreakdowns(text: string): string[] {
  return [...new Set(text.split(';').map((part) => part.trim()))].filter(Boolean);
}

function breakdownProblem(text: string): string | null {
  const parts = parseBreakdowns(text);
  if (parts.length > frameworkLimits.breakdowns) return `List at most ${frameworkLimits.breakdowns} breakdowns`;
  const long = parts.find((part) => !BreakdownSchema.safeParse(part).success);
  return long ? `“${long.slice(0, 30)}…” is longer than ${frameworkLimits.breakdown} characters` : null;
}

/** Every field of one metric, for editing: name and definition co-typed, the rest saved as they change. */
export function MetricFields({ metric, viewing }: { metric: Metric; viewing: string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { undo } = useFramework();
  const id = useId();
  const key = (field: string) => fieldKey('metric', metric.id, field);
  const save = (patch: MetricPatch): void => {
    // Plain fields are saved as typed; each keystroke is not a step worth undoing, so they go straight to the doc.
    if (doc) updateMetric(doc, metric.id, patch);
  };
  const choose = (label: string, patch: MetricPatch): void => {
    if (doc) undo.perform(label, () => updateMetric(doc, metric.id, patch));
  };
  const plain = (field: 'unit' | 'source' | 'frequency', label: string, hint?: string) => (
    <PlainField
      id={`${id}-${field}`}
      label={label}
      {...(hint ? { hint } : {})}
      value={metric[field]}
      maxLength={frameworkLimits[field]}
      viewing={viewing}
      presenceKey={key(field)}
      onCommit={(value) => save({ [field]: value })}
    />
  );
  return (
    <div className="metric-fields" data-testid="metric-fields">
      <SharedTextField
        id={`${id}-name`}
        label="Metric name"
        text={doc ? metricText(doc, metric.id, 'name') : null}
        maxLength={frameworkLimits.name}
        viewing={viewing}
        presenceKey={key('name')}
      />
      <SharedTextField
        id={`${id}-definition`}
        label="Definition"
        hint="Exactly what is counted: numerator, denominator, ages, period."
        text={doc ? metricText(doc, metric.id, 'definition') : null}
        maxLength={frameworkLimits.definition}
        viewing={viewing}
        presenceKey={key('definition')}
        multiline
      />
      <div className="metric-fields__row">
        {plain('unit', 'Unit', 'For example %, per 1,000, count.')}
        <SelectField
          id={`${id}-polarity`}
          name="polarity"
          label="Which way is better"
          value={metric.polarity}
          disabled={!canEdit}
          onChange={(event) =>
            choose(`Changed which way is better for “${metric.name}”`, {
              polarity: PolaritySchema.parse(event.target.value),
            })
          }
          options={polarityOrder.map((polarity) => ({ value: polarity, label: polarityLabels[polarity] }))}
        />
      </div>
      {plain('source', 'Source', 'Who publishes the data, for example OHID Fingertips or DfE.')}
      <div className="metric-fields__row">
        <PlainField
          id={`${id}-fingertips`}
          label="Fingertips id (optional)"
          hint="The OHID Fingertips indicator number, digits only."
          value={metric.fingertipsId ?? ''}
          maxLength={10}
          viewing={viewing}
          presenceKey={key('fingertipsId')}
          validate={(value) =>
            value.trim() === '' || FingertipsIdSchema.safeParse(value.trim()).success
              ? null
              : 'Enter the Fingertips id as digits only, for example 90631'
          }
          onCommit={(value) => save({ fingertipsId: value.trim() === '' ? null : value.trim() })}
        />
        {plain('frequency', 'How often it is published', 'For example annual, quarterly.')}
      </div>
      <PlainField
        id={`${id}-breakdowns`}
        label="Breakdowns available"
        hint="Separate them with semicolons, for example Sex; Ethnicity; Ward or locality."
        value={metric.breakdowns.join('; ')}
        maxLength={frameworkLimits.breakdowns * (frameworkLimits.breakdown + 2)}
        viewing={viewing}
        presenceKey={key('breakdowns')}
        validate={breakdownProblem}
        onCommit={(value) => save({ breakdowns: parseBreakdowns(value) })}
        commitOn="blur"
      />
      <SelectField
        id={`${id}-scope`}
        name="scope"
        label="Core or local"
        value={metric.scope}
        disabled={!canEdit}
        onChange={(event) =>
          choose(`Made “${metric.name}” ${event.target.value}`, { scope: ScopeSchema.parse(event.target.value) })
        }
        options={scopeOrder.map((scope) => ({ value: scope, label: scopeLabels[scope] }))}
      />
    </div>
  );
}
