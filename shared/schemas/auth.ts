import { z } from 'zod';
import { RoleSchema } from '../model/roles.ts';
import { DisplayNameSchema, EmailSchema, IdSchema, OrganisationSchema, PasswordSchema } from './common.ts';

/** `POST /api/auth/login`. */
export const LoginRequestSchema = z.object({
  email: EmailSchema,
  // Not PasswordSchema: an old short password must still reach the (uniform) "wrong email or password" answer.
  password: z.string().min(1, { error: 'Enter your password' }).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** A signed-in person as the API describes them. */
export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  isAdmin: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

/** One of my memberships, as listed in `GET /api/me`. */
export const MyMembershipSchema = z.object({
  partnershipId: IdSchema,
  partnershipName: z.string(),
  role: RoleSchema,
  organisation: z.string(),
  isVotingMember: z.boolean(),
});
export type MyMembership = z.infer<typeof MyMembershipSchema>;

/** `GET /api/me`: who I am and where I belong. */
export const MeSchema = z.object({
  user: UserSchema,
  memberships: z.array(MyMembershipSchema),
  /** How this request was authenticated: a browser session or an API token. */
  via: z.enum(['session', 'token']),
});
export type Me = z.infer<typeof MeSchema>;

/** `PATCH /api/me`: change my own name or organisation. */
export const UpdateMeRequestSchema = z
  .object({ displayName: DisplayNameSchema, organisation: OrganisationSchema })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'Nothing to change' });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequestSchema>;

/** `POST /api/me/password`. */
export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, { error: 'Enter your current password' }).max(256),
  newPassword: PasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

/** A new account: first administrator (setup) or someone accepting an invitation. */
export const NewAccountSchema = z.object({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  organisation: OrganisationSchema,
  password: PasswordSchema,
});
export type NewAccount = z.infer<typeof NewAccountSchema>;

/** `GET /api/setup/:token`: whether a one-time setup link is still usable. */
export const SetupStatusSchema = z.object({ valid: z.boolean() });

/** `POST /api/auth/logout-everywhere` and similar answers that only confirm. */
export const OkSchema = z.object({ ok: z.literal(true) });
