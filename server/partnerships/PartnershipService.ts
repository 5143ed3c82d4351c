import type { Role } from '../../shared/model/roles.ts';
import type {
  CreateInvitationRequest,
  CreatePartnershipRequest,
  InvitationPreview,
  Member,
  Partnership,
  TemplateId,
  UpdateMemberRequest,
} from '../../shared/schemas/partnerships.ts';
import type { Principal } from '../auth/Principal.ts';
import { HttpError } from '../http/errors.ts';
import type { StoredInvitation } from '../store/repositories/InvitationRepository.ts';
import type { Membership, PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';

export interface PartnershipServiceDeps {
  store: Repositories;
  /** Fills a new partnership's workspace doc from its template. */
  initialiseWorkspace: (partnershipId: string, template: TemplateId, name: string) => Promise<void>;
  /** Closes a member's sockets in a partnership so they reconnect under their new access (or not at all). */
  closeMemberSockets: (partnershipId: string, userId: string) => void;
}

const lastFacilitator = () =>
  new HttpError(
    409,
    'last_facilitator',
    'A partnership must keep at least one facilitator. Make someone else a facilitator first.',
  );

/** A readable, unique partnership id from its name, e.g. `riverside-family-hubs-4f2a`. */
export function partnershipIdFor(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
  return `${slug || 'partnership'}-${suffix}`;
}

/** Partnerships, their members and invitations, with the rules that keep them sound. */
export class PartnershipService {
  readonly #deps: PartnershipServiceDeps;

  constructor(deps: PartnershipServiceDeps) {
    this.#deps = deps;
  }

  /** Creates a partnership from a template; its creator becomes its first facilitator. */
  async create(
    principal: Principal,
    request: Required<CreatePartnershipRequest>,
    ip: string | null,
    id = partnershipIdFor(request.name),
  ): Promise<Partnership> {
    const { store } = this.#deps;
    await store.transaction(async (tx) => {
      await tx.partnerships.create({ id, ...request, createdBy: principal.user.id });
      await tx.partnerships.addMember({
        partnershipId: id,
        userId: principal.user.id,
        role: 'facilitator',
        organisation: principal.user.organisation,
        isVotingMember: false,
      });
    });
    await this.#deps.initialiseWorkspace(id, request.template, request.name);
    await store.audit.record({
      action: 'partnership.created',
      actorId: principal.user.id,
      partnershipId: id,
      details: { ...request },
      ip,
    });
    return this.describe((await store.partnerships.findById(id))!, 'facilitator');
  }

  /** Fills the demo partnership's workspace from the default template. */
  async initialiseDemo(partnershipId: string): Promise<void> {
    const demo = (await this.#deps.store.partnerships.findById(partnershipId))!;
    await this.#deps.initialiseWorkspace(partnershipId, demo.template, demo.name);
  }

  /** The partnerships a person can open: their own, or every one for an administrator. */
  async list(principal: Principal): Promise<Partnership[]> {
    const { partnerships } = this.#deps.store;
    const records = principal.user.isAdmin
      ? await partnerships.listAll()
      : await partnerships.listForUser(principal.user.id);
    const mine = new Map((await partnerships.myMemberships(principal.user.id)).map((m) => [m.partnershipId, m.role]));
    return records.map((record) => this.describe(record, mine.get(record.id) ?? null));
  }

  describe(record: PartnershipRecord, myRole: Role | null): Partnership {
    return { ...record, myRole };
  }

  members(partnershipId: string, viewerRole: Role | null): Promise<Member[]> {
    // Emails are personal data: facilitators (and administrators, role null) need them to manage members.
    return this.#deps.store.partnerships.members(partnershipId, viewerRole === null || viewerRole === 'facilitator');
  }

  /** Changes a member's role, organisation or voting flag; their open sockets reconnect under the new role. */
  async updateMember(
    actor: Principal,
    partnershipId: string,
    userId: string,
    change: UpdateMemberRequest,
    ip: string | null,
  ): Promise<Member> {
    const { store } = this.#deps;
    const updated = await store.transaction(async (tx) => {
      const current = await requireMember(tx, partnershipId, userId);
      if (
        current.role === 'facilitator' &&
        change.role &&
        change.role !== 'facilitator' &&
        (await tx.partnerships.facilitatorCount(partnershipId)) <= 1
      ) {
        throw lastFacilitator();
      }
      const next: Membership = {
        ...current,
        role: change.role ?? current.role,
        organisation: change.organisation ?? current.organisation,
        isVotingMember: change.isVotingMember ?? current.isVotingMember,
      };
      await tx.partnerships.updateMember(next);
      await tx.audit.record({
        action: 'member.updated',
        actorId: actor.user.id,
        partnershipId,
        target: userId,
        details: { before: describeMembership(current), after: describeMembership(next) },
        ip,
      });
      return { before: current, after: next };
    });
    if (updated.before.role !== updated.after.role) this.#deps.closeMemberSockets(partnershipId, userId);
    return (await store.partnerships.members(partnershipId, true)).find((member) => member.userId === userId)!;
  }

  /** Removes a member; their sockets close at once. */
  async removeMember(actor: Principal, partnershipId: string, userId: string, ip: string | null): Promise<void> {
    await this.#deps.store.transaction(async (tx) => {
      const current = await requireMember(tx, partnershipId, userId);
      if (current.role === 'facilitator' && (await tx.partnerships.facilitatorCount(partnershipId)) <= 1) {
        throw lastFacilitator();
      }
      await tx.partnerships.removeMember(partnershipId, userId);
      await tx.audit.record({ action: 'member.removed', actorId: actor.user.id, partnershipId, target: userId, ip });
    });
    this.#deps.closeMemberSockets(partnershipId, userId);
  }

  /** Creates a single-use invitation link. */
  async invite(
    actor: Principal,
    partnershipId: string,
    request: Required<Omit<CreateInvitationRequest, 'email'>>,
    ip: string | null,
  ): Promise<{ token: string; invitation: StoredInvitation }> {
    const { store } = this.#deps;
    const created = await store.invitations.create({ partnershipId, ...request, createdBy: actor.user.id });
    await store.audit.record({
      action: 'invitation.created',
      actorId: actor.user.id,
      partnershipId,
      target: created.invitation.id,
      details: {
        role: request.role,
        organisation: request.organisation,
        isVotingMember: request.isVotingMember,
        note: request.note,
      },
      ip,
    });
    return created;
  }

  async revokeInvitation(
    actor: Principal,
    partnershipId: string,
    invitationId: string,
    ip: string | null,
  ): Promise<void> {
    if (!(await this.#deps.store.invitations.revoke(partnershipId, invitationId))) {
      throw new HttpError(404, 'not_found', 'No pending invitation with that id');
    }
    await this.#deps.store.audit.record({
      action: 'invitation.revoked',
      actorId: actor.user.id,
      partnershipId,
      target: invitationId,
      ip,
    });
  }

  /** What a link invites to; 404 when it is unknown, used, revoked or expired. */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.#pending(token);
    const partnership = (await this.#deps.store.partnerships.findById(invitation.partnershipId))!;
    return {
      partnershipName: partnership.name,
      areaName: partnership.areaName,
      role: invitation.role,
      organisation: invitation.organisation,
      isVotingMember: invitation.isVotingMember,
      invitedBy: invitation.createdBy,
      expiresAt: invitation.expiresAt,
    };
  }

  /** Adds the person to the partnership the link invites to, using the link up. */
  async accept(token: string, userId: string, ip: string | null): Promise<{ partnershipId: string }> {
    const invitation = await this.#pending(token);
    await this.#deps.store.transaction(async (tx) => {
      if (await tx.partnerships.membership(invitation.partnershipId, userId)) {
        throw new HttpError(409, 'already_member', 'You are already a member of this partnership');
      }
      // The conditional update is the single-use guard: of two acceptances racing, only one changes the row.
      if (!(await tx.invitations.markAccepted(invitation.id, userId))) throw invalidInvitation();
      await tx.partnerships.addMember({
        partnershipId: invitation.partnershipId,
        userId,
        role: invitation.role,
        organisation: invitation.organisation,
        isVotingMember: invitation.isVotingMember,
      });
      await tx.audit.record({
        action: 'invitation.accepted',
        actorId: userId,
        partnershipId: invitation.partnershipId,
        target: invitation.id,
        details: { role: invitation.role },
        ip,
      });
    });
    return { partnershipId: invitation.partnershipId };
  }

  /** Checks that a link is usable before an account is created for it. */
  async assertInvitationUsable(token: string): Promise<void> {
    await this.#pending(token);
  }

  async #pending(token: string): Promise<StoredInvitation> {
    const invitation = await this.#deps.store.invitations.findByToken(token);
    if (!invitation || invitation.status !== 'pending') throw invalidInvitation();
    return invitation;
  }
}

async function requireMember(store: Repositories, partnershipId: string, userId: string): Promise<Membership> {
  const membership = await store.partnerships.membership(partnershipId, userId);
  if (!membership) throw new HttpError(404, 'not_found', 'No such member');
  return membership;
}

function invalidInvitation(): HttpError {
  return new HttpError(
    404,
    'invitation_invalid',
    'This invitation link has been used, revoked or has expired. Ask a facilitator for a new one.',
  );
}

function describeMembership(membership: Membership): Record<string, unknown> {
  return { role: membership.role, organisation: membership.organisation, isVotingMember: membership.isVotingMember };
}
