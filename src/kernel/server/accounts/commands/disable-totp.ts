/**
 * Turning the second factor off, with the password as proof. Refused for the roles that must have
 * one (REQUIRE_TOTP_ROLES): for them a lost phone is handled by setting the factor up again after
 * logging in with the old one, not by dropping it.
 */
import { sql } from 'kysely';
import type { Role } from '../../../shared/roles.ts';
import { type Actor, runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { fieldMessages } from '../messages.ts';
import { verifyPassword } from '../passwords.ts';
import { accountsDb, accountsTrx } from '../tables.ts';

export async function disableTotp(
  db: Db,
  requiredRoles: readonly string[],
  actor: Actor & { userId: string },
  password: string,
): Promise<void> {
  const user = await accountsDb(db)
    .selectFrom('accounts_users')
    .select(['role', 'password_hash', 'totp_enabled'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (requiredRoles.includes(user.role satisfies Role)) throw new AppError('totp_required_for_role', 403);
  if (!(await verifyPassword(user.password_hash, password))) {
    throw fieldError('body.password', 'wrong_password', fieldMessages.wrong_password);
  }
  await runCommand(db, actor, async ({ trx, audit }) => {
    await accountsTrx(trx)
      .updateTable('accounts_users')
      .set({ totp_enabled: false, totp_secret: null, totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', actor.userId)
      .execute();
    await audit({
      action: 'accounts.disable-totp',
      entityType: 'accounts_users',
      entityId: actor.userId,
      before: { totpEnabled: user.totp_enabled },
      after: { totpEnabled: false },
    });
  });
}
