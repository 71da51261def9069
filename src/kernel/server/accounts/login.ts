/**
 * Logging in: throttle, password, second factor, then a brand-new session. Every refusal that could
 * tell whether an email has an account (unknown email, wrong password, disabled account, wrong code)
 * is the same 401 `invalid_credentials`, and takes the same time (an unknown email still costs one
 * argon2 verification). `totp_required` is said only after the right password.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { runCommand } from '../command.ts';
import { keyring } from '../crypto.ts';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import type { Kernel } from '../module.ts';
import { needsTotpEnrolment } from './authenticate.ts';
import { normaliseEmail } from './commands/create-user.ts';
import { verifyPassword } from './passwords.ts';
import {
  endSession,
  hashToken,
  presentedSessionToken,
  purgeExpiredSessions,
  setSessionCookie,
  startSession,
} from './sessions.ts';
import { accountsDb, presentSelf } from './tables.ts';
import { loginThrottle } from './throttle.ts';
import { acceptTotp } from './totp.ts';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

const invalidCredentials = () => new AppError('invalid_credentials', 401);

/**
 * Logins and refused logins in the audit trail: who (when known) and from where, never the email
 * typed (it may be a password typed into the wrong field), the password or the code.
 */
function auditLogin(
  db: Db,
  request: FastifyRequest,
  userId: string | null,
  action: 'accounts.login' | 'accounts.login-failed',
  after?: { reason: 'password' | 'totp' },
): Promise<void> {
  return runCommand(
    db,
    { userId: action === 'accounts.login' ? userId : null, ip: request.ip, signInAttempt: true },
    ({ audit }) =>
      audit({
        action,
        entityType: 'accounts_users',
        // A refused login for an email without an account names no record.
        entityId: userId ?? '-',
        ...(after ? { after } : {}),
      }),
  );
}

export async function logIn(kernel: Kernel, request: FastifyRequest, reply: FastifyReply, input: LoginInput) {
  const { config } = kernel;
  const { db } = kernel.database;
  const accounts = accountsDb(db);
  const email = normaliseEmail(input.email);
  const throttle = loginThrottle(db, config, request, email);
  await throttle.check();

  const user = await accounts
    .selectFrom('accounts_users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  const passwordMatches = await verifyPassword(user?.password_hash, input.password);
  if (!user || !passwordMatches || user.disabled_at !== null) {
    await throttle.recordFailure();
    // No email in the log: it may be a password typed into the wrong field.
    request.log.info({ userId: user?.id ?? null }, 'login refused: wrong email or password');
    await auditLogin(db, request, user?.id ?? null, 'accounts.login-failed', { reason: 'password' });
    throw invalidCredentials();
  }
  if (user.totp_enabled) {
    if (!input.totp) throw new AppError('totp_required', 401);
    const step = user.totp_secret
      ? acceptTotp(input.totp, keyring(config).decryptField(user.totp_secret), user.totp_last_step)
      : null;
    // The conditional update makes two logins racing with one code accept it once.
    const accepted =
      step !== null &&
      (
        await accounts
          .updateTable('accounts_users')
          .set({ totp_last_step: step })
          .where('id', '=', user.id)
          .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
          .executeTakeFirst()
      ).numUpdatedRows > 0n;
    if (!accepted) {
      await throttle.recordFailure();
      request.log.info({ userId: user.id }, 'login refused: wrong second factor');
      await auditLogin(db, request, user.id, 'accounts.login-failed', { reason: 'totp' });
      throw invalidCredentials();
    }
  }
  await throttle.recordSuccess(reply);

  // A session token presented with the login (planted, or left over) is never reused.
  const presented = presentedSessionToken(request);
  if (presented) await endSession(db, hashToken(presented));
  await purgeExpiredSessions(db, config);
  const session = await startSession(db, user.id);
  setSessionCookie(reply, request, session.token);
  request.user = {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    departmentCode: user.department_code,
    sessionId: session.id,
  };
  request.log.info({ userId: user.id }, 'login');
  await auditLogin(db, request, user.id, 'accounts.login');
  return {
    user: presentSelf(user),
    csrfToken: session.csrfToken,
    totpEnrolmentRequired: needsTotpEnrolment(config, user.role, user.totp_enabled),
  };
}
