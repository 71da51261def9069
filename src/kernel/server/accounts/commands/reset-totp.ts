/**
 * An admin resets someone's second factor, the way back for a user who lost their phone: the factor
 * is removed and the user's sessions end, so they sign in with their password and (if their role
 * requires one) must enrol a new factor before anything else. The admin proves their own password
 * first (throttled), and the reset is audited. Not for one's own account: that is `disable-totp`, which
 * the roles that require a factor may not use.
 */
import { sql } from 'kysely';
import { runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { type CheckConfig, type CheckSubject, confirmPassword } from '../confirm.ts';
import { accountsTrx, type PublicUserRow, publicUserColumns } from '../tables.ts';

export interface ResetTotpInput {
  /** The admin's own password. */
  password: string;
  version: number;
}

export async function resetTotp(
  db: Db,
  config: CheckConfig,
  admin: CheckSubject,
  id: string,
  input: ResetTotpInput,
): Promise<PublicUserRow> {
  if (id === admin.userId) throw new AppError('totp_reset_own', 403);
  await confirmPassword(db, config, admin, input.password, 'body.password');
  return runCommand(db, { userId: admin.userId, ip: admin.ip ?? null }, async ({ trx, audit }) => {
    const accounts = accountsTrx(trx);
    const current = await accounts
      .selectFrom('accounts_users')
      .select(publicUserColumns)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    const user = await accounts
      .updateTable('accounts_users')
      .set({
        totp_enabled: false,
        totp_secret: null,
        totp_last_step: null,
        updated_at: sql<Date>`now()`,
        version: current.version + 1,
      })
      .where('id', '=', id)
      .returning(publicUserColumns)
      .executeTakeFirstOrThrow();
    await accounts.deleteFrom('accounts_sessions').where('user_id', '=', id).execute();
    await audit({
      action: 'accounts.reset-totp',
      entityType: 'accounts_users',
      entityId: id,
      before: { totpEnabled: current.totp_enabled },
      after: { totpEnabled: false },
    });
    return user;
  });
}
