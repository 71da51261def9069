/**
 * A user changes their own password, proving the current one (throttled: a stolen session cannot
 * guess it). The new one must be strong for this user (not their name or email). Every other session
 * of theirs ends: whoever else held one (perhaps the reason for the change) is out.
 */
import { sql } from 'kysely';
import { runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { fieldError } from '../../errors.ts';
import { type CheckConfig, type CheckSubject, confirmPassword } from '../confirm.ts';
import { hashPassword, passwordWeakness } from '../passwords.ts';
import { accountsDb, accountsTrx } from '../tables.ts';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(
  db: Db,
  config: CheckConfig,
  subject: CheckSubject,
  input: ChangePasswordInput,
): Promise<void> {
  await confirmPassword(db, config, subject, input.currentPassword, 'body.currentPassword');
  const user = await accountsDb(db)
    .selectFrom('accounts_users')
    .select(['email', 'display_name'])
    .where('id', '=', subject.userId)
    .executeTakeFirstOrThrow();
  const weakness = await passwordWeakness(input.newPassword, {
    email: user.email,
    displayName: user.display_name,
  });
  if (weakness) throw fieldError('body.newPassword', 'weak_password', weakness);
  const newHash = await hashPassword(input.newPassword);
  await runCommand(db, { userId: subject.userId, ip: subject.ip ?? null }, async ({ trx, audit }) => {
    const accounts = accountsTrx(trx);
    await accounts
      .updateTable('accounts_users')
      .set({ password_hash: newHash, updated_at: sql<Date>`now()` })
      .where('id', '=', subject.userId)
      .execute();
    await accounts
      .deleteFrom('accounts_sessions')
      .where('user_id', '=', subject.userId)
      .where('id', '<>', subject.sessionId)
      .execute();
    await audit({
      action: 'accounts.change-password',
      entityType: 'accounts_users',
      entityId: subject.userId,
    });
  });
}
