/**
 * First start: a platform without an admin gets one, so that someone can log in and create the rest.
 * The email and password come from RIGHTSCITY_ADMIN_EMAIL and RIGHTSCITY_ADMIN_PASSWORD; without a
 * password one is generated (and shown once by the caller). Idempotent, and safe when several app
 * servers start together: an advisory lock makes them take turns, and the second finds the admin.
 */
import { sql } from 'kysely';
import { runCommand } from '../../command.ts';
import { type Config, ConfigError } from '../../config.ts';
import type { Db } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { generatePassword } from '../passwords.ts';
import { accountsDb } from '../tables.ts';
import { insertUser, type PreparedUser, prepareUser } from './create-user.ts';

export interface FirstAdmin {
  email: string;
  /** Set when the password was generated, for the operator to read once. */
  generatedPassword: string | null;
}

async function hasAdmin(db: Db): Promise<boolean> {
  const admin = await accountsDb(db)
    .selectFrom('accounts_users')
    .select('id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return admin !== undefined;
}

/** Creates the first admin when there is none; returns who was created, or null. */
export async function ensureFirstAdmin(
  db: Db,
  config: Pick<Config, 'RIGHTSCITY_ADMIN_EMAIL' | 'RIGHTSCITY_ADMIN_PASSWORD'>,
): Promise<FirstAdmin | null> {
  if (await hasAdmin(db)) return null;
  const generatedPassword = config.RIGHTSCITY_ADMIN_PASSWORD ? null : generatePassword();
  let prepared: PreparedUser;
  try {
    prepared = await prepareUser({
      email: config.RIGHTSCITY_ADMIN_EMAIL,
      displayName: 'Administrator',
      role: 'admin',
      password: config.RIGHTSCITY_ADMIN_PASSWORD ?? (generatedPassword as string),
    });
  } catch (error) {
    // The operator chose the password: say which variable to change, and why, instead of a stack.
    const reason = error instanceof AppError ? error.details.errors?.[0]?.message : undefined;
    if (!reason || typeof reason === 'string') throw error;
    throw new ConfigError(
      `Invalid configuration:\n  RIGHTSCITY_ADMIN_PASSWORD: ${reason.en}\n  (${reason.ko})\nSee .env.example.`,
    );
  }
  return runCommand(db, { userId: null }, async (context) => {
    await sql`select pg_advisory_xact_lock(7482310)`.execute(context.trx);
    if (await hasAdmin(context.trx)) return null;
    await insertUser(context, prepared);
    return { email: prepared.email, generatedPassword };
  });
}
