import type { IncomingMessage } from 'node:http';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { parseDocName } from '../../shared/protocol/docNames.ts';
import { colourFor } from '../../shared/model/presence.ts';
import { roleCan } from '../../shared/model/roles.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { isAllowedOrigin } from '../http/origin.ts';
import type { NetworkRepository } from '../store/repositories/NetworkRepository.ts';
import type { PartnershipRepository } from '../store/repositories/PartnershipRepository.ts';
import type { ResolveAccess } from './access.ts';

/**
 * Real access for `/collab/:docName`: a session cookie (browsers) or a `token` query parameter (scripts), a
 * same-site Origin, and membership of the document's partnership. Workspace docs are writable by roles with
 * `workspace.edit`; the server-written projections (ballots, comments) by nobody: only the server changes them,
 * after checking the change through the API. Administrators who are not members may read. A network's signal doc is
 * read-only to whoever may read the network (administrators, its coordinators, members of its member partnerships);
 * a network coordinator has no socket to any partnership document.
 */
export function createSessionAccess(deps: {
  authenticator: Authenticator;
  partnerships: PartnershipRepository;
  /** Absent: network docs are refused to everyone. */
  networks?: Pick<NetworkRepository, 'findById' | 'accessOf'>;
  publicOrigins: readonly string[];
}): ResolveAccess {
  return async (request: IncomingMessage, docName: string) => {
    const refuse = (
      code: typeof CloseCode.Unauthorized | typeof CloseCode.Forbidden | typeof CloseCode.NotFound,
      reason: string,
    ) => ({ allowed: false as const, code, reason });
    if (!isAllowedOrigin(request.headers.origin, request.headers.host, deps.publicOrigins)) {
      return refuse(CloseCode.Forbidden, 'connections from other sites are not accepted');
    }
    const parsed = parseDocName(docName);
    if (!parsed) return refuse(CloseCode.NotFound, 'unknown document');
    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
    const principal = await deps.authenticator.authenticate({
      cookie: request.headers.cookie ?? null,
      authorization: request.headers.authorization ?? null,
      token,
    });
    if (!principal) return refuse(CloseCode.Unauthorized, 'not signed in');
    const user = {
      id: principal.user.id,
      name: principal.user.displayName,
      organisation: principal.user.organisation,
      colour: colourFor(principal.user.id),
    };
    if (parsed.kind === 'network') {
      const network = deps.networks ? await deps.networks.findById(parsed.networkId) : null;
      const canRead =
        network !== null &&
        (principal.user.isAdmin || (await deps.networks!.accessOf(network.id, principal.user.id)) !== null);
      if (!canRead) return refuse(CloseCode.Forbidden, 'not part of this network');
      return {
        allowed: true as const,
        access: {
          user,
          canWrite: false,
          // No partnership: access changes to partnerships do not concern this connection.
          partnershipId: '',
          sessionIdHash: principal.sessionIdHash,
          tokenId: principal.tokenId,
        },
      };
    }
    const membership = await deps.partnerships.membership(parsed.partnershipId, principal.user.id);
    const isAdminReader =
      !membership && principal.user.isAdmin && (await deps.partnerships.findById(parsed.partnershipId)) !== null;
    if (!membership && !isAdminReader) return refuse(CloseCode.Forbidden, 'not a member of this partnership');
    // Only the workspace doc is co-edited; every other kind is a projection the server alone writes.
    // A read-only API token connects read-only whatever its owner's role.
    const canWrite =
      parsed.kind === 'workspace' &&
      membership !== null &&
      roleCan(membership.role, 'workspace.edit') &&
      !principal.readOnly;
    return {
      allowed: true as const,
      access: {
        user: { ...user, organisation: membership?.organisation ?? principal.user.organisation },
        canWrite,
        canRename: canWrite && roleCan(membership.role, 'partnership.manage'),
        partnershipId: parsed.partnershipId,
        sessionIdHash: principal.sessionIdHash,
        tokenId: principal.tokenId,
      },
    };
  };
}
