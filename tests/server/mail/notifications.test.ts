import { describe, expect, it } from 'vitest';
import type { OutboxMessage, OutboxPage } from '../../../shared/schemas/mail.ts';
import { sendReminders } from '../../../server/mail/reminders.ts';
import { startTestSmtp } from '../../helpers/testSmtp.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildThreadRequest } from '../comments/factories.ts';
import { mailWorld, unsubscribeTokenIn, type Person } from './mailWorld.ts';

const hourMs = 60 * 60_000;

/** Starts a thread in the partnership's first domain narrative as `author`, mentioning `mentioned`. */
async function mention(partnershipId: string, author: Person, mentioned: Person[], body: string): Promise<void> {
  const { status, body: answer } = await author.api.request(
    'POST',
    `/api/partnerships/${partnershipId}/comment-threads`,
    {
      ...buildThreadRequest({ body, mentions: mentioned.map((person) => person.userId) }),
    },
  );
  expect(status, JSON.stringify(answer)).toBe(201);
}

describe('email notifications over real SMTP', () => {
  it('emails an invitation link to the address given, and only then', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    const created = await world.invite('newcomer@example.org');
    const [mail] = await waitFor(() => {
      const arrived = smtp.to('newcomer@example.org');
      expect(arrived).toHaveLength(1);
      return arrived;
    });
    expect(mail!.subject).toBe('You are invited to join Riverside Family Hubs');
    expect(mail!.text).toContain(created.url);
    expect(mail!.text).toContain('Accept the invitation');
    // An invitation goes to an address, not a member: there is nothing to unsubscribe from.
    expect(mail!.text).not.toContain('/unsubscribe/');

    await world.invite(undefined);
    const refused = await world.admin.request<{ error: { issues: { path: string[] }[] } }>(
      'POST',
      `/api/partnerships/${world.partnershipId}/invitations`,
      { role: 'editor', organisation: 'NHS Riverside', email: 'not an address' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((issue) => issue.path)).toEqual([['email']]);
    await world.server.mail.notifier.settled();
    expect((await world.store.mail.list({ limit: 10 })).map((row) => row.kind)).toEqual(['invitation']);
  });

  it('sends a mention at once, holds it for a daily digest sent once, and sends nothing when off', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    const author = await world.join('Esme Editor');
    const now = await world.join('Nadia Now');
    const daily = await world.join('Dev Daily');
    const off = await world.join('Omar Off');
    expect((await daily.api.request('PUT', '/api/me/notifications', { mode: 'daily' })).status).toBe(200);
    expect((await off.api.request('PUT', '/api/me/notifications', { mode: 'off' })).status).toBe(200);
    expect((await daily.api.request('GET', '/api/me/notifications')).body).toEqual({ mode: 'daily' });

    await mention(world.partnershipId, author, [now, daily, off], 'Can you check the 2025 referral figures?');

    const [immediate] = await waitFor(() => {
      const arrived = smtp.to(now.email);
      expect(arrived).toHaveLength(1);
      return arrived;
    });
    expect(immediate!.subject).toBe('Esme Editor mentioned you');
    expect(immediate!.text).toContain('Riverside Family Hubs');
    expect(immediate!.text).toContain('Can you check the 2025 referral figures?');
    expect(immediate!.text).toContain(`${world.server.url}/mentions`);
    expect(immediate!.text).toContain(`${world.server.url}/unsubscribe/`);

    expect((await world.outboxFor(daily.email)).map((row) => row.status)).toEqual(['held']);
    expect(await world.outboxFor(off.email)).toEqual([]);

    // A day later the digest goes out once, however often (and on however many instances) it is looked for.
    const tomorrow = new Date(Date.now() + 25 * hourMs);
    const made = await Promise.all([
      world.server.mail.notifier.sendDigests(tomorrow),
      world.server.mail.notifier.sendDigests(tomorrow),
    ]);
    expect(made[0] + made[1]).toBe(1);
    expect(await world.server.mail.notifier.sendDigests(tomorrow)).toBe(0);
    const [digest] = await waitFor(() => {
      const arrived = smtp.to(daily.email);
      expect(arrived).toHaveLength(1);
      return arrived;
    });
    expect(digest!.subject).toBe('Common Ground: Esme Editor mentioned you');
    expect(digest!.text).toContain('Can you check the 2025 referral figures?');
    expect(digest!.text).toContain('/unsubscribe/');
    // The SMTP server has it a moment before the outbox records it as sent.
    await waitFor(async () =>
      expect((await world.outboxFor(daily.email)).map((row) => [row.kind, row.status])).toEqual([
        ['mention', 'digested'],
        ['digest', 'sent'],
      ]),
    );
    await world.server.mail.sender.sendDue();
    expect(smtp.to(off.email)).toEqual([]);
  });

  it('turns every email off from the unsubscribe link, without signing in', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    const author = await world.join('Esme Editor');
    const reader = await world.join('Rita Reader');
    await mention(world.partnershipId, author, [reader], 'First question');
    const [first] = await waitFor(() => {
      const arrived = smtp.to(reader.email);
      expect(arrived).toHaveLength(1);
      return arrived;
    });
    const token = unsubscribeTokenIn(first!.text);

    const anyone = world.server.url;
    const preview = await fetch(`${anyone}/api/unsubscribe/${token}`);
    expect(await preview.json()).toEqual({ displayName: 'Rita Reader', mode: 'immediately' });
    const stopped = await fetch(`${anyone}/api/unsubscribe/${token}`, { method: 'POST' });
    expect(stopped.status).toBe(200);
    expect((await reader.api.request('GET', '/api/me/notifications')).body).toEqual({ mode: 'off' });
    expect((await fetch(`${anyone}/api/unsubscribe/not-a-token`)).status).toBe(404);

    await mention(world.partnershipId, author, [reader], 'Second question');
    expect((await world.outboxFor(reader.email)).map((row) => row.subject)).toEqual(['Esme Editor mentioned you']);
  });

  it('tells the electorate voting is open, and reminds each voter who has not voted once, 24 hours before', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    const facilitator = await world.join('Fran Facilitator', 'facilitator', false);
    const voter = await world.join('Vera Voter');
    const waiter = await world.join('Will Waiting');
    const round = await world.openRound(facilitator, new Date(Date.now() + 12 * hourMs).toISOString());

    for (const person of [voter, waiter]) {
      await waitFor(() =>
        expect(smtp.to(person.email).map((mail) => mail.subject)).toEqual(['Voting is open: Priority outcomes 2027']),
      );
    }
    expect(smtp.to(facilitator.email)).toEqual([]);
    // The outbox, once every notification is composed, proves none was even queued (not merely not yet delivered).
    expect(await world.outboxFor(facilitator.email)).toEqual([]);
    expect(smtp.to(voter.email)[0]!.text).toContain(`/p/${world.partnershipId}/rounds/${round.id}`);

    const [first] = round.candidates;
    const cast = await voter.api.request('PUT', `/api/rounds/${round.id}/ballot`, {
      method: 'dots',
      dots: { [first!.id]: 3 },
    });
    expect(cast.status, JSON.stringify(cast.body)).toBe(200);

    // Several sweeps at once (several instances) and again later: one reminder.
    await Promise.all([
      sendReminders(world.store, world.server.mail.notifier, new Date()),
      sendReminders(world.store, world.server.mail.notifier, new Date()),
    ]);
    await sendReminders(world.store, world.server.mail.notifier, new Date());
    await waitFor(() =>
      expect(smtp.to(waiter.email).map((mail) => mail.subject)).toEqual([
        'Voting is open: Priority outcomes 2027',
        'Voting closes within 24 hours: Priority outcomes 2027',
      ]),
    );
    await world.server.mail.sender.sendDue();
    expect(smtp.to(voter.email)).toHaveLength(1);
    expect((await world.outboxFor(voter.email)).map((row) => row.kind)).toEqual(['round-open']);
  });

  it('keeps the action that caused an email when SMTP is down, and sends the email on a later attempt', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    await smtp.close();
    const before = Date.now();
    const created = await world.invite('later@example.org');
    const [row] = await waitFor(async () => {
      const rows = await world.outboxFor('later@example.org');
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([['queued', 1]]);
      return rows;
    });
    expect(row!.lastError).not.toBeNull();
    // The first retry waits a minute.
    const wait = Date.parse(row!.nextAttemptAt) - before;
    expect(wait).toBeGreaterThanOrEqual(60_000);
    expect(wait).toBeLessThan(60_000 + 30_000);

    await smtp.reopen();
    expect(await world.server.mail.sender.sendDue(new Date(Date.now() + 61_000))).toBe(1);
    await waitFor(() => expect(smtp.to('later@example.org')).toHaveLength(1));
    expect(smtp.to('later@example.org')[0]!.text).toContain(created.url);
    await waitFor(async () =>
      expect((await world.outboxFor('later@example.org')).map((r) => [r.status, r.attempts])).toEqual([['sent', 2]]),
    );
  });
});

