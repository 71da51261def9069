/**
 * Starting two-step enrolment, with the password as proof (throttled): without it, a stolen session
 * cookie could put the thief's app on the account and lock its owner out. A new secret is stored
 * (encrypted) but not yet required; it takes effect only when the user proves with a code that their
 * app holds it (`enable-totp`). Refused while a factor is on: replacing it goes through
 * `disable-totp` or an admin's `reset-totp`.
 */
import { sql } from 'kysely';
import { runCommand } from '../../command.ts';
import type { Keyring } from '../../crypto.ts';
import type { Db } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { type CheckConfig, type CheckSubject, confirmPassword } from '../confirm.ts';
import { accountsDb, accountsTrx } from '../tables.ts';
import { generateTotpSecret, totpUri } from '../totp.ts';

export async function setUpTotp(
  db: Db,
  config: CheckConfig,
  keys: Keyring,
  subject: CheckSubject,
  password: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  // Said before the password is checked: a factor that is on needs no guess to learn that.
  const before = await accountsDb(db)
    .selectFrom('accounts_users')
    .select('totp_enabled')
    .where('id', '=', subject.userId)
    .executeTakeFirstOrThrow();
  if (before.totp_enabled) throw new AppError('totp_already_enabled', 409);
  await confirmPassword(db, config, subject, password, 'body.password');
  return runCommand(db, { userId: subject.userId, ip: subject.ip ?? null }, async ({ trx, audit }) => {
    const accounts = accountsTrx(trx);
    const user = await accounts
      .selectFrom('accounts_users')
      .select(['email', 'totp_enabled'])
      .where('id', '=', subject.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.totp_enabled) throw new AppError('totp_already_enabled', 409);
    const secret = generateTotpSecret();
    await accounts
      .updateTable('accounts_users')
      .set({ totp_secret: keys.encryptField(secret), totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', subject.userId)
      .execute();
    await audit({ action: 'accounts.set-up-totp', entityType: 'accounts_users', entityId: subject.userId });
    return { secret, otpauthUrl: totpUri(user.email, secret) };
  });
}
