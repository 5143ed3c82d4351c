import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { SqlContext } from '../Store.ts';
import type { NetworkInvitationsTable, NetworkMembersTable, NetworksTable } from '../schema.ts';
import {
  NetworkMemberStateSchema,
  SharingSchema,
  TemplateChangeSchema,
  type NetworkMemberState,
  type Sharing,
  type TemplateChange,
} from '../../../shared/schemas/networks.ts';
import { hashSecret, newId, newSecret } from '../../accounts/secrets.ts';

/** A network as stored. */
export interface NetworkRecord {
  id: string;
  name: string;
  isDemo: boolean;
  createdBy: string | null;
  createdAt: string;
}

/** A coordinator of a network, with the account's name and email. */
export interface StoredCoordinator {
  userId: string;
  name: string;
  email: string;
  addedAt: string;
}

/** A partnership in (or invited to) a network. */
export interface StoredNetworkMember {
  networkId: string;
  partnershipId: string;
  state: NetworkMemberState;
  sharing: Sharing;
  invitedBy: string | null;
  invitedAt: string;
  joinedAt: string | null;
}

/** A coordinator invitation, with what accepting it needs. */
export interface StoredNetworkInvitation {
  id: string;
  networkId: string;
  email: string;
  /** The inviter's name ('' when their account has gone). */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'expired';
}

/** A published template version, its changes as the server settled them. */
export interface StoredTemplateVersion {
  id: string;
  networkId: string;
  version: number;
  note: string;
  changes: TemplateChange[];
  publishedById: string | null;
  /** The publisher's name ('' when their account has gone). */
  publishedBy: string;
  publishedAt: string;
}

/** A member partnership's choice on one published change. */
export interface StoredTemplateChoice {
  partnershipId: string;
  networkId: string;
  changeId: string;
  choice: 'adopted' | 'declined';
  decidedById: string | null;
  decidedBy: string;
  decidedAt: string;
}

/** Coordinator invitations stay valid for 14 days. */
const networkInvitationLifetimeMs = 14 * 24 * 60 * 60 * 1000;

/** How many times a publish takes the next number again after another publish took it first. */
const publishAttempts = 20;

const ChoiceSchema = z.enum(['adopted', 'declined']);
const ChangesSchema = z.array(TemplateChangeSchema);

/**
 * Networks of places: the networks, their coordinators and coordinator invitations, member partnerships and what
 * they share, template versions and each partnership's choices on them.
 */
export interface NetworkRepository {
  create(input: { id?: string; name: string; isDemo?: boolean; createdBy: string | null }): Promise<NetworkRecord>;
  findById(id: string): Promise<NetworkRecord | null>;
  /** Every network, by name. */
  all(): Promise<NetworkRecord[]>;
  /** Networks the person coordinates, by name. */
  coordinatedBy(userId: string): Promise<NetworkRecord[]>;
  /** Whether the person reads the network as its coordinator, as a member of a member partnership, or not at all. */
  accessOf(networkId: string, userId: string): Promise<'coordinator' | 'member' | null>;

  /** Makes someone a coordinator; false when they already were. */
  addCoordinator(networkId: string, userId: string): Promise<boolean>;
  coordinators(networkId: string): Promise<StoredCoordinator[]>;

  /** Creates a coordinator invitation; returns the secret token for the link (never stored) with the invitation. */
  createInvitation(
    input: { networkId: string; email: string; createdBy: string },
    now?: number,
  ): Promise<{ token: string; invitation: StoredNetworkInvitation }>;
  findInvitationByToken(token: string, now?: number): Promise<StoredNetworkInvitation | null>;
  /** Marks an invitation used; false if it was already used or has expired (single use, even under races). */
  markInvitationAccepted(id: string, userId: string, now?: number): Promise<boolean>;