describe('an email that keeps failing', () => {
  it('is tried five times in all, then failed, and an administrator sends it again', async () => {
    const smtp = await startTestSmtp();
    const world = await mailWorld({ smtpUrl: smtp.url });
    await smtp.close();
    const created = await world.invite('patient@example.org');
    await waitFor(async () =>
      expect((await world.outboxFor('patient@example.org')).map((r) => r.attempts)).toEqual([1]),
    );
    // Each later attempt is asked for past the backoff the previous failure set (1 min, 5 min, 30 min, 2 h).
    for (const [hoursLater, attempts, status] of [
      [1, 2, 'queued'],
      [2, 3, 'queued'],
      [3, 4, 'queued'],
      [6, 5, 'failed'],
    ] as const) {
      await world.server.mail.sender.sendDue(new Date(Date.now() + hoursLater * hourMs));
      const [row] = await world.outboxFor('patient@example.org');
      expect([row!.attempts, row!.status]).toEqual([attempts, status]);
    }
    await world.server.mail.sender.sendDue(new Date(Date.now() + 48 * hourMs));
    const [failed] = await world.outboxFor('patient@example.org');
    expect(failed!.attempts).toBe(5);

    await smtp.reopen();
    const member = await world.join('Esme Editor', 'facilitator');
    expect((await member.api.request('POST', `/api/admin/outbox/${failed!.id}/retry`)).status).toBe(403);
    expect((await world.admin.request('POST', `/api/admin/outbox/${failed!.id}/retry`)).status).toBe(200);
    await waitFor(() => expect(smtp.to('patient@example.org')).toHaveLength(1));
    expect(smtp.to('patient@example.org')[0]!.text).toContain(created.url);
  });
});

