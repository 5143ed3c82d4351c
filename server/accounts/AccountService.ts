import type { Me, NewAccount, User } from '../../shared/schemas/auth.ts';
import type { AuditLog } from '../store/repositories/AuditLog.ts';
import type { Principal } from '../auth/Principal.ts';
import { HttpError, RateLimitedError } from '../http/errors.ts';
import type { RateLimiter } from '../http/RateLimiter.ts';
import type { PartnershipRepository } from '../store/repositories/PartnershipRepository.ts';
import type { ApiTokenRepository } from '../store/repositories/ApiTokenRepository.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';
import type { SessionRepository } from '../store/repositories/SessionRepository.ts';
import type { UserRepository } from '../store/repositories/UserRepository.ts';

/** Which of a person's collaboration sockets to close: all, those of some sessions, or the one token's. */
export interface UserSocketMatch {
  userId: string;
  sessionIdHashes?: readonly string[];
  tokenId?: string;
}

export interface AccountServiceDeps {
  users: UserRepository;
  sessions: SessionRepository;
  tokens: ApiTokenRepository;
  partnerships: PartnershipRepository;
  audit: AuditLog;
  /**
   * Failed sign-ins per account from one address: the 11th attempt in the window is refused there. Counting per
   * address keeps a stranger who knows the chair's email from locking the chair out by failing on purpose.
   */
  accountThrottle: RateLimiter;
  /** Failed sign-ins per account from anywhere, with a ceiling high enough that only a spread-out guessing run hits it. */
  accountCeiling: RateLimiter;
  /**
   * Failed sign-ins per network address, with a higher ceiling: a council's whole office can share one
   * address, and one person's typos must not lock out their colleagues.
   */
  addressThrottle: RateLimiter;
  /** Closes the collaboration sockets opened with these sessions (sign-out), this token, or by this user. */
  closeSockets: (match: UserSocketMatch) => void;
}

/** A started session: the cookie secret and when it must expire. */
export interface StartedSession {
  secret: string;
  expiresAt: number;
}

const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'The email or password is not right');

function publicUser({ passwordHash: _hash, ...user }: User & { passwordHash: string }): User {
  return user;
}

/** Sign-in, sign-out, accounts and the person's own settings. */
export class AccountService {
  readonly #deps: AccountServiceDeps;

  constructor(deps: AccountServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Checks an email and password. Unknown email and wrong password get the same answer after the same work;
   * more than the allowed failures for this account from this address, for this account from anywhere, or from this
   * address in the window get 429 without a check.
   */
  async login(email: string, password: string, ip: string | null): Promise<{ me: Me; session: StartedSession }> {
    const { users, accountThrottle, accountCeiling, addressThrottle, audit } = this.#deps;
    const addressKey = ip ?? 'unknown';
    const accountKey = `${email}\n${addressKey}`;
    const waitMs = Math.max(
      ...(await Promise.all([
        accountThrottle.retryAfterMs(accountKey),
        accountCeiling.retryAfterMs(email),
        addressThrottle.retryAfterMs(addressKey),
      ])),
    );
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      throw new RateLimitedError(
        `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        waitMs,
      );
    }
    const user = await users.findByEmail(email);
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDecoy(password);
    if (!user || !ok) {
      await Promise.all([
        accountThrottle.record(accountKey),
        accountCeiling.record(email),
        addressThrottle.record(addressKey),
      ]);
      await audit.record({ action: 'auth.login_failed', actorId: user?.id ?? null, target: email, ip });
      throw invalidCredentials();
    }
    await accountThrottle.reset(accountKey);
    await audit.record({ action: 'auth.login', actorId: user.id, ip });
    return { me: await this.me(user.id, 'session'), session: await this.#deps.sessions.create(user.id) };
  }

  /** Ends the current session and its sockets. */
  async logout(principal: Principal, ip: string | null): Promise<void> {
    if (!principal.sessionIdHash) return;
    await this.#deps.sessions.delete(principal.sessionIdHash);
    this.#deps.closeSockets({ userId: principal.user.id, sessionIdHashes: [principal.sessionIdHash] });
    await this.#deps.audit.record({ action: 'auth.logout', actorId: principal.user.id, ip });
  }

  /** Ends every session of the person, including this one, and closes all their sockets. */
  async logoutEverywhere(principal: Principal, ip: string | null): Promise<void> {
    await this.#deps.sessions.deleteForUser(principal.user.id);
    this.#deps.closeSockets({ userId: principal.user.id });
    await this.#deps.audit.record({ action: 'auth.logout_everywhere', actorId: principal.user.id, ip });
  }

  /** Revokes one of my API tokens; a script still connected with it is cut off at once. 404 if not mine. */
  async revokeToken(principal: Principal, tokenId: string, ip: string | null): Promise<void> {
    if (!(await this.#deps.tokens.revoke(principal.user.id, tokenId))) {
      throw new HttpError(404, 'not_found', 'No such token');
    }
    this.#deps.closeSockets({ userId: principal.user.id, tokenId });
    await this.#deps.audit.record({ action: 'token.revoked', actorId: principal.user.id, target: tokenId, ip });
  }

  /** Who I am and where I belong. */
  async me(userId: string, via: Me['via']): Promise<Me> {
    const user = await this.#deps.users.findById(userId);
    if (!user) throw new HttpError(401, 'unauthenticated', 'Sign in to continue');
    return { user: publicUser(user), memberships: await this.#deps.partnerships.myMemberships(userId), via };
  }

  async updateProfile(
    userId: string,
    change: { displayName?: string | undefined; organisation?: string | undefined },
  ): Promise<User> {
    const user = (await this.#deps.users.findById(userId))!;
    await this.#deps.users.updateProfile(
      userId,
      change.displayName ?? user.displayName,
      change.organisation ?? user.organisation,
    );
    return publicUser((await this.#deps.users.findById(userId))!);
  }

  /** Changes the password after checking the current one; every other session is signed out. */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    ip: string | null,
  ): Promise<void> {
    const user = (await this.#deps.users.findById(principal.user.id))!;
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new HttpError(400, 'invalid_request', 'The current password is not right', [
        { path: ['currentPassword'], message: 'The current password is not right' },
      ]);
    }
    await this.#deps.users.updatePassword(user.id, await hashPassword(newPassword));
    const ended = await this.#deps.sessions.deleteForUser(user.id, principal.sessionIdHash ?? undefined);
    this.#deps.closeSockets({ userId: user.id, sessionIdHashes: ended });
    await this.#deps.audit.record({ action: 'auth.password_changed', actorId: user.id, ip });
  }

  /** Creates an account; 409 when the email is taken. */
  async createAccount(account: NewAccount, options: { isAdmin: boolean; ip: string | null }): Promise<User> {
    if (await this.#deps.users.findByEmail(account.email)) {
      throw new HttpError(409, 'account_exists', 'An account with this email already exists. Sign in instead.');
    }
    const user = await this.#deps.users.create({
      email: account.email,
      displayName: account.displayName,
      organisation: account.organisation,
      passwordHash: await hashPassword(account.password),
      isAdmin: options.isAdmin,
    });
    await this.#deps.audit.record({
      action: options.isAdmin ? 'admin.created' : 'account.created',
      actorId: user.id,
      ip: options.ip,
    });
    return publicUser(user);
  }

  /** Starts a session for someone who just proved who they are (new account, setup). */
  startSession(userId: string): Promise<StartedSession> {
    return this.#deps.sessions.create(userId);
  }
}
