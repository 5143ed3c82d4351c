import type { MailKind } from '../../shared/schemas/mail.ts';
import { longDate } from '../cycles/decisionReviews.ts';
import type { Logger } from '../logger.ts';
import type { Repositories } from '../store/Store.ts';
import { contentBodies, digestBodies, whenInWords, wrapBodies, type MailContent } from './mailBodies.ts';
import type { Outbox } from './Outbox.ts';
import type { NotificationPreferences } from './preferences.ts';

/**
 * What the services tell the mail side. Every call returns at once and never throws: the email is composed and
 * queued afterwards, and a failure there is logged, so a notification never fails (or slows) the action behind it.
 */
export interface Notify {
  /** An invitation link to email to an address (invitations go to whoever holds the address, not to a member). */
  invitationCreated(event: {
    partnershipId: string;
    email: string;
    url: string;
    invitedBy: string;
    role: string;
    expiresAt: string;
  }): void;
  mentioned(event: { partnershipId: string; authorId: string; userIds: readonly string[]; body: string }): void;
  roundOpened(event: { roundId: string }): void;
  decisionRecorded(event: { roundId: string }): void;
  /** An action was created or given a new owner; emails the owner when the owner names one member. */
  actionAssigned(event: { actionId: string }): void;
}

/** For route tests and anything built without mail: nothing is sent. */
export const noNotifications: Notify = {
  invitationCreated: () => {},
  mentioned: () => {},
  roundOpened: () => {},
  decisionRecorded: () => {},
  actionAssigned: () => {},
};

export interface NotifierDeps {
  store: Repositories;
  outbox: Outbox;
  preferences: NotificationPreferences;
  /** The address people open the app at (`PUBLIC_URL`, else where this server listens). */
  publicUrl: () => string;
  logger: Logger;
}

/** A message for one member, before their preferences decide whether it goes now, in tomorrow's digest, or not. */
export interface MemberMail {
  userId: string;
  partnershipId: string;
  kind: MailKind;
  content: MailContent;
  /** One email per key (a round and a person, say); null: every event mails. */
  dedupeKey: string | null;
}

const dayMs = 24 * 60 * 60_000;

/** Composes each event's email and hands it to the outbox, as each person's preferences say. */
export class Notifier implements Notify {
  readonly #deps: NotifierDeps;
  readonly #pending = new Set<Promise<void>>();

  constructor(deps: NotifierDeps) {
    this.#deps = deps;
  }

  /** A link to a screen of the app. */
  url(path: string): string {
    return `${this.#deps.publicUrl()}${path}`;
  }

