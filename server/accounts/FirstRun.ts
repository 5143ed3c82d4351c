import type { Database, Statement } from 'better-sqlite3';
import type { NewAccount, User } from '../../shared/schemas/auth.ts';
import { NewAccountSchema } from '../../shared/schemas/auth.ts';
import { HttpError } from '../http/errors.ts';
import type { AccountService } from './AccountService.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { UserRepository } from './UserRepository.ts';

const setupLinkLifetimeMs = 24 * 60 * 60 * 1000;

/** What happened when the server prepared its first run. */
export type FirstRunOutcome =
  { kind: 'ready' } | { kind: 'admin-created'; user: User } | { kind: 'setup-link'; token: string };

/**
 * The first administrator: from ADMIN_EMAIL/ADMIN_PASSWORD when given, otherwise through a one-time setup link
 * printed on the console. Only ever while no account exists.
 */
export class FirstRun {
  readonly #users: UserRepository;
  readonly #accounts: AccountService;
  readonly #onAdminCreated: (user: User) => void;
  readonly #insert: Statement<[string, number]>;
  readonly #find: Statement<[string, number], { token_hash: string }>;
  readonly #clear: Statement<[]>;

  constructor(db: Database, users: UserRepository, accounts: AccountService, onAdminCreated: (user: User) => void) {
    this.#users = users;
    this.#accounts = accounts;
    this.#onAdminCreated = onAdminCreated;
    this.#insert = db.prepare('INSERT INTO setup_tokens (token_hash, expires_at) VALUES (?, ?)');
    this.#find = db.prepare('SELECT token_hash FROM setup_tokens WHERE token_hash = ? AND expires_at > ?');
    this.#clear = db.prepare('DELETE FROM setup_tokens');
  }

  /** Run at start: creates the admin from the environment, or issues a fresh setup link, or does nothing. */
  async prepare(admin: { email?: string | undefined; password?: string | undefined }): Promise<FirstRunOutcome> {
    if (this.#users.count() > 0) {
      this.#clear.run();
      return { kind: 'ready' };
    }
    if (admin.email && admin.password) {
      const account = NewAccountSchema.parse({
        email: admin.email,
        password: admin.password,
        displayName: 'Administrator',
        organisation: 'Instance administration',
      });
      return { kind: 'admin-created', user: await this.#create(account, null) };
    }
    this.#clear.run();
    const token = newSecret();
    this.#insert.run(hashSecret(token), Date.now() + setupLinkLifetimeMs);
    return { kind: 'setup-link', token };
  }

  /** Whether a setup link can still be used. */
  isValid(token: string): boolean {
    return this.#users.count() === 0 && this.#find.get(hashSecret(token), Date.now()) !== undefined;
  }

  /** Uses a setup link to create the first administrator. */
  async complete(token: string, account: NewAccount, ip: string | null): Promise<User> {
    if (!this.isValid(token)) {
      throw new HttpError(404, 'setup_invalid', 'This setup link has been used or has expired');
    }
    return this.#create(account, ip);
  }

  async #create(account: NewAccount, ip: string | null): Promise<User> {
    const user = await this.#accounts.createAccount(account, { isAdmin: true, ip });
    this.#clear.run();
    this.#onAdminCreated(user);
    return user;
  }
}
