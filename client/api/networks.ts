import { z } from 'zod';
import { OkSchema, type NewAccount } from '../../shared/schemas/auth.ts';
import {
  AcceptedNetworkInvitationSchema,
  AcrossPlacesSchema,
  CommonCoreSchema,
  CreatedNetworkInvitationSchema,
  NetworkDataAgendaSchema,
  NetworkInvitationPreviewSchema,
  NetworkMemberSchema,
  NetworkSchema,
  NetworkSummarySchema,
  PartnershipNetworkSchema,
  SharingSchema,
  TemplateChoicesSchema,
  TemplateUpdateSchema,
  TemplateUpdatesSchema,
  TemplateVersionSchema,
  type AcrossPlaces,
  type CommonCore,
  type NetworkDataAgenda,
  type Network,
  type NetworkInvitationPreview,
  type NetworkMember,
  type NetworkSummary,
  type PartnershipNetwork,
  type PublishTemplateVersionRequest,
  type Sharing,
  type TemplateChoices,
  type TemplateUpdate,
  type TemplateUpdates,
  type TemplateVersion,
} from '../../shared/schemas/networks.ts';
import { apiRequest, segment } from './apiRequest.ts';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});
const networkPath = (networkId: string) => `/api/networks/${segment(networkId)}`;
const partnershipPath = (partnershipId: string) => `/api/partnerships/${segment(partnershipId)}`;

export type CreatedNetworkInvitation = z.infer<typeof CreatedNetworkInvitationSchema>;
export type NetworkExportFormat = 'csv' | 'xlsx' | 'docx';

/** The networks I coordinate or my partnerships are in or invited to (administrators: all of them). */
export function listNetworks(signal?: AbortSignal): Promise<NetworkSummary[]> {
  return apiRequest('GET', '/api/networks', { schema: z.array(NetworkSummarySchema), ...signalOf(signal) });
}

/** Creates a network (administrators only). */
export function createNetwork(name: string): Promise<NetworkSummary> {
  return apiRequest('POST', '/api/networks', { body: { name }, schema: NetworkSummarySchema });
}

/** One network: its places, coordinators and how I relate to it. */
export function fetchNetwork(networkId: string, signal?: AbortSignal): Promise<Network> {
  return apiRequest('GET', networkPath(networkId), { schema: NetworkSchema, ...signalOf(signal) });
}

/** How each place holds each template item, and recurring local additions (candidates for the core). */
export function fetchCommonCore(networkId: string, signal?: AbortSignal): Promise<CommonCore> {
  return apiRequest('GET', `${networkPath(networkId)}/common-core`, { schema: CommonCoreSchema, ...signalOf(signal) });
}

/** Metrics most sharing places lack, with the reasons, owners and next steps aggregated. */
export function fetchNetworkDataAgenda(networkId: string, signal?: AbortSignal): Promise<NetworkDataAgenda> {
  return apiRequest('GET', `${networkPath(networkId)}/data-agenda`, {
    schema: NetworkDataAgendaSchema,
    ...signalOf(signal),
  });
}

/** Where the data agenda downloads from (a plain link: the browser saves the attachment). */
export function networkDataAgendaDownloadUrl(networkId: string, format: NetworkExportFormat): string {
  return `${networkPath(networkId)}/data-agenda.${format}`;
}

/** Priorities, evidence and theory-of-change coverage side by side, from the places that share them. */
export function fetchAcrossPlaces(networkId: string, signal?: AbortSignal): Promise<AcrossPlaces> {
  return apiRequest('GET', `${networkPath(networkId)}/across-places`, {
    schema: AcrossPlacesSchema,
    ...signalOf(signal),
  });
}

/** Every published version of the network's template, oldest first as the server sends them. */
export function listTemplateVersions(networkId: string, signal?: AbortSignal): Promise<TemplateVersion[]> {
  return apiRequest('GET', `${networkPath(networkId)}/template-versions`, {
    schema: z.array(TemplateVersionSchema),
    ...signalOf(signal),
  });
}

/** Each place's choice on each published change (coordinators). */
export function fetchTemplateChoices(networkId: string, signal?: AbortSignal): Promise<TemplateChoices> {
  return apiRequest('GET', `${networkPath(networkId)}/template-choices`, {
    schema: TemplateChoicesSchema,
    ...signalOf(signal),
  });
}

