import { useState } from 'react';
import { domainLabel, domainOrder, levelLabel, levelOrder } from '../../../shared/model/framework/domains.ts';
import { polarityLabels, polarityOrder } from '../../../shared/model/framework/labels.ts';
import type { NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import { frameworkLimits } from '../../../shared/schemas/framework.ts';
import {
  AddMetricChangeSchema,
  AddOutcomeChangeSchema,
  RewordChangeSchema,
  type TemplateChangeDraft,
  type TemplateItemType,
} from '../../../shared/schemas/networks.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { choiceValue, textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { itemOptions } from './templateOptions.ts';

const choose = (label: string) => [{ value: '', label }];

interface DraftFormProps {
  template: NetworkTemplate;
  onAdd: (change: TemplateChangeDraft) => void;
}

const MetricFormSchema = AddMetricChangeSchema.omit({ kind: true, templateId: true });

/** A new metric under an indicator of the template. */
export function AddMetricForm({ template, onAdd }: DraftFormProps) {
  const form = useFormSubmission({
    schema: MetricFormSchema,
    fields: ['indicatorTemplateId', 'name', 'definition', 'unit', 'polarity', 'fingertipsId'],
    unanswered: { indicatorTemplateId: 'Choose the indicator this metric measures' },
    read: (element) => {
      const fingertipsId = textValue(element, 'fingertipsId').trim();
      return {
        indicatorTemplateId: choiceValue(element, 'indicatorTemplateId'),
        name: textValue(element, 'name'),
        definition: textValue(element, 'definition'),
        unit: textValue(element, 'unit'),
        polarity: choiceValue(element, 'polarity'),
        fingertipsId: fingertipsId === '' ? null : fingertipsId,
      };
    },
    submit: (metric) => {
      onAdd({ kind: 'add-metric', ...metric });
      return Promise.resolve();
    },
  });
  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="add-metric-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <SelectField
        id={form.fieldId('indicatorTemplateId')}
        name="indicatorTemplateId"
        label="Indicator it measures"
        options={[...choose('Choose an indicator'), ...itemOptions(template, 'indicator')]}
        defaultValue=""
        error={form.errorFor('indicatorTemplateId')}
      />
      <TextField
        id={form.fieldId('name')}
        name="name"
        label="Name of the metric"
        maxLength={frameworkLimits.name}
        autoComplete="off"
        error={form.errorFor('name')}
      />
      <TextField
        id={form.fieldId('definition')}
        name="definition"
        label="Definition (optional)"
        maxLength={frameworkLimits.definition}
        autoComplete="off"
        error={form.errorFor('definition')}
      />
      <TextField
        id={form.fieldId('unit')}
        name="unit"
        label="Unit (optional)"
        hint="For example: % or per 1,000 live births"
        width="short"
        maxLength={frameworkLimits.unit}
        autoComplete="off"
        error={form.errorFor('unit')}
      />
      <SelectField
        id={form.fieldId('polarity')}
        name="polarity"
        label="Which direction is progress"
        options={polarityOrder.map((polarity) => ({ value: polarity, label: polarityLabels[polarity] }))}
        defaultValue="no-judgement"
        error={form.errorFor('polarity')}
      />
      <TextField
        id={form.fieldId('fingertipsId')}
        name="fingertipsId"
        label="Fingertips indicator id (optional)"
        hint="Digits only, for example 92196. Places then compare their value with England."
        width="short"
        inputMode="numeric"
        autoComplete="off"
        error={form.errorFor('fingertipsId')}
      />
      <button type="submit" className="button--secondary">
        Add the metric to the draft
      </button>
    </form>
  );
}

const RewordFormSchema = RewordChangeSchema.omit({ kind: true, from: true });

/** New wording for an outcome, indicator or metric of the template. */
export function RewordForm({ template, onAdd }: DraftFormProps) {
  const [type, setType] = useState<TemplateItemType>('outcome');
  const form = useFormSubmission({
    schema: RewordFormSchema,
    fields: ['type', 'templateId', 'to'],
    unanswered: { templateId: 'Choose the item to reword' },
    read: (element) => ({
      type,
      templateId: choiceValue(element, 'templateId'),
      to: textValue(element, 'to'),
    }),
    submit: (reword) => {
      onAdd({ kind: 'reword', ...reword });
      return Promise.resolve();
    },
  });
  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="reword-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <SelectField
        id={form.fieldId('type')}
        name="type"
        label="Type of item"
        value={type}
        onChange={(event) => setType(event.currentTarget.value as TemplateItemType)}
        options={[
          { value: 'outcome', label: 'Outcome' },
          { value: 'indicator', label: 'Indicator' },
          { value: 'metric', label: 'Metric' },
        ]}
        error={form.errorFor('type')}
      />
      <SelectField
        key={type}
        id={form.fieldId('templateId')}
        name="templateId"
        label={`The ${type} to reword`}
        options={[...choose(`Choose ${type === 'metric' ? 'a' : 'an'} ${type}`), ...itemOptions(template, type)]}
        defaultValue=""
        error={form.errorFor('templateId')}
      />
      <TextField
        id={form.fieldId('to')}
        name="to"
        label="New wording"
        maxLength={frameworkLimits.statement}
        autoComplete="off"
        error={form.errorFor('to')}
      />
      <button type="submit" className="button--secondary">
        Add the rewording to the draft
      </button>
    </form>
  );
}

const OutcomeFormSchema = AddOutcomeChangeSchema.omit({ kind: true, templateId: true });

/** A new outcome in a domain, at a level. */
export function AddOutcomeForm({ onAdd }: Pick<DraftFormProps, 'onAdd'>) {
  const form = useFormSubmission({
    schema: OutcomeFormSchema,
    fields: ['domain', 'level', 'statement', 'description'],
    unanswered: { domain: 'Choose a domain', level: 'Choose who the outcome is about' },
    read: (element) => ({
      domain: choiceValue(element, 'domain'),
      level: choiceValue(element, 'level'),
      statement: textValue(element, 'statement'),
      description: textValue(element, 'description'),
    }),
    submit: (outcome) => {
      onAdd({ kind: 'add-outcome', ...outcome });
      return Promise.resolve();
    },
  });
  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="add-outcome-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <SelectField
        id={form.fieldId('domain')}
        name="domain"
        label="Domain"
        options={[...choose('Choose a domain'), ...domainOrder.map((d) => ({ value: d, label: domainLabel(d) }))]}
        defaultValue=""
        error={form.errorFor('domain')}
      />
      <SelectField
        id={form.fieldId('level')}
        name="level"
        label="Who it is about"
        options={[...choose('Choose a level'), ...levelOrder.map((l) => ({ value: l, label: levelLabel(l) }))]}
        defaultValue=""
        error={form.errorFor('level')}
      />
      <TextField
        id={form.fieldId('statement')}
        name="statement"
        label="The outcome"
        hint="For example: Families can find the help they need in one place"
        maxLength={frameworkLimits.statement}
        autoComplete="off"
        error={form.errorFor('statement')}
      />
      <TextField
        id={form.fieldId('description')}
        name="description"
        label="Description (optional)"
        maxLength={frameworkLimits.description}
        autoComplete="off"
        error={form.errorFor('description')}
      />
      <button type="submit" className="button--secondary">
        Add the outcome to the draft
      </button>
    </form>
  );
}
