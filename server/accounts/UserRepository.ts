import type { Database, Statement } from 'better-sqlite3';
import type { User } from '../../shared/schemas/auth.ts';
import { newId } from './secrets.ts';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  organisation: string;
  password_hash: string;
  is_admin: number;
}

/** A user as stored, with the password hash the API never shows. */
export interface StoredUser extends User {
  passwordHash: string;
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    organisation: row.organisation,
    isAdmin: row.is_admin === 1,
    passwordHash: row.password_hash,
  };
}

/** Accounts: one per email address (stored lower-cased). */
export class UserRepository {
  readonly #insert: Statement<[string, string, string, string, string, number, string]>;
  readonly #byId: Statement<[string], UserRow>;
  readonly #byEmail: Statement<[string], UserRow>;
  readonly #count: Statement<[], { n: number }>;
  readonly #updateProfile: Statement<[string, string, string]>;
  readonly #updatePassword: Statement<[string, string]>;

  constructor(db: Database) {
    this.#insert = db.prepare(
      'INSERT INTO users (id, email, display_name, organisation, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.#byId = db.prepare('SELECT * FROM users WHERE id = ?');
    this.#byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
    this.#count = db.prepare('SELECT COUNT(*) AS n FROM users');
    this.#updateProfile = db.prepare('UPDATE users SET display_name = ?, organisation = ? WHERE id = ?');
    this.#updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  }

  create(input: {
    email: string;
    displayName: string;
    organisation: string;
    passwordHash: string;
    isAdmin: boolean;
  }): StoredUser {
    const id = newId();
    this.#insert.run(
      id,
      input.email,
      input.displayName,
      input.organisation,
      input.passwordHash,
      input.isAdmin ? 1 : 0,
      new Date().toISOString(),
    );
    return this.findById(id)!;
  }

  findById(id: string): StoredUser | null {
    const row = this.#byId.get(id);
    return row ? toUser(row) : null;
  }

  findByEmail(email: string): StoredUser | null {
    const row = this.#byEmail.get(email.toLowerCase());
    return row ? toUser(row) : null;
  }

  count(): number {
    return this.#count.get()!.n;
  }

  updateProfile(id: string, displayName: string, organisation: string): void {
    this.#updateProfile.run(displayName, organisation, id);
  }

  updatePassword(id: string, passwordHash: string): void {
    this.#updatePassword.run(passwordHash, id);
  }
}