/** Publishes the next version of the template; a refused change comes back as an issue at `['changes', i, …]`. */
export function publishTemplateVersion(
  networkId: string,
  request: PublishTemplateVersionRequest,
): Promise<TemplateVersion> {
  return apiRequest('POST', `${networkPath(networkId)}/template-versions`, {
    body: request,
    schema: TemplateVersionSchema,
  });
}

/** Invites a partnership; its facilitators accept or decline (coordinators). */
export function invitePartnership(networkId: string, partnershipId: string): Promise<NetworkMember> {
  return apiRequest('POST', `${networkPath(networkId)}/invitations`, {
    body: { partnershipId },
    schema: NetworkMemberSchema,
  });
}

/** Creates a single-use link for someone to become a coordinator; the link is in this answer only. */
export function inviteCoordinator(networkId: string, email: string): Promise<CreatedNetworkInvitation> {
  return apiRequest('POST', `${networkPath(networkId)}/coordinators`, {
    body: { email },
    schema: CreatedNetworkInvitationSchema,
  });
}

/** Removes a place from the network (coordinators), or a partnership leaves or declines (its facilitators). */
export async function removeNetworkMember(networkId: string, partnershipId: string): Promise<void> {
  await apiRequest('DELETE', `${networkPath(networkId)}/members/${segment(partnershipId)}`, {
    schema: OkSchema,
  });
}

/**
 * A partnership joins a network it was invited to (its facilitators). The chosen sharing goes in the body when it is
 * not the default; the caller saves it again afterwards in case the server takes no body.
 */
export function acceptNetworkMembership(
  networkId: string,
  partnershipId: string,
  sharing?: Sharing,
): Promise<PartnershipNetwork> {
  return apiRequest('POST', `${networkPath(networkId)}/members/${segment(partnershipId)}/accept`, {
    ...(sharing ? { body: { sharing } } : {}),
    schema: PartnershipNetworkSchema,
  });
}

/** What the link holder of a coordinator invitation is invited to; 404 when it is used, expired or unknown. */
export function previewNetworkInvitation(token: string, signal?: AbortSignal): Promise<NetworkInvitationPreview> {
  return apiRequest('GET', `/api/network-invitations/${segment(token)}`, {
    schema: NetworkInvitationPreviewSchema,
    ...signalOf(signal),
  });
}

/** Accepts a coordinator invitation as the signed-in person, or by creating an account; returns the network. */
export async function acceptNetworkInvitation(token: string, account?: NewAccount): Promise<string> {
  const accepted = await apiRequest('POST', `/api/network-invitations/${segment(token)}/accept`, {
    body: account ?? {},
    schema: AcceptedNetworkInvitationSchema,
  });
  return accepted.networkId;
}

/** The networks a partnership is in or invited to. */
export function listPartnershipNetworks(partnershipId: string, signal?: AbortSignal): Promise<PartnershipNetwork[]> {
  return apiRequest('GET', `${partnershipPath(partnershipId)}/networks`, {
    schema: z.array(PartnershipNetworkSchema),
    ...signalOf(signal),
  });
}

/** Changes what a partnership shares with one network (its facilitators); takes effect in the network's views at once. */
export function saveSharing(partnershipId: string, networkId: string, sharing: Sharing): Promise<Sharing> {
  return apiRequest('PUT', `${partnershipPath(partnershipId)}/networks/${segment(networkId)}/sharing`, {
    body: sharing,
    schema: SharingSchema,
  });
}

/** The template versions of every network the partnership is in, with its choice on each change. */
export function fetchTemplateUpdates(partnershipId: string, signal?: AbortSignal): Promise<TemplateUpdates> {
  return apiRequest('GET', `${partnershipPath(partnershipId)}/template-updates`, {
    schema: TemplateUpdatesSchema,
    ...signalOf(signal),
  });
}

/** Adopts or declines one change of a network template version (the partnership's facilitators). */
export function decideTemplateUpdate(
  partnershipId: string,
  changeId: string,
  choice: 'adopt' | 'decline',
): Promise<TemplateUpdate> {
  return apiRequest('POST', `${partnershipPath(partnershipId)}/template-updates/${segment(changeId)}/${choice}`, {
    schema: TemplateUpdateSchema,
  });
}
