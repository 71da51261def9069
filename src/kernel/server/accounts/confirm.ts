/**
 * A signed-in user proves it is them again before changing how they sign in (the password, the
 * second factor) or an admin resets someone's second factor: a stolen session cookie alone must not
 * be enough to take the account over. Each check is throttled like login (`checkThrottle`), and a
 * wrong answer is audited (never the password or the code itself).
 */
import { runCommand } from '../command.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import { fieldError } from '../errors.ts';
import { fieldMessages } from './messages.ts';
import { verifyPassword } from './passwords.ts';
import { accountsDb } from './tables.ts';
import { checkThrottle } from './throttle.ts';

export type CheckConfig = Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_WINDOW_MINUTES'>;

/** Who is proving themselves: the signed-in user, their session, and where the request came from. */
export interface CheckSubject {
  userId: string;
  sessionId: string;
  ip?: string | null | undefined;
}

/** Records a refused password or code in the audit trail (what was checked, never what was typed). */
export async function auditFailedCheck(
  db: Db,
  subject: CheckSubject,
  what: 'password' | 'totp',
): Promise<void> {
  await runCommand(db, { userId: subject.userId, ip: subject.ip ?? null }, ({ audit }) =>
    audit({
      action: 'accounts.check-failed',
      entityType: 'accounts_users',
      entityId: subject.userId,
      after: { checked: what },
    }),
  );
}

/**
 * Checks the user's current password; a wrong one is a field error on `field` (the form's own
 * password field), a 429 once the session has guessed LOGIN_MAX_FAILURES times in the window.
 */
export async function confirmPassword(
  db: Db,
  config: CheckConfig,
  subject: CheckSubject,
  password: string,
  field: string,
): Promise<void> {
  const throttle = checkThrottle(db, config, subject);
  await throttle.check();
  const { password_hash: hash } = await accountsDb(db)
    .selectFrom('accounts_users')
    .select('password_hash')
    .where('id', '=', subject.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(hash, password))) {
    await throttle.recordFailure();
    await auditFailedCheck(db, subject, 'password');
    throw fieldError(field, 'wrong_password', fieldMessages.wrong_password);
  }
  await throttle.recordSuccess();
}
