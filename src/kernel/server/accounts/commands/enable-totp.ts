/**
 * Finishing two-step enrolment: a valid code from the user's app turns the factor on. The secret was
 * handed out only after the password (`set-up-totp`); a wrong code counts against the same throttle
 * as a wrong password.
 */
import { sql } from 'kysely';
import { runCommand } from '../../command.ts';
import type { Keyring } from '../../crypto.ts';
import type { Db } from '../../db.ts';
import { AppError, fieldError } from '../../errors.ts';
import { auditFailedCheck, type CheckConfig, type CheckSubject } from '../confirm.ts';
import { fieldMessages } from '../messages.ts';
import { accountsTrx } from '../tables.ts';
import { checkThrottle } from '../throttle.ts';
import { acceptTotp } from '../totp.ts';

export async function enableTotp(
  db: Db,
  config: CheckConfig,
  keys: Keyring,
  subject: CheckSubject,
  code: string,
): Promise<void> {
  const throttle = checkThrottle(db, config, subject);
  await throttle.check();
  const accepted = await runCommand(
    db,
    { userId: subject.userId, ip: subject.ip ?? null },
    async ({ trx, audit }) => {
      const accounts = accountsTrx(trx);
      const user = await accounts
        .selectFrom('accounts_users')
        .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
        .where('id', '=', subject.userId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (user.totp_enabled) throw new AppError('totp_already_enabled', 409);
      if (!user.totp_secret) throw new AppError('totp_not_set_up', 409);
      const step = acceptTotp(code, keys.decryptField(user.totp_secret), user.totp_last_step);
      if (step === null) return false;
      await accounts
        .updateTable('accounts_users')
        .set({ totp_enabled: true, totp_last_step: step, updated_at: sql<Date>`now()` })
        .where('id', '=', subject.userId)
        .execute();
      await audit({
        action: 'accounts.enable-totp',
        entityType: 'accounts_users',
        entityId: subject.userId,
        before: { totpEnabled: false },
        after: { totpEnabled: true },
      });
      return true;
    },
  );
  if (!accepted) {
    // Counted after the transaction: a refused code changes nothing but the throttle and the trail.
    await throttle.recordFailure();
    await auditFailedCheck(db, subject, 'totp');
    throw fieldError('body.code', 'invalid_totp', fieldMessages.invalid_totp);
  }
  await throttle.recordSuccess();
}
