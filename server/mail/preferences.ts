import { createHmac } from 'node:crypto';
import type { NotificationMode } from '../../shared/schemas/mail.ts';
import { hashSecret } from '../accounts/secrets.ts';
import type { MailRepository, PreferenceRecord } from '../store/repositories/MailRepository.ts';

/**
 * Each person's notification mode and their unsubscribe token. The token is derived (HMAC of the user id under the
 * instance's key, kept in the store so every instance derives the same), so each email can carry it without the
 * token itself being stored: the preferences row holds only its hash, which is how a link is looked up.
 */
export class NotificationPreferences {
  readonly #mail: MailRepository;
  #key: Promise<string> | null = null;

  constructor(mail: MailRepository) {
    this.#mail = mail;
  }

  /** Someone who never chose hears about things as they happen. */
  async mode(userId: string): Promise<NotificationMode> {
    return (await this.#mail.preferences(userId))?.mode ?? 'immediately';
  }

  async setMode(userId: string, mode: NotificationMode): Promise<void> {
    await this.#mail.setMode(userId, mode, await this.tokenHash(userId), new Date().toISOString());
  }

  /** The token an email's unsubscribe link carries; stores the person's row (mode unchanged) so the link resolves. */
  async token(userId: string): Promise<string> {
    const token = await this.#derive(userId);
    if (!(await this.#mail.preferences(userId))) {
      await this.#mail.setMode(userId, 'immediately', hashSecret(token), new Date().toISOString());
    }
    return token;
  }

  async tokenHash(userId: string): Promise<string> {
    return hashSecret(await this.#derive(userId));
  }

  /** Whose link this is, or null for a token no email ever carried. */
  byToken(token: string): Promise<PreferenceRecord | null> {
    return this.#mail.byTokenHash(hashSecret(token));
  }

  async #derive(userId: string): Promise<string> {
    this.#key ??= this.#mail.unsubscribeKey().catch((error: unknown) => {
      this.#key = null;
      throw error;
    });
    return createHmac('sha256', await this.#key)
      .update(`unsubscribe:${userId}`)
      .digest('base64url');
  }
}
