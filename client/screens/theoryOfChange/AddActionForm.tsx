import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { addAction, deliveryTypeOrder, deliveryTypes } from '../../../shared/model/theoryOfChange/index.ts';
import { DeliveryTypeSchema, theoryOfChangeLimits } from '../../../shared/schemas/theoryOfChange.ts';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { theoryOfChangePath } from './TheoryOfChangePage.tsx';
import { textValue } from '../../forms/formValues.ts';

/** Adds a service or action to the offer, then opens it so its links and measures can be filled in. */
export function AddActionForm() {
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const navigate = useNavigate();
  const id = useId();
  const [error, setError] = useState<string | undefined>(undefined);

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!doc) return;
    const name = textValue(event.currentTarget, 'name').trim();
    if (name === '') {
      setError('Enter the name of the service or action');
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    const deliveryType = DeliveryTypeSchema.catch('direct').parse(textValue(event.currentTarget, 'deliveryType'));
    const actionId = addAction(doc, { name, provider: textValue(event.currentTarget, 'provider'), deliveryType });
    void navigate(theoryOfChangePath(partnership.id, `/actions/${encodeURIComponent(actionId)}`));
  };

  return (
    <section className="card section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Add a service or action</h2>
      <form noValidate onSubmit={handleSubmit} data-testid="add-action-form">
        <TextField
          id={`${id}-name`}
          name="name"
          label="Name of the service or action"
          hint="For example: Baby feeding peer support, Parenting programme, SEND early help front door."
          maxLength={theoryOfChangeLimits.name}
          error={error}
          onInput={() => setError(undefined)}
        />
        <TextField
          id={`${id}-provider`}
          name="provider"
          label="Provider organisation (optional)"
          maxLength={theoryOfChangeLimits.provider}
        />
        <SelectField
          id={`${id}-delivery`}
          name="deliveryType"
          label="How it is delivered"
          options={deliveryTypeOrder.map((key) => ({ value: key, label: deliveryTypes[key].label }))}
        />
        <button type="submit">Add and open it</button>
      </form>
    </section>
  );
}
