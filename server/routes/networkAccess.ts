import type { Permission } from '../../shared/model/roles.ts';
import type { NetworkAccessLevel, NetworkLookup, RouteAccess } from './defineRoute.ts';

/** Access to a network's routes at a level, bound to the store: what the analysis routes are given. */
export type NetworkAccessFactory = (level: NetworkAccessLevel) => RouteAccess;

/** The network a `/api/networks/:id/…` route is about. */
const networkOfId = (params: Record<string, string>): string | null => params.id ?? null;

/**
 * Access to a network's routes (`/api/networks/:id/…`): `read` for its coordinators, administrators and members of
 * its member partnerships, `coordinate` for coordinators and administrators. See the `network` kind of RouteAccess.
 */
export function networkAccess(networks: NetworkLookup, level: NetworkAccessLevel): RouteAccess {
  return { kind: 'network', level, networkOf: networkOfId, networks };
}

/** Either the network's coordinators or the facilitators of `:partnershipId` (leaving a network, from either side). */
export function networkOrPartnershipAccess(networks: NetworkLookup, permission: Permission): RouteAccess {
  return {
    kind: 'networkOrPartnership',
    permission,
    networkOf: networkOfId,
    partnershipOf: (params) => params.partnershipId ?? null,
    networks,
  };
}