  invitationCreated(event: Parameters<Notify['invitationCreated']>[0]): void {
    this.#run('invitation', async () => {
      const partnership = await this.#deps.store.partnerships.findById(event.partnershipId);
      if (!partnership) return;
      const content: MailContent = {
        subject: `You are invited to join ${partnership.name}`,
        partnershipName: partnership.name,
        paragraphs: [
          `${event.invitedBy} has invited you to join ${partnership.name} (${partnership.areaName}) on Common Ground, as ${event.role}.`,
          `The link works once and expires on ${whenInWords(event.expiresAt)}.`,
        ],
        link: { label: 'Accept the invitation', url: event.url },
      };
      const bodies = wrapBodies(contentBodies(content), {
        reason: `You received this because ${event.invitedBy} entered this address in an invitation. If you were not expecting it, ignore this email.`,
        unsubscribeUrl: null,
        preferencesUrl: null,
      });
      await this.#deps.outbox.enqueue({
        toUserId: null,
        toAddress: event.email,
        subject: content.subject,
        textBody: bodies.text,
        htmlBody: bodies.html,
        kind: 'invitation',
        partnershipId: partnership.id,
      });
    });
  }

  mentioned(event: Parameters<Notify['mentioned']>[0]): void {
    this.#run('mention', async () => {
      const { store } = this.#deps;
      const partnership = await store.partnerships.findById(event.partnershipId);
      const author = await store.users.findById(event.authorId);
      if (!partnership) return;
      const who = author?.displayName ?? 'Someone';
      for (const userId of new Set(event.userIds)) {
        if (userId === event.authorId) continue;
        await this.toMember({
          userId,
          partnershipId: partnership.id,
          kind: 'mention',
          dedupeKey: null,
          content: {
            subject: `${who} mentioned you`,
            partnershipName: partnership.name,
            paragraphs: [`${who} mentioned you in a comment in ${partnership.name}:`],
            quote: event.body.length > 600 ? `${event.body.slice(0, 600)}…` : event.body,
            link: { label: 'Open your mentions', url: this.url('/mentions') },
          },
        });
      }
    });
  }

  roundOpened(event: Parameters<Notify['roundOpened']>[0]): void {
    this.#run('round-open', async () => {
      const { store } = this.#deps;
      const round = await store.rounds.findById(event.roundId);
      const partnership = round ? await store.partnerships.findById(round.partnershipId) : null;
      if (!round || !partnership) return;
      for (const elector of await store.ballots.electors(round.id)) {
        await this.toMember({
          userId: elector.userId,
          partnershipId: partnership.id,
          kind: 'round-open',
          dedupeKey: `round-open:${round.id}:${elector.userId}`,
          content: {
            subject: `Voting is open: ${round.title}`,
            partnershipName: partnership.name,
            paragraphs: [
              `Voting has opened in ${partnership.name} on “${round.title}”.`,
              ...(round.question ? [round.question] : []),
              round.closesAt ? `Voting closes on ${whenInWords(round.closesAt)}.` : 'The facilitator will close it.',
            ],
            link: { label: 'Vote now', url: this.url(`/p/${partnership.id}/rounds/${round.id}`) },
          },
        });
      }
    });
  }

  decisionRecorded(event: Parameters<Notify['decisionRecorded']>[0]): void {
    this.#run('decision', async () => {
      const { store } = this.#deps;
      const decision = await store.decisions.forRound(event.roundId);
      const round = await store.rounds.findById(event.roundId);
      const partnership = decision ? await store.partnerships.findById(decision.partnershipId) : null;
      if (!decision || !round || !partnership) return;
      const priorities = decision.priorityCandidateIds
        .map((id) => round.candidates.find((candidate) => candidate.id === id)?.label)
        .filter((label) => label !== undefined);
      const content: MailContent = {
        subject: `Decision recorded: ${round.title}`,
        partnershipName: partnership.name,
        paragraphs: [
          `${partnership.name} recorded what it agreed after “${round.title}”.`,
          ...(decision.statement ? [decision.statement] : []),
          ...(priorities.length > 0 ? [`Agreed priorities: ${priorities.join('; ')}.`] : []),
          `It comes back for review on ${longDate(decision.reviewDate)}.`,
        ],
        link: { label: 'Open the decision log', url: this.url(`/p/${partnership.id}/rounds/decisions`) },
      };
      for (const member of await store.partnerships.members(partnership.id, false)) {
        await this.toMember({
          userId: member.userId,
          partnershipId: partnership.id,
          kind: 'decision',
          dedupeKey: `decision:${decision.id}:${member.userId}`,
          content,
        });
      }
    });
  }

  actionAssigned(event: Parameters<Notify['actionAssigned']>[0]): void {
    this.#run('action-assigned', async () => {
      const { store } = this.#deps;
      const action = await store.boardActions.findById(event.actionId);
      if (!action || action.status === 'done') return;
      const owner = await this.ownerOf(action.partnershipId, action.owner);
      const partnership = await store.partnerships.findById(action.partnershipId);
      if (!owner || !partnership) return;
      await this.toMember({
        userId: owner,
        partnershipId: partnership.id,
        kind: 'action-assigned',
        dedupeKey: `action-assigned:${action.id}:${owner}`,
        content: {
          subject: `An action for you: ${action.text}`,
          partnershipName: partnership.name,
          paragraphs: [
            `${partnership.name}’s actions log names you as the owner of “${action.text}”.`,
            action.dueDate ? `It is due on ${longDate(action.dueDate)}.` : 'It has no due date.',
          ],
          link: { label: 'Open the actions log', url: this.url(`/p/${partnership.id}/meetings`) },
        },
      });
    });
  }

  /**
   * The member an action's owner names: the owner is free text (a name, or an email address), so it must match
   * exactly one member's name or address, ignoring case; anything else (an organisation, a team) emails nobody.
   */
  async ownerOf(partnershipId: string, owner: string): Promise<string | null> {
    const wanted = owner.trim().toLowerCase();
    if (!wanted) return null;
    const matches = (await this.#deps.store.partnerships.members(partnershipId, true)).filter(
      (member) => member.displayName.trim().toLowerCase() === wanted || member.email?.toLowerCase() === wanted,
    );
    return matches.length === 1 ? matches[0]!.userId : null;
  }

  /** One member's email, as their preferences say: now, held for their daily digest, or not at all. */
  async toMember(mail: MemberMail): Promise<void> {
    const { store, preferences, outbox } = this.#deps;
    const user = await store.users.findById(mail.userId);
    if (!user) return;
    const mode = await preferences.mode(user.id);
    if (mode === 'off') return;
    const bodies = contentBodies(mail.content);
    const whole =
      mode === 'daily' ? bodies : wrapBodies(bodies, await this.#footer(user.id, mail.content.partnershipName));
    await outbox.enqueue(
      {
        toUserId: user.id,
        toAddress: user.email,
        subject: mail.content.subject,
        textBody: whole.text,
        htmlBody: whole.html,
        kind: mail.kind,
        partnershipId: mail.partnershipId,
        dedupeKey: mail.dedupeKey,
      },
      { hold: mode === 'daily' },
    );
  }

  /**
   * Makes each daily digest that is due at `now`: a person's held messages become one email once 24 hours have
   * passed since their last digest (or, before their first, since the oldest message held). Claimed per person,
   * so of several instances one makes it. Someone who switched to 'immediately' gets what was held at once.
   */
  async sendDigests(now = new Date()): Promise<number> {
    const { store, preferences, outbox } = this.#deps;
    let made = 0;
    for (const userId of await store.mail.usersWithHeld()) {
      const prefs = await store.mail.preferences(userId);
      const held = await store.mail.held(userId);
      const oldest = held[0];
      if (!oldest || prefs?.mode === 'off') continue;
      const since = prefs?.lastDigestAt ?? oldest.createdAt;
      if (prefs?.mode === 'daily' && now.getTime() - Date.parse(since) < dayMs) continue;
      const at = now.toISOString();
      if (
        !(await store.mail.claimDigest(userId, prefs?.lastDigestAt ?? null, at, await preferences.tokenHash(userId)))
      ) {
        continue;
      }
      const user = await store.users.findById(userId);
      if (!user) continue;
      const subject =
        held.length === 1 ? `Common Ground: ${oldest.subject}` : `Common Ground: ${held.length} updates for you`;
      const bodies = wrapBodies(
        digestBodies(held.map((item) => ({ subject: item.subject, text: item.textBody, html: item.htmlBody }))),
        await this.#footer(userId, null),
      );
      await outbox.enqueue({
        toUserId: userId,
        toAddress: user.email,
        subject,
        textBody: bodies.text,
        htmlBody: bodies.html,
        kind: 'digest',
        partnershipId: null,
        dedupeKey: `digest:${userId}:${at}`,
      });
      await store.mail.markDigested(held.map((item) => item.id));
      made += 1;
    }
    return made;
  }

  /** Waits for every email being composed (shutdown, and tests that read the outbox right after an action). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  async #footer(userId: string, partnershipName: string | null) {
    const token = await this.#deps.preferences.token(userId);
    return {
      reason: partnershipName
        ? `You received this because you are a member of ${partnershipName} on Common Ground.`
        : 'You received this because you are a member of a partnership on Common Ground.',
      unsubscribeUrl: this.url(`/unsubscribe/${token}`),
      preferencesUrl: this.url('/account'),
    };
  }

  #run(kind: MailKind, compose: () => Promise<void>): void {
    const work = compose()
      .catch((error: unknown) => this.#deps.logger.error('could not compose an email', { kind, error }))
      .finally(() => this.#pending.delete(work));
    this.#pending.add(work);
  }
}
