import type { Selectable } from 'kysely';
import type { User } from '../../../shared/schemas/auth.ts';
import { newId } from '../../accounts/secrets.ts';
import type { UsersTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

/** A user as stored, with the password hash the API never shows. */
export interface StoredUser extends User {
  passwordHash: string;
}

/** Accounts: one per email address (stored lower-cased). */
export interface UserRepository {
  create(input: {
    email: string;
    displayName: string;
    organisation: string;
    passwordHash: string;
    isAdmin: boolean;
  }): Promise<StoredUser>;
  findById(id: string): Promise<StoredUser | null>;
  findByEmail(email: string): Promise<StoredUser | null>;
  count(): Promise<number>;
  updateProfile(id: string, displayName: string, organisation: string): Promise<void>;
  updatePassword(id: string, passwordHash: string): Promise<void>;
}

function toUser(row: Selectable<UsersTable>): StoredUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    organisation: row.organisation,
    isAdmin: row.is_admin === 1,
    passwordHash: row.password_hash,
  };
}

export function createUserRepository({ db }: SqlContext): UserRepository {
  const findById = async (id: string): Promise<StoredUser | null> => {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  };
  return {
    async create(input) {
      const id = newId();
      await db
        .insertInto('users')
        .values({
          id,
          email: input.email,
          display_name: input.displayName,
          organisation: input.organisation,
          password_hash: input.passwordHash,
          is_admin: input.isAdmin ? 1 : 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      return (await findById(id))!;
    },
    findById,
    async findByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async updateProfile(id, displayName, organisation) {
      await db.updateTable('users').set({ display_name: displayName, organisation }).where('id', '=', id).execute();
    },
    async updatePassword(id, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
  };
}
