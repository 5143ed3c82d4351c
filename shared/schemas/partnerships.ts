import { z } from 'zod';
import { RoleSchema } from '../model/roles.ts';
import { IdSchema, OrganisationSchema, TimestampSchema } from './common.ts';

/** ONS area code, e.g. E09000024 (a London borough) or E06000023. */
export const AreaCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[EWSN]\d{8}$/, { error: 'Enter an ONS area code like E09000024' });

/** Templates a new partnership can start from. */
export const TemplateIdSchema = z.enum(['common-outcomes', 'blank']);
export type TemplateId = z.infer<typeof TemplateIdSchema>;

/** A partnership as listed and shown in its header. */
export const PartnershipSchema = z.object({
  id: IdSchema,
  name: z.string(),
  areaName: z.string(),
  areaCode: z.string(),
  template: TemplateIdSchema,
  createdAt: TimestampSchema,
  /** My role here; null for an administrator who is not a member. */
  myRole: RoleSchema.nullable(),
  memberCount: z.number().int(),
});
export type Partnership = z.infer<typeof PartnershipSchema>;

/** `POST /api/partnerships` (administrators). */
export const CreatePartnershipRequestSchema = z.object({
  name: z.string().trim().min(1, { error: 'Enter the partnership name' }).max(200),
  areaName: z.string().trim().min(1, { error: 'Enter the area name' }).max(200),
  areaCode: AreaCodeSchema,
  template: TemplateIdSchema.default('common-outcomes'),
});
export type CreatePartnershipRequest = z.input<typeof CreatePartnershipRequestSchema>;

/**
 * `PATCH /api/partnerships/:id` (facilitators): corrects the area. The ONS code decides which rows of a Fingertips
 * import are this place's, so a wrong one leaves the evidence empty or shows another area's figures.
 */
export const UpdatePartnershipAreaRequestSchema = z
  .object({
    areaName: z.string().trim().min(1, { error: 'Enter the area name' }).max(200),
    areaCode: AreaCodeSchema,
  })
  .partial()
  .refine((patch) => patch.areaName !== undefined || patch.areaCode !== undefined, {
    error: 'Give the area name, the ONS area code, or both',
  });
export type UpdatePartnershipAreaRequest = z.input<typeof UpdatePartnershipAreaRequestSchema>;

/** A member of a partnership. */
export const MemberSchema = z.object({
  userId: IdSchema,
  displayName: z.string(),
  /** Shown to facilitators only (null for others): emails are personal data. */
  email: z.string().nullable(),
  role: RoleSchema,
  organisation: z.string(),
  isVotingMember: z.boolean(),
  joinedAt: TimestampSchema,
});
export type Member = z.infer<typeof MemberSchema>;

/** `PATCH /api/partnerships/:id/members/:userId` (facilitators). */
export const UpdateMemberRequestSchema = z
  .object({ role: RoleSchema, organisation: OrganisationSchema, isVotingMember: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'Nothing to change' });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequestSchema>;

/** `POST /api/partnerships/:id/invitations` (facilitators). */
export const CreateInvitationRequestSchema = z.object({
  role: RoleSchema,
  organisation: OrganisationSchema,
  isVotingMember: z.boolean().default(false),
  /** Who the link is meant for, to recognise it in the pending list; not verified. */
  note: z.string().trim().max(200).default(''),
  /** When given, the app emails the link to this address (as well as answering it). */
  email: z.email('Enter an email address, like name@example.org').max(254).optional(),
});
export type CreateInvitationRequest = z.input<typeof CreateInvitationRequestSchema>;

/** A pending (or past) invitation as facilitators see it; the link itself is shown only once. */
export const InvitationSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  organisation: z.string(),
  isVotingMember: z.boolean(),
  note: z.string(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  createdBy: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** The answer to creating an invitation: the single-use link, shown once. */
export const CreatedInvitationSchema = z.object({ url: z.string(), invitation: InvitationSchema });
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;

/** `GET /api/invitations/:token`: what someone holding a link is being invited to. */
export const InvitationPreviewSchema = z.object({
  partnershipName: z.string(),
  areaName: z.string(),
  role: RoleSchema,
  organisation: z.string(),
  isVotingMember: z.boolean(),
  invitedBy: z.string(),
  expiresAt: TimestampSchema,
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

/** The answer to accepting an invitation. */
export const AcceptedInvitationSchema = z.object({ partnershipId: IdSchema });
