/** The accounts tables as Kysely sees them, and the one shape in which a user leaves the server. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Language } from '../../shared/language.ts';
import type { Role } from '../../shared/roles.ts';
import type { Db } from '../db.ts';

export type AccountsTables = {
  accounts_users: {
    id: string;
    email: string;
    display_name: string;
    role: Role;
    department_code: string | null;
    password_hash: string;
    totp_secret: string | null;
    totp_enabled: Generated<boolean>;
    totp_last_step: number | null;
    disabled_at: Date | null;
    /** The language of the user's mail. */
    language: Generated<Language>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    version: Generated<number>;
  };
  accounts_sessions: {
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
  };
  accounts_login_failures: {
    key: string;
    failed_at: Generated<Date>;
  };
};

export type AccountsDb = Kysely<AccountsTables>;

export function accountsDb(db: Db): AccountsDb {
  return db.withTables<AccountsTables>() as AccountsDb;
}

export function accountsTrx(trx: Transaction<object>): Transaction<AccountsTables> {
  return trx.withTables<AccountsTables>() as Transaction<AccountsTables>;
}

/** The columns a response may carry: never the password hash or the TOTP secret. */
export const publicUserColumns = [
  'id',
  'email',
  'display_name',
  'role',
  'department_code',
  'totp_enabled',
  'disabled_at',
  'created_at',
  'updated_at',
  'version',
] as const;

export interface PublicUserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  department_code: string | null;
  totp_enabled: boolean;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function presentUser(row: PublicUserRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    departmentCode: row.department_code,
    totpEnabled: row.totp_enabled,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** What a signed-in user learns about themself at login and from `/auth/me`. */
export function presentSelf(
  row: Pick<PublicUserRow, 'id' | 'email' | 'display_name' | 'role' | 'department_code' | 'totp_enabled'>,
) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    departmentCode: row.department_code,
    totpEnabled: row.totp_enabled,
  };
}