describe('the outbox without SMTP', () => {
  it('keeps every email for administrators to read, and refuses everyone else', async () => {
    const world = await mailWorld();
    const created = await world.invite('kept@example.org');
    const member = await world.join('Esme Editor', 'facilitator');
    await world.server.mail.notifier.settled();

    const page = await world.admin.request<OutboxPage>('GET', '/api/admin/outbox?status=kept');
    expect(page.status).toBe(200);
    expect(page.body.smtpConfigured).toBe(false);
    expect(page.body.messages.map((m) => [m.to, m.subject, m.kind, m.status, m.attempts])).toEqual([
      ['kept@example.org', 'You are invited to join Riverside Family Hubs', 'invitation', 'kept', 0],
    ]);
    const id = page.body.messages[0]!.id;
    const message = await world.admin.request<OutboxMessage>('GET', `/api/admin/outbox/${id}`);
    expect(message.body.textBody).toContain(created.url);
    expect(message.body.htmlBody).toContain('Accept the invitation');
    const retry = await world.admin.request('POST', `/api/admin/outbox/${id}/retry`);
    expect(retry.status).toBe(409);

    for (const [method, path] of [
      ['GET', '/api/admin/outbox'],
      ['GET', `/api/admin/outbox/${id}`],
      ['POST', `/api/admin/outbox/${id}/retry`],
    ] as const) {
      expect((await member.api.request(method, path)).status, `${method} ${path}`).toBe(403);
    }
  });
});
