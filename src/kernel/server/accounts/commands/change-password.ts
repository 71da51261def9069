/**
 * A user changes their own password, proving the current one. Every other session of theirs ends:
 * whoever else held one (perhaps the reason for the change) is out.
 */
import { sql } from 'kysely';
import { type Actor, runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { fieldError } from '../../errors.ts';
import { fieldMessages } from '../messages.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { accountsDb, accountsTrx } from '../tables.ts';

export interface ChangePasswordInput {
  userId: string;
  /** The session making the change, which stays open. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(db: Db, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const { password_hash: currentHash } = await accountsDb(db)
    .selectFrom('accounts_users')
    .select('password_hash')
    .where('id', '=', input.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(currentHash, input.currentPassword))) {
    throw fieldError('body.currentPassword', 'wrong_password', fieldMessages.wrong_password);
  }
  const newHash = await hashPassword(input.newPassword);
  await runCommand(db, actor, async ({ trx, audit }) => {
    const accounts = accountsTrx(trx);
    await accounts
      .updateTable('accounts_users')
      .set({ password_hash: newHash, updated_at: sql<Date>`now()` })
      .where('id', '=', input.userId)
      .execute();
    await accounts
      .deleteFrom('accounts_sessions')
      .where('user_id', '=', input.userId)
      .where('id', '<>', input.sessionId)
      .execute();
    await audit({ action: 'accounts.change-password', entityType: 'accounts_users', entityId: input.userId });
  });
}