  /** Invites a partnership (state 'invited'); false when it is already in or invited to the network. */
  invite(input: {
    networkId: string;
    partnershipId: string;
    invitedBy: string | null;
    sharing: Sharing;
  }): Promise<boolean>;
  member(networkId: string, partnershipId: string): Promise<StoredNetworkMember | null>;
  /** The partnerships in or invited to a network, by partnership id. */
  members(networkId: string): Promise<StoredNetworkMember[]>;
  /** The networks a partnership is in or invited to, by network id. */
  membershipsOf(partnershipIds: readonly string[]): Promise<StoredNetworkMember[]>;
  /** Turns an invitation into membership; false unless the partnership was invited (so it joins once). */
  join(networkId: string, partnershipId: string, sharing: Sharing, at: string): Promise<boolean>;
  /** Changes what a member or invited partnership shares; false when it is in neither state. */
  setSharing(networkId: string, partnershipId: string, sharing: Sharing): Promise<boolean>;
  /** Removes a partnership from the network (leaving, or declining the invitation); false when it was not there. */
  removeMember(networkId: string, partnershipId: string): Promise<boolean>;

  /**
   * Publishes the next version: `settle` is given the versions before it and the number it will take, and returns
   * the note and changes to store. When another publish takes that number first (unique key), it is called again
   * with the new versions, so two publishes at once become two versions. `settle` may throw to publish nothing.
   */
  publishVersion(
    networkId: string,
    /** Null only for the demo network's sample versions, which nobody published. */
    publishedBy: string | null,
    settle: (
      previous: StoredTemplateVersion[],
      version: number,
    ) => { note: string; changes: TemplateChange[] } | Promise<{ note: string; changes: TemplateChange[] }>,
  ): Promise<StoredTemplateVersion>;
  /** The network's versions, oldest first. */
  versions(networkId: string): Promise<StoredTemplateVersion[]>;
  latestVersion(networkId: string): Promise<number>;

  /** Records an adoption (also over an earlier decline). */
  adopt(input: { partnershipId: string; networkId: string; changeId: string; decidedBy: string | null }): Promise<void>;
  /** Records a decline; false (nothing written) when the change was already adopted. */
  decline(input: {
    partnershipId: string;
    networkId: string;
    changeId: string;
    decidedBy: string | null;
  }): Promise<boolean>;
  /** Choices in a network, of one partnership or of all. */
  choices(networkId: string, partnershipId?: string): Promise<StoredTemplateChoice[]>;
}

type MemberRow = Selectable<NetworkMembersTable>;

const toMember = (row: MemberRow): StoredNetworkMember => ({
  networkId: row.network_id,
  partnershipId: row.partnership_id,
  state: NetworkMemberStateSchema.parse(row.state),
  sharing: SharingSchema.parse(JSON.parse(row.sharing)),
  invitedBy: row.invited_by,
  invitedAt: row.invited_at,
  joinedAt: row.joined_at,
});

