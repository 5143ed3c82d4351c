import { z } from 'zod';
import { OkSchema, type NewAccount } from '../../shared/schemas/auth.ts';
import {
  AcceptedInvitationSchema,
  CreatedInvitationSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  type CreateInvitationRequest,
  type CreatedInvitation,
  type Invitation,
  type InvitationPreview,
} from '../../shared/schemas/partnerships.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** Every invitation of a partnership, pending or not (facilitators). */
export function listInvitations(partnershipId: string, signal?: AbortSignal): Promise<Invitation[]> {
  return apiRequest('GET', `/api/partnerships/${segment(partnershipId)}/invitations`, {
    schema: z.array(InvitationSchema),
    ...(signal ? { signal } : {}),
  });
}

/** Creates a single-use invitation link; the link is in this answer only. */
export function createInvitation(partnershipId: string, request: CreateInvitationRequest): Promise<CreatedInvitation> {
  return apiRequest('POST', `/api/partnerships/${segment(partnershipId)}/invitations`, {
    body: request,
    schema: CreatedInvitationSchema,
  });
}

/** Revokes a pending invitation so its link stops working. */
export async function revokeInvitation(partnershipId: string, invitationId: string): Promise<void> {
  await apiRequest('DELETE', `/api/partnerships/${segment(partnershipId)}/invitations/${segment(invitationId)}`, {
    schema: OkSchema,
  });
}

/** What an invitation link offers; a 404 `invitation_invalid` when it is used, revoked, expired or unknown. */
export function previewInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return apiRequest('GET', `/api/invitations/${segment(token)}`, {
    schema: InvitationPreviewSchema,
    ...(signal ? { signal } : {}),
  });
}

/**
 * Accepts an invitation: as the signed-in person (no account), or by creating an account, which also signs in.
 * Returns the partnership joined.
 */
export async function acceptInvitation(token: string, account?: NewAccount): Promise<string> {
  const accepted = await apiRequest('POST', `/api/invitations/${segment(token)}/accept`, {
    body: account ?? {},
    schema: AcceptedInvitationSchema,
  });
  return accepted.partnershipId;
}
