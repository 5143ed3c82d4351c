import { roleCan } from '../../shared/model/roles.ts';
import {
  defaultSharing,
  type Network,
  type NetworkAccess,
  type NetworkInvitationPreview,
  type NetworkMember,
  type NetworkPlace,
  type NetworkSummary,
  type PartnershipNetwork,
  type Sharing,
} from '../../shared/schemas/networks.ts';
import { HttpError } from '../http/errors.ts';
import type { NetworkRecord, StoredNetworkMember } from '../store/repositories/NetworkRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { NetworkSignal } from './networkSignal.ts';

export interface NetworkServiceDeps {
  store: Repositories;
  signal: NetworkSignal;
}

/** Who is acting, as the services need them. */
export interface NetworkActor {
  userId: string;
  isAdmin: boolean;
  ip: string | null;
}

function invalidInvitation(): HttpError {
  return new HttpError(
    404,
    'invitation_invalid',
    'This invitation link has been used or has expired. Ask the network’s coordinator for a new one.',
  );
}

function notInNetwork(): HttpError {
  return new HttpError(404, 'not_found', 'This partnership is not in that network and has not been invited to it');
}

/**
 * Networks of places: creating them, their coordinators (invited by single-use link), the partnerships invited to
 * and in them, and what each shares. Every change that concerns a partnership goes into its audit log, and every
 * change to what the network sees moves its live signal on.
 */
export class NetworkService {
  readonly #deps: NetworkServiceDeps;

  constructor(deps: NetworkServiceDeps) {
    this.#deps = deps;
  }

  /** Creates a network (administrators only: the route checks). */
  async create(actor: NetworkActor, name: string): Promise<NetworkSummary> {
    const { store } = this.#deps;
    const network = await store.transaction(async (tx) => {
      const created = await tx.networks.create({ name, createdBy: actor.userId });
      await tx.audit.record({
        action: 'network.created',
        actorId: actor.userId,
        target: created.id,
        details: { name },
        ip: actor.ip,
      });
      return created;
    });
    return this.#summary(network, 'admin', []);
  }

  /** Every network for administrators; otherwise those I coordinate, my partnerships are in, or are invited to. */
  async listFor(actor: NetworkActor): Promise<NetworkSummary[]> {
    const { store } = this.#deps;
    const partnerships = await store.partnerships.listForUser(actor.userId);
    const roles = new Map<string, boolean>();
    for (const partnership of partnerships) {
      const membership = await store.partnerships.membership(partnership.id, actor.userId);
      roles.set(partnership.id, membership !== null && roleCan(membership.role, 'network.manage'));
    }
    const places = await store.networks.membershipsOf([...roles.keys()]);
    const invitedTo = new Map<string, string[]>();
    for (const place of places) {
      if (place.state === 'invited' && roles.get(place.partnershipId)) {
        invitedTo.set(place.networkId, [...(invitedTo.get(place.networkId) ?? []), place.partnershipId]);
      }
    }
    const memberOf = new Set(places.filter((place) => place.state === 'member').map((place) => place.networkId));
    const coordinated = new Set((await store.networks.coordinatedBy(actor.userId)).map((network) => network.id));
    const networks = actor.isAdmin
      ? await store.networks.all()
      : (
          await Promise.all(
            [...new Set([...coordinated, ...memberOf, ...invitedTo.keys()])].map((id) => store.networks.findById(id)),
          )
        ).filter((network): network is NetworkRecord => network !== null);
    const summaries = await Promise.all(
      networks.map((network) => {
        const access = actor.isAdmin
          ? 'admin'
          : coordinated.has(network.id)
            ? 'coordinator'
            : memberOf.has(network.id)
              ? 'member'
              : 'invited';
        return this.#summary(network, access, invitedTo.get(network.id) ?? []);
      }),
    );
    return summaries.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
  }

