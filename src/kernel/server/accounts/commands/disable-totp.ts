/**
 * Turning the second factor off, with the password as proof (throttled). Refused for the roles that
 * must have one (REQUIRE_TOTP_ROLES): for them a lost phone is handled by an admin resetting the factor
 * (`reset-totp`), after which they enrol again at their next sign-in.
 */
import { sql } from 'kysely';
import type { Role } from '../../../shared/roles.ts';
import { runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { type CheckConfig, type CheckSubject, confirmPassword } from '../confirm.ts';
import { accountsDb, accountsTrx } from '../tables.ts';

export async function disableTotp(
  db: Db,
  config: CheckConfig & { REQUIRE_TOTP_ROLES: readonly Role[] },
  subject: CheckSubject,
  password: string,
): Promise<void> {
  const user = await accountsDb(db)
    .selectFrom('accounts_users')
    .select(['role', 'totp_enabled'])
    .where('id', '=', subject.userId)
    .executeTakeFirstOrThrow();
  if (config.REQUIRE_TOTP_ROLES.includes(user.role)) throw new AppError('totp_required_for_role', 403);
  await confirmPassword(db, config, subject, password, 'body.password');
  await runCommand(db, { userId: subject.userId, ip: subject.ip ?? null }, async ({ trx, audit }) => {
    await accountsTrx(trx)
      .updateTable('accounts_users')
      .set({ totp_enabled: false, totp_secret: null, totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', subject.userId)
      .execute();
    await audit({
      action: 'accounts.disable-totp',
      entityType: 'accounts_users',
      entityId: subject.userId,
      before: { totpEnabled: user.totp_enabled },
      after: { totpEnabled: false },
    });
  });
}