const toNetwork = (
  row: Pick<Selectable<NetworksTable>, 'id' | 'name' | 'is_demo' | 'created_by' | 'created_at'>,
): NetworkRecord => ({
  id: row.id,
  name: row.name,
  isDemo: row.is_demo === 1,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export function createNetworkRepository({ db }: SqlContext): NetworkRepository {
  const selectNetworks = () =>
    db
      .selectFrom('networks as n')
      .select(['n.id', 'n.name', 'n.is_demo', 'n.created_by', 'n.created_at'])
      .orderBy((eb) => eb.fn('lower', ['n.name']))
      .orderBy('n.id');
  const findById = async (id: string) => {
    const row = await db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toNetwork(row) : null;
  };
  const selectInvitations = () =>
    db
      .selectFrom('network_invitations as i')
      .leftJoin('users as u', 'u.id', 'i.created_by')
      .selectAll('i')
      .select('u.display_name as creator_name');
  const toInvitation = (
    row: Selectable<NetworkInvitationsTable> & { creator_name: string | null },
    now: number,
  ): StoredNetworkInvitation => ({
    id: row.id,
    networkId: row.network_id,
    email: row.email,
    createdBy: row.creator_name ?? '',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: row.accepted_at ? 'accepted' : Date.parse(row.expires_at) <= now ? 'expired' : 'pending',
  });
  const invitationByHash = async (tokenHash: string, now: number) => {
    const row = await selectInvitations().where('i.token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toInvitation(row, now) : null;
  };
  const versions = async (networkId: string): Promise<StoredTemplateVersion[]> => {
    const rows = await db
      .selectFrom('network_template_versions as v')
      .leftJoin('users as u', 'u.id', 'v.published_by')
      .selectAll('v')
      .select('u.display_name as publisher_name')
      .where('v.network_id', '=', networkId)
      .orderBy('v.version')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      networkId: row.network_id,
      version: row.version,
      note: row.note,
      changes: ChangesSchema.parse(JSON.parse(row.changes)),
      publishedById: row.published_by,
      publishedBy: row.publisher_name ?? '',
      publishedAt: row.published_at,
    }));
  };
  const choiceRow = (input: {
    partnershipId: string;
    networkId: string;
    changeId: string;
    decidedBy: string | null;
  }) => ({
    partnership_id: input.partnershipId,
    network_id: input.networkId,
    change_id: input.changeId,
    decided_by: input.decidedBy,
    decided_at: new Date().toISOString(),
  });

  return {
    async create(input) {
      const id = input.id ?? newId();
      await db
        .insertInto('networks')
        .values({
          id,
          name: input.name,
          is_demo: input.isDemo ? 1 : 0,
          created_by: input.createdBy,
          created_at: new Date().toISOString(),
        })
        .execute();
      return (await findById(id))!;
    },
    findById,
    async all() {
      return (await selectNetworks().execute()).map(toNetwork);
    },
    async coordinatedBy(userId) {
      const rows = await selectNetworks()
        .innerJoin('network_coordinators as c', 'c.network_id', 'n.id')
        .where('c.user_id', '=', userId)
        .execute();
      return rows.map(toNetwork);
    },
    async accessOf(networkId, userId) {
      const coordinator = await db
        .selectFrom('network_coordinators')
        .select('user_id')
        .where('network_id', '=', networkId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (coordinator) return 'coordinator';
      const member = await db
        .selectFrom('network_members as nm')
        .innerJoin('memberships as m', 'm.partnership_id', 'nm.partnership_id')
        .select('nm.partnership_id')
        .where('nm.network_id', '=', networkId)
        .where('nm.state', '=', 'member')
        .where('m.user_id', '=', userId)
        .executeTakeFirst();
      return member ? 'member' : null;
    },

    async addCoordinator(networkId, userId) {
      const result = await db
        .insertInto('network_coordinators')
        .values({ network_id: networkId, user_id: userId, added_at: new Date().toISOString() })
        .onConflict((conflict) => conflict.columns(['network_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async coordinators(networkId) {
      const rows = await db
        .selectFrom('network_coordinators as c')
        .innerJoin('users as u', 'u.id', 'c.user_id')
        .select(['c.user_id', 'c.added_at', 'u.display_name', 'u.email'])
        .where('c.network_id', '=', networkId)
        .orderBy('c.added_at')
        .orderBy('c.user_id')
        .execute();
      return rows.map((row) => ({
        userId: row.user_id,
        name: row.display_name,
        email: row.email,
        addedAt: row.added_at,
      }));
    },

    async createInvitation(input, now = Date.now()) {
      const token = newSecret();
      await db
        .insertInto('network_invitations')
        .values({
          id: newId(),
          network_id: input.networkId,
          token_hash: hashSecret(token),
          email: input.email,
          created_by: input.createdBy,
          created_at: new Date(now).toISOString(),
          expires_at: new Date(now + networkInvitationLifetimeMs).toISOString(),
        })
        .execute();
      return { token, invitation: (await invitationByHash(hashSecret(token), now))! };
    },
    findInvitationByToken: (token, now = Date.now()) => invitationByHash(hashSecret(token), now),
    async markInvitationAccepted(id, userId, now = Date.now()) {
      const at = new Date(now).toISOString();
      // The conditional update is the single-use guard: of acceptances racing, only one changes the row.
      const result = await db
        .updateTable('network_invitations')
        .set({ accepted_at: at, accepted_by: userId })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async invite(input) {
      const result = await db
        .insertInto('network_members')
        .values({
          network_id: input.networkId,
          partnership_id: input.partnershipId,
          state: 'invited',
          sharing: JSON.stringify(input.sharing),
          invited_by: input.invitedBy,
          invited_at: new Date().toISOString(),
          joined_at: null,
        })
        .onConflict((conflict) => conflict.columns(['network_id', 'partnership_id']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async member(networkId, partnershipId) {
      const row = await db
        .selectFrom('network_members')
        .selectAll()
        .where('network_id', '=', networkId)
        .where('partnership_id', '=', partnershipId)
        .executeTakeFirst();
      return row ? toMember(row) : null;
    },
    async members(networkId) {
      const rows = await db
        .selectFrom('network_members')
        .selectAll()
        .where('network_id', '=', networkId)
        .orderBy('partnership_id')
        .execute();
      return rows.map(toMember);
    },
    async membershipsOf(partnershipIds) {
      if (partnershipIds.length === 0) return [];
      const rows = await db
        .selectFrom('network_members')
        .selectAll()
        .where('partnership_id', 'in', [...partnershipIds])
        .orderBy('network_id')
        .orderBy('partnership_id')
        .execute();
      return rows.map(toMember);
    },
    async join(networkId, partnershipId, sharing, at) {
      const result = await db
        .updateTable('network_members')
        .set({ state: 'member', joined_at: at, sharing: JSON.stringify(sharing) })
        .where('network_id', '=', networkId)
        .where('partnership_id', '=', partnershipId)
        .where('state', '=', 'invited')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async setSharing(networkId, partnershipId, sharing) {
      const result = await db
        .updateTable('network_members')
        .set({ sharing: JSON.stringify(sharing) })
        .where('network_id', '=', networkId)
        .where('partnership_id', '=', partnershipId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async removeMember(networkId, partnershipId) {
      const result = await db
        .deleteFrom('network_members')
        .where('network_id', '=', networkId)
        .where('partnership_id', '=', partnershipId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async publishVersion(networkId, publishedBy, settle) {
      for (let attempt = 0; attempt < publishAttempts; attempt++) {
        const previous = await versions(networkId);
        const version = (previous.at(-1)?.version ?? 0) + 1;
        const { note, changes } = await settle(previous, version);
        const id = newId();
        // Another publish that took this number first makes this insert do nothing: settle again on top of it.
        const result = await db
          .insertInto('network_template_versions')
          .values({
            id,
            network_id: networkId,
            version,
            note,
            changes: JSON.stringify(changes),
            published_by: publishedBy,
            published_at: new Date().toISOString(),
          })
          .onConflict((conflict) => conflict.columns(['network_id', 'version']).doNothing())
          .executeTakeFirst();
        if ((result.numInsertedOrUpdatedRows ?? 0n) > 0n) {
          return (await versions(networkId)).find((stored) => stored.id === id)!;
        }
      }
      throw new Error(`Could not take a version number for network ${networkId} in ${publishAttempts} attempts`);
    },
    versions,
    async latestVersion(networkId) {
      const row = await db
        .selectFrom('network_template_versions')
        .select((eb) => eb.fn.max('version').as('latest'))
        .where('network_id', '=', networkId)
        .executeTakeFirst();
      return Number(row?.latest ?? 0);
    },

    async adopt(input) {
      await db
        .insertInto('network_template_choices')
        .values({ ...choiceRow(input), choice: 'adopted' })
        .onConflict((conflict) =>
          conflict.columns(['partnership_id', 'change_id']).doUpdateSet((eb) => ({
            choice: eb.ref('excluded.choice'),
            decided_by: eb.ref('excluded.decided_by'),
            decided_at: eb.ref('excluded.decided_at'),
          })),
        )
        .execute();
    },
    async decline(input) {
      const result = await db
        .insertInto('network_template_choices')
        .values({ ...choiceRow(input), choice: 'declined' })
        .onConflict((conflict) =>
          conflict
            .columns(['partnership_id', 'change_id'])
            .doUpdateSet((eb) => ({
              choice: eb.ref('excluded.choice'),
              decided_by: eb.ref('excluded.decided_by'),
              decided_at: eb.ref('excluded.decided_at'),
            }))
            .where('network_template_choices.choice', '!=', 'adopted'),
        )
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async choices(networkId, partnershipId) {
      let query = db
        .selectFrom('network_template_choices as c')
        .leftJoin('users as u', 'u.id', 'c.decided_by')
        .selectAll('c')
        .select('u.display_name as decider_name')
        .where('c.network_id', '=', networkId);
      if (partnershipId !== undefined) query = query.where('c.partnership_id', '=', partnershipId);
      const rows = await query.orderBy('c.partnership_id').orderBy('c.change_id').execute();
      return rows.map((row) => ({
        partnershipId: row.partnership_id,
        networkId: row.network_id,
        changeId: row.change_id,
        choice: ChoiceSchema.parse(row.choice),
        decidedById: row.decided_by,
        decidedBy: row.decider_name ?? '',
        decidedAt: row.decided_at,
      }));
    },
  };
}
