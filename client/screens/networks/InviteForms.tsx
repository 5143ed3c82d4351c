import { useCallback, useEffect, useRef, useState } from 'react';
import {
  InviteCoordinatorRequestSchema,
  InvitePartnershipRequestSchema,
  type NetworkMember,
} from '../../../shared/schemas/networks.ts';
import { inviteCoordinator, invitePartnership, type CreatedNetworkInvitation } from '../../api/networks.ts';
import { listPartnerships } from '../../api/partnerships.ts';
import { useApiData } from '../../api/useApiData.ts';
import { CopyableSecret } from '../../components/CopyableSecret.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { choiceValue, textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { formatDate } from '../../format.ts';
import { useMe } from '../../session/useSession.ts';

interface InvitePartnershipFormProps {
  networkId: string;
  /** Partnerships already in or invited to the network: not offered again. */
  present: ReadonlySet<string>;
  onInvited: (member: NetworkMember) => void;
}

/**
 * Invites a partnership; its facilitators accept or decline on its Networks page. Administrators pick from every
 * partnership; a coordinator who is not one types the id the partnership gave them (they cannot list others).
 */
export function InvitePartnershipForm({ networkId, present, onInvited }: InvitePartnershipFormProps) {
  const { user } = useMe();
  const load = useCallback(
    (signal: AbortSignal) => (user.isAdmin ? listPartnerships(signal) : Promise.resolve(null)),
    [user.isAdmin],
  );
  const partnerships = useApiData(load);
  const form = useFormSubmission({
    schema: InvitePartnershipRequestSchema,
    fields: ['partnershipId'],
    unanswered: { partnershipId: 'Choose the partnership to invite' },
    read: (element) => ({
      partnershipId: user.isAdmin ? choiceValue(element, 'partnershipId') : textValue(element, 'partnershipId').trim(),
    }),
    submit: async ({ partnershipId }) => {
      onInvited(await invitePartnership(networkId, partnershipId));
    },
  });
  const options =
    partnerships.status === 'ready' && partnerships.data
      ? partnerships.data
          .filter((p) => !present.has(p.id))
          .map((p) => ({ value: p.id, label: `${p.name} (${p.areaName})` }))
      : null;

  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="invite-partnership-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      {user.isAdmin && options ? (
        <SelectField
          id={form.fieldId('partnershipId')}
          name="partnershipId"
          label="Partnership"
          options={[{ value: '', label: 'Choose a partnership' }, ...options]}
          defaultValue=""
          error={form.errorFor('partnershipId')}
        />
      ) : (
        <TextField
          id={form.fieldId('partnershipId')}
          name="partnershipId"
          label="Partnership id"
          hint="The end of the partnership’s address in Common Ground, for example riverside-family-hubs. Its facilitators can tell you."
          autoComplete="off"
          spellCheck={false}
          error={form.errorFor('partnershipId')}
        />
      )}
      {user.isAdmin && partnerships.status === 'loading' ? <p role="status">Loading the partnerships…</p> : null}
      <button type="submit" disabled={form.sending}>
        {form.sending ? 'Inviting…' : 'Invite the partnership'}
      </button>
    </form>
  );
}

/** Invites someone to coordinate the network by a single-use link, shown once. */
export function InviteCoordinatorForm({ networkId }: { networkId: string }) {
  const [created, setCreated] = useState<CreatedNetworkInvitation | null>(null);
  const [formKey, setFormKey] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (created) headingRef.current?.focus();
  }, [created]);

  if (created) {
    return (
      <div className="panel panel--success" data-testid="created-coordinator-invitation">
        <h3 ref={headingRef} tabIndex={-1}>
          Invitation link created for {created.invitation.email}
        </h3>
        <CopyableSecret
          label="Invitation link"
          value={created.url}
          copyLabel="Copy link"
          copiedMessage="Link copied. Paste it into an email or message to the person."
          testId="coordinator-invitation-link"
          hint={
            <>
              Send this link to the person. It works once and stops working on{' '}
              {formatDate(created.invitation.expiresAt)}. <strong>You will not be able to see it again</strong> after
              you leave this page, but you can always create a new one.
            </>
          }
        />
        <button
          type="button"
          className="button--secondary"
          onClick={() => {
            setCreated(null);
            setFormKey((key) => key + 1);
          }}
        >
          Invite someone else
        </button>
      </div>
    );
  }
  return <CoordinatorEmailForm key={formKey} networkId={networkId} onCreated={setCreated} />;
}

function CoordinatorEmailForm({
  networkId,
  onCreated,
}: {
  networkId: string;
  onCreated: (created: CreatedNetworkInvitation) => void;
}) {
  const form = useFormSubmission({
    schema: InviteCoordinatorRequestSchema,
    fields: ['email'],
    read: (element) => ({ email: textValue(element, 'email') }),
    submit: async ({ email }) => onCreated(await inviteCoordinator(networkId, email)),
  });
  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="invite-coordinator-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('email')}
        name="email"
        type="email"
        label="Their email address"
        hint="Coordinators read the network’s views and publish template versions. They see no partnership’s own workspace."
        autoComplete="off"
        spellCheck={false}
        error={form.errorFor('email')}
      />
      <button type="submit" disabled={form.sending}>
        {form.sending ? 'Creating the link…' : 'Create invitation link'}
      </button>
    </form>
  );
}