  /** The network with its coordinators and members; coordinators' emails only for coordinators and administrators. */
  async get(network: NetworkRecord, access: NetworkAccess): Promise<Network> {
    const { store } = this.#deps;
    const coordinators = await store.networks.coordinators(network.id);
    const members = await this.#members(network.id);
    return {
      ...(await this.#summary(network, access, [])),
      coordinators: coordinators.map((coordinator) => ({
        userId: coordinator.userId,
        name: coordinator.name,
        email: access === 'member' ? '' : coordinator.email,
      })),
      members,
    };
  }

  /** A single-use link (valid 14 days) that makes whoever accepts it a coordinator of the network. */
  async inviteCoordinator(network: NetworkRecord, actor: NetworkActor, email: string) {
    const { store } = this.#deps;
    return store.transaction(async (tx) => {
      const created = await tx.networks.createInvitation({ networkId: network.id, email, createdBy: actor.userId });
      await tx.audit.record({
        action: 'network.coordinator_invited',
        actorId: actor.userId,
        target: email,
        details: { network: network.name },
        ip: actor.ip,
      });
      return created;
    });
  }

  /** What a coordinator invitation link offers (404 when used or expired). */
  async preview(token: string): Promise<NetworkInvitationPreview> {
    const invitation = await this.#pendingInvitation(token);
    const network = (await this.#deps.store.networks.findById(invitation.networkId))!;
    return {
      networkName: network.name,
      email: invitation.email,
      invitedBy: invitation.createdBy,
      expiresAt: invitation.expiresAt,
    };
  }

  /** Checks that a link is usable before an account is created for it. */
  async assertInvitationUsable(token: string): Promise<void> {
    await this.#pendingInvitation(token);
  }

  /** Makes the person a coordinator, using the link up (once, even when accepted from two places at once). */
  async acceptInvitation(token: string, userId: string, ip: string | null): Promise<{ networkId: string }> {
    const invitation = await this.#pendingInvitation(token);
    await this.#deps.store.transaction(async (tx) => {
      if (!(await tx.networks.markInvitationAccepted(invitation.id, userId))) throw invalidInvitation();
      await tx.networks.addCoordinator(invitation.networkId, userId);
      await tx.audit.record({
        action: 'network.coordinator_added',
        actorId: userId,
        target: invitation.id,
        details: { network: invitation.networkId },
        ip,
      });
    });
    return { networkId: invitation.networkId };
  }

  /** Invites a partnership; its facilitators accept or decline. */
  async invitePartnership(network: NetworkRecord, actor: NetworkActor, partnershipId: string): Promise<NetworkMember> {
    const { store } = this.#deps;
    const partnership = await store.partnerships.findById(partnershipId);
    if (!partnership) {
      throw new HttpError(404, 'not_found', 'There is no partnership with that id: check it with its facilitator');
    }
    await store.transaction(async (tx) => {
      const invited = await tx.networks.invite({
        networkId: network.id,
        partnershipId,
        invitedBy: actor.userId,
        sharing: defaultSharing,
      });
      if (!invited) {
        throw new HttpError(409, 'already_invited', 'This partnership is already in the network or invited to it');
      }
      await tx.audit.record({
        action: 'network.invited',
        actorId: actor.userId,
        partnershipId,
        target: network.id,
        details: { network: network.name },
        ip: actor.ip,
      });
    });
    await this.#deps.signal.changed(network.id);
    return (await this.#members(network.id)).find((member) => member.partnershipId === partnershipId)!;
  }

  /** The partnership joins a network it was invited to, sharing `sharing` (the defaults unless given). */
  async join(
    networkId: string,
    partnershipId: string,
    actor: NetworkActor,
    sharing: Sharing = defaultSharing,
  ): Promise<PartnershipNetwork> {
    const { store } = this.#deps;
    const network = await store.networks.findById(networkId);
    const place = network ? await store.networks.member(networkId, partnershipId) : null;
    if (!network || !place) throw notInNetwork();
    if (place.state === 'member') throw new HttpError(409, 'already_member', 'This partnership is already a member');
    await store.transaction(async (tx) => {
      if (!(await tx.networks.join(networkId, partnershipId, sharing, new Date().toISOString()))) {
        throw new HttpError(409, 'already_member', 'This partnership is already a member');
      }
      await tx.audit.record({
        action: 'network.joined',
        actorId: actor.userId,
        partnershipId,
        target: networkId,
        details: { network: network.name, sharing },
        ip: actor.ip,
      });
    });
    await this.#deps.signal.changed(networkId);
    return (await this.partnershipNetworks(partnershipId)).find((entry) => entry.networkId === networkId)!;
  }

  /**
   * Takes a partnership out of a network, from either side: its facilitators leave or decline the invitation, the
   * coordinators remove it or withdraw the invitation. Its choices on template changes are kept, should it return.
   */
  async remove(network: NetworkRecord, partnershipId: string, actor: NetworkActor, byNetwork: boolean): Promise<void> {
    const { store } = this.#deps;
    const place = await store.networks.member(network.id, partnershipId);
    if (!place) throw notInNetwork();
    const action = byNetwork ? 'network.removed' : place.state === 'invited' ? 'network.declined' : 'network.left';
    await store.transaction(async (tx) => {
      if (!(await tx.networks.removeMember(network.id, partnershipId))) throw notInNetwork();
      await tx.audit.record({
        action,
        actorId: actor.userId,
        partnershipId,
        target: network.id,
        details: { network: network.name, state: place.state },
        ip: actor.ip,
      });
    });
    await this.#deps.signal.changed(network.id);
  }

  /** The networks a partnership is in or invited to, as its members see them. */
  async partnershipNetworks(partnershipId: string): Promise<PartnershipNetwork[]> {
    const { store } = this.#deps;
    const places = await store.networks.membershipsOf([partnershipId]);
    const entries = await Promise.all(
      places.map(async (place) => {
        const network = await store.networks.findById(place.networkId);
        if (!network) return null;
        const coordinators = await store.networks.coordinators(network.id);
        const members = await store.networks.members(network.id);
        return {
          networkId: network.id,
          name: network.name,
          isDemo: network.isDemo,
          state: place.state,
          invitedAt: place.invitedAt,
          joinedAt: place.joinedAt,
          sharing: place.sharing,
          coordinators: coordinators.map((coordinator) => coordinator.name),
          memberCount: members.filter((member) => member.state === 'member').length,
        };
      }),
    );
    return entries
      .filter((entry): entry is PartnershipNetwork => entry !== null)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.networkId.localeCompare(b.networkId));
  }

