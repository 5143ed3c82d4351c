import { longDate } from '../cycles/decisionReviews.ts';
import { voterKeyFor } from '../rounds/ballotKeys.ts';
import type { Repositories } from '../store/Store.ts';
import { whenInWords } from './mailBodies.ts';
import type { Notifier } from './notifications.ts';

const dayMs = 24 * 60 * 60_000;

/**
 * Dates (YYYY-MM-DD) that count as "just reached": the last week, so an instance that was down on the day still
 * reminds, while a date long past (already reminded, or from before email existed) is not looked at again and again.
 */
interface DateWindow {
  from: string;
  to: string;
}

const within = (date: string, window: DateWindow): boolean =>
  date.slice(0, 10) >= window.from && date.slice(0, 10) <= window.to;

/**
 * Reminders that fall due with time rather than with someone's action: "voting closes within 24 hours" to electors
 * who have not voted, actions whose due date has come, and decisions whose review date has come. Every instance may
 * run this; each email carries a dedupe key (round and person; action, date and person; decision, review date and
 * person), so it is queued once however often, and wherever, the sweep runs. Dates reached count for a week.
 */
export async function sendReminders(store: Repositories, notifier: Notifier, now: Date): Promise<void> {
  await roundsClosingSoon(store, notifier, now);
  const today = now.toISOString().slice(0, 10);
  const weekAgo = new Date(now.getTime() - 7 * dayMs).toISOString().slice(0, 10);
  for (const partnership of await store.partnerships.listAll()) {
    await actionsDue(store, notifier, partnership, { from: weekAgo, to: today });
    await decisionsDueForReview(store, notifier, partnership, { from: weekAgo, to: today });
  }
}

async function roundsClosingSoon(store: Repositories, notifier: Notifier, now: Date): Promise<void> {
  for (const round of await store.rounds.listOpen()) {
    if (round.closesAt === null) continue;
    const left = Date.parse(round.closesAt) - now.getTime();
    if (left <= 0 || left > dayMs) continue;
    const partnership = await store.partnerships.findById(round.partnershipId);
    if (!partnership) continue;
    const voted = new Set((await store.ballots.voters(round.id)).map((voter) => voter.voterKey));
    for (const elector of await store.ballots.electors(round.id)) {
      if (voted.has(voterKeyFor(round.eligibility, elector))) continue;
      await notifier.toMember({
        userId: elector.userId,
        partnershipId: partnership.id,
        kind: 'round-closing',
        dedupeKey: `round-closing:${round.id}:${elector.userId}`,
        content: {
          subject: `Voting closes within 24 hours: ${round.title}`,
          partnershipName: partnership.name,
          paragraphs: [
            `You have not voted yet on “${round.title}” in ${partnership.name}.`,
            `Voting closes on ${whenInWords(round.closesAt)}.`,
          ],
          link: { label: 'Vote now', url: notifier.url(`/p/${partnership.id}/rounds/${round.id}`) },
        },
      });
    }
  }
}

async function actionsDue(
  store: Repositories,
  notifier: Notifier,
  partnership: { id: string; name: string },
  window: DateWindow,
): Promise<void> {
  for (const action of await store.boardActions.listForPartnership(partnership.id)) {
    if (action.status === 'done' || action.dueDate === null || !within(action.dueDate, window)) continue;
    const owner = await notifier.ownerOf(partnership.id, action.owner);
    if (!owner) continue;
    await notifier.toMember({
      userId: owner,
      partnershipId: partnership.id,
      kind: 'action-due',
      dedupeKey: `action-due:${action.id}:${action.dueDate}:${owner}`,
      content: {
        subject: `Action due: ${action.text}`,
        partnershipName: partnership.name,
        paragraphs: [`“${action.text}”, which you own in ${partnership.name}, was due on ${longDate(action.dueDate)}.`],
        link: { label: 'Open the actions log', url: notifier.url(`/p/${partnership.id}/meetings`) },
      },
    });
  }
}

async function decisionsDueForReview(
  store: Repositories,
  notifier: Notifier,
  partnership: { id: string; name: string },
  window: DateWindow,
): Promise<void> {
  const due = (await store.decisions.forPartnership(partnership.id)).filter((d) => within(d.reviewDate, window));
  if (due.length === 0) return;
  const members = await store.partnerships.members(partnership.id, false);
  for (const decision of due) {
    const round = await store.rounds.findById(decision.roundId);
    const title = round?.title ?? 'a prioritisation round';
    for (const member of members) {
      await notifier.toMember({
        userId: member.userId,
        partnershipId: partnership.id,
        kind: 'decision-review',
        dedupeKey: `decision-review:${decision.id}:${decision.reviewDate}:${member.userId}`,
        content: {
          subject: `Decision due for review: ${title}`,
          partnershipName: partnership.name,
          paragraphs: [
            `The decision ${partnership.name} recorded after “${title}” was due for review on ${longDate(decision.reviewDate)}.`,
            ...(decision.statement ? [decision.statement] : []),
          ],
          link: { label: 'Open the decision log', url: notifier.url(`/p/${partnership.id}/rounds/decisions`) },
        },
      });
    }
  }
}
