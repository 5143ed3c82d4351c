import type { Logger } from '../logger.ts';
import type { ComposedMail, MailRepository } from '../store/repositories/MailRepository.ts';

/** A message to send, as the notifications compose it. */
export interface MailDraft extends ComposedMail {
  /** Stored once under this key, however many times (or instances) ask. */
  dedupeKey?: string | null;
}

export interface OutboxDeps {
  mail: MailRepository;
  /** Whether an SMTP server is configured: when not, every message is kept for the administrator. */
  smtpConfigured: boolean;
  logger: Logger;
  /** Told after a message is queued, so the sender goes now rather than at its next tick. */
  onQueued?: () => void;
  now?: () => Date;
}

/**
 * Where every email goes first. Enqueueing never throws into its caller: a failure to store is logged, because a
 * notification must never fail the action that caused it.
 */
export class Outbox {
  readonly #deps: OutboxDeps;

  constructor(deps: OutboxDeps) {
    this.#deps = deps;
  }

  get smtpConfigured(): boolean {
    return this.#deps.smtpConfigured;
  }

  /**
   * Stores the message: queued to send (or kept, without SMTP), or held for the person's daily digest. Resolves to
   * whether it was stored (false: already there under its dedupe key, or storing failed and was logged).
   */
  async enqueue(draft: MailDraft, { hold = false } = {}): Promise<boolean> {
    const status = hold ? 'held' : this.#deps.smtpConfigured ? 'queued' : 'kept';
    try {
      const stored = await this.#deps.mail.enqueue({
        ...draft,
        dedupeKey: draft.dedupeKey ?? null,
        status,
        at: (this.#deps.now?.() ?? new Date()).toISOString(),
      });
      if (stored && status === 'queued') this.#deps.onQueued?.();
      return stored;
    } catch (error) {
      this.#deps.logger.error('could not queue an email', { kind: draft.kind, dedupeKey: draft.dedupeKey, error });
      return false;
    }
  }
}
