import type { Logger } from '../logger.ts';
import type { MailRecord, MailRepository } from '../store/repositories/MailRepository.ts';
import type { Mailer } from './Mailer.ts';

/** After the 1st, 2nd, 3rd and 4th failed attempt a message waits this long; the 5th failure is final. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000] as const;

/** How long a claimed message is left alone by other instances: far longer than one SMTP hand-over may take. */
const claimLeaseMs = 10 * 60_000;
const batchSize = 20;

export interface OutboxSenderDeps {
  mail: MailRepository;
  /** Null without SMTP: nothing is sent, the tick only runs `onTick` (digests, reminders: kept in the outbox). */
  mailer: Mailer | null;
  logger: Logger;
  /** How often the outbox is looked at (besides a nudge whenever a message is queued). */
  intervalMs?: number;
  /** Runs before each sending pass (digests and reminders that fell due); its errors are logged. */
  onTick?: (now: Date) => Promise<void>;
}

/**
 * Sends what the outbox holds, every few seconds and whenever nudged. Each message is claimed atomically before it
 * is sent (see `MailRepository.claimDue`), so two instances never send one message twice. A failed attempt is queued
 * again after 1 minute, 5 minutes, 30 minutes and 2 hours, then marked failed for an administrator to retry.
 */
export class OutboxSender {
  readonly #deps: OutboxSenderDeps;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = true;

  constructor(deps: OutboxSenderDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.nudge(), this.#deps.intervalMs ?? 5_000);
    this.#timer.unref();
    this.nudge();
  }

  /** Runs a pass soon (one at a time: a nudge during a pass runs another after it). */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#pass().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.nudge();
      }
    });
  }

  /** Stops the timer and waits for the pass under way (shutdown, before the store closes). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Sends every message due at `now` (tests pass a later `now` instead of waiting for a backoff); how many went. */
  async sendDue(now = new Date()): Promise<number> {
    const { mail, mailer } = this.#deps;
    if (!mailer) return 0;
    let sent = 0;
    for (;;) {
      const claimed = await mail.claimDue(
        now.toISOString(),
        new Date(now.getTime() + claimLeaseMs).toISOString(),
        batchSize,
      );
      for (const message of claimed) {
        if (await this.#sendOne(mailer, message, now)) sent += 1;
      }
      if (claimed.length < batchSize) return sent;
    }
  }

  async #pass(): Promise<void> {
    const now = new Date();
    try {
      await this.#deps.onTick?.(now);
    } catch (error) {
      this.#deps.logger.error('preparing digests and reminders failed', { error });
    }
    try {
      await this.sendDue(now);
    } catch (error) {
      this.#deps.logger.error('reading the outbox failed', { error });
    }
  }

  async #sendOne(mailer: Mailer, message: MailRecord, now: Date): Promise<boolean> {
    try {
      await mailer.send({
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
      });
      await this.#deps.mail.markSent(message.id, new Date().toISOString());
      return true;
    } catch (error) {
      const delay = retryDelaysMs[message.attempts];
      const retryAt = delay === undefined ? null : new Date(now.getTime() + delay).toISOString();
      const reason = error instanceof Error ? error.message : String(error);
      this.#deps.logger.warn('sending an email failed', { id: message.id, attempt: message.attempts + 1, reason });
      await this.#deps.mail.markAttemptFailed(message.id, reason, retryAt);
      return false;
    }
  }
}
