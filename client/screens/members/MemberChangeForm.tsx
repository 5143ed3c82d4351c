import { useEffect, useRef, useState } from 'react';
import { RoleSchema, roleDescriptions, roles, type Role } from '../../../shared/model/roles.ts';
import {
  UpdateMemberRequestSchema,
  type Member,
  type UpdateMemberRequest,
} from '../../../shared/schemas/partnerships.ts';
import { updateMember } from '../../api/partnerships.ts';
import { CheckboxField } from '../../forms/CheckboxField.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { checkboxValue, choiceValue, textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';

const fields = ['role', 'organisation', 'isVotingMember'] as const;
const roleOptions = roles.map((role) => ({ value: role, label: roleDescriptions[role].label }));

interface MemberChangeFormProps {
  member: Member;
  isMe: boolean;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** Only what the facilitator actually changed is sent, so the audit log records just that. */
function changesFrom(member: Member, wanted: UpdateMemberRequest): UpdateMemberRequest {
  const change: UpdateMemberRequest = {};
  if (wanted.role !== undefined && wanted.role !== member.role) change.role = wanted.role;
  if (wanted.organisation !== undefined && wanted.organisation !== member.organisation) {
    change.organisation = wanted.organisation;
  }
  if (wanted.isVotingMember !== undefined && wanted.isVotingMember !== member.isVotingMember) {
    change.isVotingMember = wanted.isVotingMember;
  }
  return change;
}

/** Change one member's role, organisation and voting flag. */
export function MemberChangeForm({ member, isMe, onCancel, onDone }: MemberChangeFormProps) {
  const { partnership, reload } = usePartnership();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [role, setRole] = useState<Role>(member.role);
  const form = useFormSubmission({
    schema: UpdateMemberRequestSchema,
    fields,
    read: (element) => ({
      role: choiceValue(element, 'role'),
      organisation: textValue(element, 'organisation'),
      isVotingMember: checkboxValue(element, 'isVotingMember'),
    }),
    submit: async (wanted) => {
      const change = changesFrom(member, wanted);
      if (Object.keys(change).length === 0) {
        onCancel();
        return;
      }
      const updated = await updateMember(partnership.id, member.userId, change);
      // My own role may be what changed: the header and what I may do here follow it.
      if (isMe) reload();
      onDone(`${updated.displayName}’s membership has been updated.`);
    },
  });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <form className="panel" onSubmit={form.handleSubmit} noValidate aria-labelledby={form.fieldId('heading')}>
      <h3 id={form.fieldId('heading')} ref={headingRef} tabIndex={-1}>
        Change {isMe ? 'your membership' : `${member.displayName}’s membership`}
      </h3>
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <SelectField
        id={form.fieldId('role')}
        name="role"
        label="Role"
        hint={roleDescriptions[role].summary}
        options={roleOptions}
        value={role}
        onChange={(event) => {
          const parsed = RoleSchema.safeParse(event.target.value);
          if (parsed.success) setRole(parsed.data);
        }}
        error={form.errorFor('role')}
      />
      <TextField
        id={form.fieldId('organisation')}
        name="organisation"
        label="Organisation they represent"
        defaultValue={member.organisation}
        error={form.errorFor('organisation')}
      />
      <CheckboxField
        id={form.fieldId('isVotingMember')}
        name="isVotingMember"
        label="Voting member"
        hint="Voting members vote in prioritisation rounds."
        defaultChecked={member.isVotingMember}
      />
      <div className="button-group">
        <button type="submit" disabled={form.sending}>
          {form.sending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
