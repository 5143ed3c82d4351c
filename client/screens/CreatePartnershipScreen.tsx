import { Link, useNavigate } from 'react-router';
import { CreatePartnershipRequestSchema, type TemplateId } from '../../shared/schemas/partnerships.ts';
import { createPartnership } from '../api/partnerships.ts';
import { Page } from '../components/Page.tsx';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import { RadioGroup, type RadioOption } from '../forms/RadioGroup.tsx';
import { TextField } from '../forms/TextField.tsx';
import { choiceValue, textValue } from '../forms/formValues.ts';
import { useFormSubmission } from '../forms/useFormSubmission.ts';
import { useMe, useSession } from '../session/useSession.ts';

const fields = ['name', 'areaName', 'areaCode', 'template'] as const;

const templates: readonly (RadioOption & { value: TemplateId })[] = [
  {
    value: 'common-outcomes',
    label: 'Family hubs common outcomes framework',
    hint: 'Starts with the outcomes and sections most family hubs partnerships use. Members can change all of it.',
  },
  {
    value: 'blank',
    label: 'Blank',
    hint: 'Starts empty. Choose this if the partnership already has a framework of its own to bring in.',
  },
];

/** Administrators create a partnership; its members are invited next. */
export function CreatePartnershipScreen() {
  const { user } = useMe();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const form = useFormSubmission({
    schema: CreatePartnershipRequestSchema,
    fields,
    read: (element) => ({
      name: textValue(element, 'name'),
      areaName: textValue(element, 'areaName'),
      areaCode: textValue(element, 'areaCode'),
      template: choiceValue(element, 'template'),
    }),
    submit: async (request) => {
      const partnership = await createPartnership(request);
      await refresh();
      await navigate(`/p/${encodeURIComponent(partnership.id)}/members`, {
        state: { notice: `${partnership.name} has been created. Now invite its members.` },
      });
    },
  });

  if (!user.isAdmin) {
    return (
      <Page title="Only administrators can create partnerships">
        <h1>Only administrators can create partnerships</h1>
        <p>Ask the administrator of Common Ground in your area to create the partnership and invite you to it.</p>
        <p>
          <Link to="/">Go to your partnerships</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={form.errors.length > 0 ? 'Error: Create a partnership' : 'Create a partnership'}>
      <div className="narrow">
        <p className="back-link-wrapper">
          <Link to="/" className="back-link">
            Back to your partnerships
          </Link>
        </p>
        <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
        <h1>Create a partnership</h1>
        <form onSubmit={form.handleSubmit} noValidate>
          <TextField
            id={form.fieldId('name')}
            name="name"
            label="Partnership name"
            hint="As members know it, for example Riverside Family Hubs Partnership."
            error={form.errorFor('name')}
          />
          <TextField
            id={form.fieldId('areaName')}
            name="areaName"
            label="Area name"
            hint="The local authority area the partnership covers, for example Riverside."
            error={form.errorFor('areaName')}
          />
          <TextField
            id={form.fieldId('areaCode')}
            name="areaCode"
            label="ONS area code"
            hint="The 9-character code of the local authority, for example E09000024. Used to bring in published data for the area."
            width="short"
            spellCheck={false}
            autoCapitalize="characters"
            error={form.errorFor('areaCode')}
          />
          <RadioGroup
            id={form.fieldId('template')}
            name="template"
            legend="What should the workspace start with?"
            options={templates}
            defaultValue="common-outcomes"
            error={form.errorFor('template')}
          />
          <button type="submit" disabled={form.sending}>
            {form.sending ? 'Creating partnership…' : 'Create partnership'}
          </button>
        </form>
      </div>
    </Page>
  );
}
