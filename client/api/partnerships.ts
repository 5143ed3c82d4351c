import { z } from 'zod';
import { OkSchema } from '../../shared/schemas/auth.ts';
import {
  MemberSchema,
  PartnershipSchema,
  type CreatePartnershipRequest,
  type Member,
  type Partnership,
  type UpdateMemberRequest,
  type UpdatePartnershipAreaRequest,
} from '../../shared/schemas/partnerships.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** The partnerships I belong to (administrators: all of them). */
export function listPartnerships(signal?: AbortSignal): Promise<Partnership[]> {
  return apiRequest('GET', '/api/partnerships', {
    schema: z.array(PartnershipSchema),
    ...(signal ? { signal } : {}),
  });
}

/** Creates a partnership (administrators only). */
export function createPartnership(request: CreatePartnershipRequest): Promise<Partnership> {
  return apiRequest('POST', '/api/partnerships', { body: request, schema: PartnershipSchema });
}

/** One partnership, with my role in it. */
export function fetchPartnership(partnershipId: string, signal?: AbortSignal): Promise<Partnership> {
  return apiRequest('GET', `/api/partnerships/${segment(partnershipId)}`, {
    schema: PartnershipSchema,
    ...(signal ? { signal } : {}),
  });
}

/** The members of a partnership; emails only for facilitators. */
export function listMembers(partnershipId: string, signal?: AbortSignal): Promise<Member[]> {
  return apiRequest('GET', `/api/partnerships/${segment(partnershipId)}/members`, {
    schema: z.array(MemberSchema),
    ...(signal ? { signal } : {}),
  });
}

/** Changes a member's role, organisation or voting flag (facilitators). */
export function updateMember(partnershipId: string, userId: string, change: UpdateMemberRequest): Promise<Member> {
  return apiRequest('PATCH', `/api/partnerships/${segment(partnershipId)}/members/${segment(userId)}`, {
    body: change,
    schema: MemberSchema,
  });
}

/** Removes a member; they lose access at once (facilitators). */
export async function removeMember(partnershipId: string, userId: string): Promise<void> {
  await apiRequest('DELETE', `/api/partnerships/${segment(partnershipId)}/members/${segment(userId)}`, {
    schema: OkSchema,
  });
}

/** Corrects the area name or ONS code (facilitators). */
export function correctPartnershipArea(
  partnershipId: string,
  patch: UpdatePartnershipAreaRequest,
): Promise<Partnership> {
  return apiRequest('PATCH', `/api/partnerships/${segment(partnershipId)}`, { body: patch, schema: PartnershipSchema });
}
