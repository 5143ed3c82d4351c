import { roleDescriptions, roles } from '../../../shared/model/roles.ts';
import { CreateInvitationRequestSchema, type CreatedInvitation } from '../../../shared/schemas/partnerships.ts';
import { createInvitation } from '../../api/invitations.ts';
import { CheckboxField } from '../../forms/CheckboxField.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { RadioGroup } from '../../forms/RadioGroup.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { checkboxValue, choiceValue, textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';

const fields = ['role', 'organisation', 'isVotingMember', 'note', 'email'] as const;
const roleOptions = roles.map((role) => ({
  value: role,
  label: roleDescriptions[role].label,
  hint: roleDescriptions[role].summary,
}));

/** A link just created, and the address the app emailed it to (null: the facilitator sends it). */
export type NewInvitation = CreatedInvitation & { emailedTo: string | null };

/** What the invited person will be able to do, and whom they represent; creates a single-use link. */
export function InviteForm({ onCreated }: { onCreated: (created: NewInvitation) => void }) {
  const { partnership } = usePartnership();
  const form = useFormSubmission({
    schema: CreateInvitationRequestSchema,
    fields,
    unanswered: { role: 'Choose what the person will be able to do' },
    read: (element) => ({
      role: choiceValue(element, 'role'),
      organisation: textValue(element, 'organisation'),
      isVotingMember: checkboxValue(element, 'isVotingMember'),
      note: textValue(element, 'note'),
      email: textValue(element, 'email').trim() || undefined,
    }),
    submit: async (request) =>
      onCreated({ ...(await createInvitation(partnership.id, request)), emailedTo: request.email ?? null }),
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="invite-form">
      <p className="hint">
        You will get a link to send to the person. It works once, for 7 days. They create an account (or sign in) when
        they open it.
      </p>
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('note')}
        name="note"
        label="Who is this invitation for? (optional)"
        hint="For example their name and job title, so you recognise the invitation later. Only facilitators see this."
        maxLength={200}
        error={form.errorFor('note')}
      />
      <RadioGroup
        id={form.fieldId('role')}
        name="role"
        legend="What will they be able to do?"
        options={roleOptions}
        error={form.errorFor('role')}
      />
      <TextField
        id={form.fieldId('organisation')}
        name="organisation"
        label="Organisation they represent"
        hint="For example Riverside Council, Riverside NHS Foundation Trust or Riverside Primary School."
        autoComplete="off"
        error={form.errorFor('organisation')}
      />
      <TextField
        id={form.fieldId('email')}
        name="email"
        type="email"
        label="Email the invitation to (optional)"
        hint="Common Ground emails the link to this address. You also get the link here to send yourself."
        autoComplete="off"
        maxLength={254}
        error={form.errorFor('email')}
      />
      <CheckboxField
        id={form.fieldId('isVotingMember')}
        name="isVotingMember"
        label="They are a voting member"
        hint="Voting members vote in prioritisation rounds. Usually one person per organisation."
      />
      <button type="submit" disabled={form.sending}>
        {form.sending ? 'Creating link…' : 'Create invitation link'}
      </button>
    </form>
  );
}
