/**
 * Starting two-step enrolment: a new secret is stored (encrypted) but not yet required; it takes
 * effect only when the user proves with a code that their app holds it (`enable-totp`). Refused while
 * a factor is on: replacing it must go through `disable-totp`, which asks for the password.
 */
import { sql } from 'kysely';
import type { Actor } from '../../command.ts';
import { runCommand } from '../../command.ts';
import type { Keyring } from '../../crypto.ts';
import type { Db } from '../../db.ts';
import { AppError } from '../../errors.ts';
import { accountsTrx } from '../tables.ts';
import { generateTotpSecret, totpUri } from '../totp.ts';

export async function setUpTotp(
  db: Db,
  keys: Keyring,
  actor: Actor & { userId: string },
): Promise<{ secret: string; otpauthUrl: string }> {
  return runCommand(db, actor, async ({ trx, audit }) => {
    const accounts = accountsTrx(trx);
    const user = await accounts
      .selectFrom('accounts_users')
      .select(['email', 'totp_enabled'])
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.totp_enabled) throw new AppError('totp_already_enabled', 409);
    const secret = generateTotpSecret();
    await accounts
      .updateTable('accounts_users')
      .set({ totp_secret: keys.encryptField(secret), totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', actor.userId)
      .execute();
    await audit({ action: 'accounts.set-up-totp', entityType: 'accounts_users', entityId: actor.userId });
    return { secret, otpauthUrl: totpUri(user.email, secret) };
  });
}
