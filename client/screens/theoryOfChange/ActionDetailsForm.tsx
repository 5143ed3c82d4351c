import { useId } from 'react';
import { ageStageLabel, ageStageOrder } from '../../../shared/model/framework/index.ts';
import {
  actionStatusOrder,
  actionStatuses,
  actionText,
  deliveryTypeOrder,
  deliveryTypes,
  setActionAgeStage,
  updateAction,
} from '../../../shared/model/theoryOfChange/index.ts';
import {
  ActionStatusSchema,
  DeliveryTypeSchema,
  theoryOfChangeLimits,
  type OfferAction,
} from '../../../shared/schemas/theoryOfChange.ts';
import { SharedTextField } from '../../components/SharedTextField.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { BudgetAndContractFields } from './BudgetAndContractFields.tsx';
import { LocalitiesField } from './LocalitiesField.tsx';
import { actionFieldKey } from './presenceKeys.ts';

/** An action's details: name and provider (co-typed), delivery, status, where and for whom, money and contract. */
export function ActionDetailsForm({ action, viewing }: { action: OfferAction; viewing: string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const id = useId();
  if (!doc) return null;
  return (
    <section className="card section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>About this service or action</h2>
      <p className="hint">Changes save as you type and appear for everyone in this workspace.</p>
      <SharedTextField
        id={`${id}-name`}
        label="Name"
        text={actionText(doc, action.id, 'name')}
        maxLength={theoryOfChangeLimits.name}
        viewing={viewing}
        presenceKey={actionFieldKey(action.id, 'name')}
      />
      <SharedTextField
        id={`${id}-provider`}
        label="Provider organisation"
        text={actionText(doc, action.id, 'provider')}
        maxLength={theoryOfChangeLimits.provider}
        viewing={viewing}
        presenceKey={actionFieldKey(action.id, 'provider')}
      />
      <div className="toc-columns">
        <SelectField
          id={`${id}-delivery`}
          name="deliveryType"
          label="How it is delivered"
          hint={deliveryTypes[action.deliveryType].description}
          value={action.deliveryType}
          disabled={!canEdit}
          onChange={(event) =>
            updateAction(doc, action.id, { deliveryType: DeliveryTypeSchema.parse(event.target.value) })
          }
          options={deliveryTypeOrder.map((key) => ({ value: key, label: deliveryTypes[key].label }))}
        />
        <SelectField
          id={`${id}-status`}
          name="status"
          label="Status"
          hint={actionStatuses[action.status].description}
          value={action.status}
          disabled={!canEdit}
          onChange={(event) => updateAction(doc, action.id, { status: ActionStatusSchema.parse(event.target.value) })}
          options={actionStatusOrder.map((key) => ({ value: key, label: actionStatuses[key].label }))}
        />
      </div>
      <LocalitiesField action={action} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Age stages it serves</legend>
        <div className="toc-checkbox-grid">
          {ageStageOrder.map((stage) => (
            <div className="checkbox" key={stage}>
              <input
                type="checkbox"
                id={`${id}-stage-${stage}`}
                checked={action.ageStages.includes(stage)}
                disabled={!canEdit}
                onChange={(event) => setActionAgeStage(doc, action.id, stage, event.target.checked)}
              />
              <label htmlFor={`${id}-stage-${stage}`}>{ageStageLabel(stage)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <BudgetAndContractFields action={action} />
    </section>
  );
}
