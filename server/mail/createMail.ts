import type { Logger } from '../logger.ts';
import type { Repositories } from '../store/Store.ts';
import { createSmtpMailer, type Mailer } from './Mailer.ts';
import { Notifier } from './notifications.ts';
import { Outbox } from './Outbox.ts';
import { OutboxSender } from './OutboxSender.ts';
import { NotificationPreferences } from './preferences.ts';
import { sendReminders } from './reminders.ts';

/** What the mail routes need: preferences, whether SMTP is configured, and a way to send a retried message now. */
export interface MailAccess {
  preferences: NotificationPreferences;
  smtpConfigured: boolean;
  nudge(): void;
}

/** Email, wired: the outbox, its sender, each person's preferences, and the notifications services call. */
export interface MailSystem extends MailAccess {
  notifier: Notifier;
  outbox: Outbox;
  sender: OutboxSender;
  /** Starts the sender's timer (digests, reminders and sending every few seconds). */
  start(): void;
  /** Stops the timer and waits for emails being composed or sent (shutdown, before the store closes). */
  stop(): Promise<void>;
}

export interface MailOptions {
  store: Repositories;
  /** `SMTP_URL`; null keeps every email in the outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: () => string;
  logger: Logger;
  /** Replaces the SMTP transport (tests of failures). */
  mailer?: Mailer;
  intervalMs?: number;
}

/** Reminders are looked for at most this often; digests and sending on every tick. */
const reminderEveryMs = 60_000;

export function createMail(options: MailOptions): MailSystem {
  const { store, logger } = options;
  const mailer = options.mailer ?? (options.smtpUrl ? createSmtpMailer(options.smtpUrl, options.mailFrom) : null);
  const preferences = new NotificationPreferences(store.mail);
  let sender: OutboxSender | null = null;
  const outbox = new Outbox({
    mail: store.mail,
    smtpConfigured: mailer !== null,
    logger,
    onQueued: () => sender?.nudge(),
  });
  const notifier = new Notifier({ store, outbox, preferences, publicUrl: options.publicUrl, logger });
  let lastReminders = 0;
  sender = new OutboxSender({
    mail: store.mail,
    mailer,
    logger,
    intervalMs: options.intervalMs,
    onTick: async (now) => {
      if (now.getTime() - lastReminders >= reminderEveryMs) {
        lastReminders = now.getTime();
        await sendReminders(store, notifier, now);
      }
      await notifier.sendDigests(now);
    },
  });
  const running = sender;
  return {
    notifier,
    outbox,
    sender: running,
    preferences,
    smtpConfigured: mailer !== null,
    nudge: () => running.nudge(),
    start: () => running.start(),
    stop: async () => {
      await notifier.settled();
      await running.stop();
      mailer?.close();
    },
  };
}