  /** The network's member places (not those only invited) with what each shares, in name order: for the analyses. */
  async places(networkId: string): Promise<NetworkPlace[]> {
    return (await this.#members(networkId))
      .filter((member) => member.state === 'member')
      .map(({ partnershipId, name, areaName, sharing }) => ({ partnershipId, name, areaName, sharing }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.partnershipId.localeCompare(b.partnershipId));
  }

  /** A network's name ('' when there is none). */
  async networkName(networkId: string): Promise<string> {
    return (await this.#deps.store.networks.findById(networkId))?.name ?? '';
  }

  /** What a partnership shares with a network it is in or invited to. */
  async sharing(partnershipId: string, networkId: string): Promise<Sharing> {
    return (await this.#place(partnershipId, networkId)).sharing;
  }

  /** Changes what a partnership shares; the network's views change at once. */
  async setSharing(partnershipId: string, networkId: string, actor: NetworkActor, sharing: Sharing): Promise<Sharing> {
    const { store } = this.#deps;
    const before = await this.#place(partnershipId, networkId);
    await store.transaction(async (tx) => {
      if (!(await tx.networks.setSharing(networkId, partnershipId, sharing))) throw notInNetwork();
      await tx.audit.record({
        action: 'network.sharing_changed',
        actorId: actor.userId,
        partnershipId,
        target: networkId,
        details: { before: before.sharing, after: sharing },
        ip: actor.ip,
      });
    });
    await this.#deps.signal.changed(networkId);
    return sharing;
  }

  async #place(partnershipId: string, networkId: string): Promise<StoredNetworkMember> {
    const place = await this.#deps.store.networks.member(networkId, partnershipId);
    if (!place) throw notInNetwork();
    return place;
  }

  async #members(networkId: string): Promise<NetworkMember[]> {
    const { store } = this.#deps;
    const places = await store.networks.members(networkId);
    const members = await Promise.all(
      places.map(async (place) => {
        const partnership = await store.partnerships.findById(place.partnershipId);
        return partnership
          ? {
              partnershipId: place.partnershipId,
              name: partnership.name,
              areaName: partnership.areaName,
              state: place.state,
              invitedAt: place.invitedAt,
              joinedAt: place.joinedAt,
              sharing: place.sharing,
            }
          : null;
      }),
    );
    return members.filter((member): member is NetworkMember => member !== null);
  }

  async #summary(
    network: NetworkRecord,
    access: NetworkSummary['myAccess'],
    invitedPartnershipIds: string[],
  ): Promise<NetworkSummary> {
    const { store } = this.#deps;
    const members = await store.networks.members(network.id);
    return {
      id: network.id,
      name: network.name,
      isDemo: network.isDemo,
      createdAt: network.createdAt,
      memberCount: members.filter((member) => member.state === 'member').length,
      templateVersion: await store.networks.latestVersion(network.id),
      myAccess: access,
      invitedPartnershipIds,
    };
  }

  async #pendingInvitation(token: string) {
    const invitation = await this.#deps.store.networks.findInvitationByToken(token);
    if (!invitation || invitation.status !== 'pending') throw invalidInvitation();
    return invitation;
  }
}
