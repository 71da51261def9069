/**
 * Creating an account: by an admin (API), by the operator (`rightscity user add`), or by the system
 * at first start. The email is the login name: stored lowercased, unique regardless of case.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Role } from '../../../shared/roles.ts';
import { type Actor, type CommandContext, runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { fieldMessages } from '../messages.ts';
import { hashPassword, newPasswordSchema, passwordWeakness } from '../passwords.ts';
import { accountsTrx, type PublicUserRow, publicUserColumns } from '../tables.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  role: Role;
  departmentCode?: string | null | undefined;
  password: string;
}

export interface PreparedUser {
  email: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  passwordHash: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The rule a role imposes on the department code, for create and update alike. */
export function checkDepartment(role: Role, departmentCode: string | null): void {
  if (role === 'department' && !departmentCode) {
    throw fieldError('body.departmentCode', 'department_required', fieldMessages.department_required);
  }
}

/**
 * Checks the input and hashes the password, before any transaction opens: argon2 takes tens of
 * milliseconds that the embedded database's single session should not wait through.
 */
export async function prepareUser(input: CreateUserInput): Promise<PreparedUser> {
  const email = normaliseEmail(input.email);
  // The API's schema checks these already; the command line and first start reach here without one.
  if (!z.email().safeParse(email).success) {
    throw fieldError('body.email', 'invalid_email', fieldMessages.invalid_email);
  }
  if (!newPasswordSchema.safeParse(input.password).success) {
    throw fieldError('body.password', 'password_too_short', fieldMessages.password_too_short);
  }
  const displayName = input.displayName.trim();
  const weakness = await passwordWeakness(input.password, { email, displayName });
  if (weakness) throw fieldError('body.password', 'weak_password', weakness);
  const departmentCode = input.departmentCode ?? null;
  checkDepartment(input.role, departmentCode);
  return {
    email,
    displayName,
    role: input.role,
    departmentCode,
    passwordHash: await hashPassword(input.password),
  };
}

/** The write itself, inside the caller's transaction. */
export async function insertUser({ trx, audit }: CommandContext, user: PreparedUser): Promise<PublicUserRow> {
  const accounts = accountsTrx(trx);
  const taken = await accounts
    .selectFrom('accounts_users')
    .select('id')
    .where('email', '=', user.email)
    .executeTakeFirst();
  if (taken) throw new AppError('email_taken', 409);
  let row: PublicUserRow;
  try {
    row = await accounts
      .insertInto('accounts_users')
      .values({
        id: randomUUID(),
        email: user.email,
        display_name: user.displayName,
        role: user.role,
        department_code: user.departmentCode,
        password_hash: user.passwordHash,
      })
      .returning(publicUserColumns)
      .executeTakeFirstOrThrow();
  } catch (error) {
    // Two servers creating the same email at once: the unique index decides, the loser hears why.
    if ((error as { code?: string }).code === '23505') throw new AppError('email_taken', 409);
    throw error;
  }
  await audit({
    action: 'accounts.create-user',
    entityType: 'accounts_users',
    entityId: row.id,
    after: {
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      departmentCode: row.department_code,
    },
  });
  return row;
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<PublicUserRow> {
  const prepared = await prepareUser(input);
  return runCommand(db, actor, (context) => insertUser(context, prepared));
}
