import type { NewAccount, User } from '../../shared/schemas/auth.ts';
import { NewAccountSchema } from '../../shared/schemas/auth.ts';
import { HttpError } from '../http/errors.ts';
import type { AccountService } from './AccountService.ts';
import { newSecret } from './secrets.ts';
import type { Repositories } from '../store/Store.ts';

const setupLinkLifetimeMs = 24 * 60 * 60 * 1000;

/** What happened when the server prepared its first run. */
export type FirstRunOutcome =
  { kind: 'ready' } | { kind: 'admin-created'; user: User } | { kind: 'setup-link'; token: string };

/**
 * The first administrator: from ADMIN_EMAIL/ADMIN_PASSWORD when given, otherwise through a one-time setup link
 * printed on the console. Only ever while no account exists.
 */
export class FirstRun {
  readonly #store: Pick<Repositories, 'users' | 'setupTokens'>;
  readonly #accounts: AccountService;
  readonly #onAdminCreated: (user: User) => Promise<void>;

  constructor(
    store: Pick<Repositories, 'users' | 'setupTokens'>,
    accounts: AccountService,
    onAdminCreated: (user: User) => Promise<void>,
  ) {
    this.#store = store;
    this.#accounts = accounts;
    this.#onAdminCreated = onAdminCreated;
  }

  /** Run at start: creates the admin from the environment, or issues a fresh setup link, or does nothing. */
  async prepare(admin: { email?: string | undefined; password?: string | undefined }): Promise<FirstRunOutcome> {
    if ((await this.#store.users.count()) > 0) {
      await this.#store.setupTokens.clear();
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
    const token = newSecret();
    await this.#store.setupTokens.replace(token, Date.now() + setupLinkLifetimeMs);
    return { kind: 'setup-link', token };
  }

  /** Whether a setup link can still be used. */
  async isValid(token: string): Promise<boolean> {
    return (await this.#store.users.count()) === 0 && (await this.#store.setupTokens.isLive(token));
  }

  /** Uses a setup link to create the first administrator. */
  async complete(token: string, account: NewAccount, ip: string | null): Promise<User> {
    if (!(await this.isValid(token))) {
      throw new HttpError(404, 'setup_invalid', 'This setup link has been used or has expired');
    }
    return this.#create(account, ip);
  }

  async #create(account: NewAccount, ip: string | null): Promise<User> {
    const user = await this.#accounts.createAccount(account, { isAdmin: true, ip });
    await this.#store.setupTokens.clear();
    await this.#onAdminCreated(user);
    return user;
  }
}
