/** Finishing two-step enrolment: a valid code from the user's app turns the factor on. */
import { sql } from 'kysely';
import { type Actor, runCommand } from '../../command.ts';
import type { Keyring } from '../../crypto.ts';
import type { Db } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { fieldMessages } from '../messages.ts';
import { accountsTrx } from '../tables.ts';
import { acceptTotp } from '../totp.ts';

export async function enableTotp(
  db: Db,
  keys: Keyring,
  actor: Actor & { userId: string },
  code: string,
): Promise<void> {
  await runCommand(db, actor, async ({ trx, audit }) => {
    const accounts = accountsTrx(trx);
    const user = await accounts
      .selectFrom('accounts_users')
      .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.totp_enabled) throw new AppError('totp_already_enabled', 409);
    if (!user.totp_secret) throw new AppError('totp_not_set_up', 409);
    const step = acceptTotp(code, keys.decryptField(user.totp_secret), user.totp_last_step);
    if (step === null) throw fieldError('body.code', 'invalid_totp', fieldMessages.invalid_totp);
    await accounts
      .updateTable('accounts_users')
      .set({ totp_enabled: true, totp_last_step: step, updated_at: sql<Date>`now()` })
      .where('id', '=', actor.userId)
      .execute();
    await audit({
      action: 'accounts.enable-totp',
      entityType: 'accounts_users',
      entityId: actor.userId,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
  });
}
