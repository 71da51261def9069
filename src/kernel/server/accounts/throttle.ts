/**
 * Slowing down password guessing without letting an attacker lock the real user out.
 *
 * Failures are counted in the database (so every app server sees the same counts) against keys,
 * never against the account alone:
 * - the pair (client address, email): after LOGIN_MAX_FAILURES within LOGIN_WINDOW_MINUTES that pair
 *   waits; the same user from another address is untouched;
 * - the client address alone, with a ceiling ten times higher, against spraying one password over
 *   many emails;
 * - a device cookie (OWASP's "device cookies"): a browser that has logged in to an email before gets
 *   a signed cookie for it, and for that email its failures count against the cookie instead of the
 *   address, so a guesser sharing the user's address (an office NAT) cannot shut them out either.
 * The email is kept only as a hash: people type passwords into the email field.
 *
 * The answer never depends on whether the email exists, so throttling reveals no account.
 *
 * A signed-in user proving their password or a TOTP code again (to change the password or the second
 * factor: `checkThrottle`) is throttled the same way, against the session (a stolen session guesses a
 * few times, then waits) and, ten times higher, the account (many stolen sessions); never so that the
 * owner's own session is blocked by someone else's guessing.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { keyring } from '../crypto.ts';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import { cookieOptions } from './sessions.ts';
import { accountsDb } from './tables.ts';

export const deviceCookie = 'rc_device';
const deviceCookieDays = 180;
const perAddressFactor = 10;
export const loginPath = '/api/v1/auth/login';

type ThrottleConfig = Pick<
  Config,
  'LOGIN_MAX_FAILURES' | 'LOGIN_WINDOW_MINUTES' | 'RIGHTSCITY_SECRET' | 'dataDir'
>;

interface Limit {
  key: string;
  max: number;
}

export interface LoginThrottle {
  /** Throws a 429 problem while any of this attempt's limits is reached. */
  check(): Promise<void>;
  recordFailure(): Promise<void>;
  /** Clears what counted against this user's own keys and gives the browser a device cookie. */
  recordSuccess(reply: FastifyReply): Promise<void>;
}

function emailHash(email: string): string {
  return createHash('sha256').update(email).digest('hex');
}

function deviceSignatureInput(email: string, nonce: string): string {
  return `${emailHash(email)}\n${nonce}`;
}

/** The nonce of a valid device cookie for `email`, or null. */
function presentedDevice(config: ThrottleConfig, request: FastifyRequest, email: string): string | null {
  const value = request.cookies[deviceCookie];
  const [nonce, signature] = value?.split('.') ?? [];
  if (!nonce || !signature) return null;
  return keyring(config).verify('device-cookie', deviceSignatureInput(email, nonce), signature)
    ? nonce
    : null;
}

/** Failures counted against `limits` within the window: the part shared by login and re-checks. */
export interface FailureThrottle {
  /** Throws a 429 problem while any of the limits is reached. */
  check(): Promise<void>;
  recordFailure(): Promise<void>;
  /** Forgets the failures counted against `keys` (those of the person who just proved who they are). */
  clear(keys: readonly string[]): Promise<void>;
}

export function failureThrottle(db: Db, windowMinutes: number, limits: readonly Limit[]): FailureThrottle {
  const window = windowMinutes;
  return {
    async check() {
      let waitSeconds = 0;
      for (const { key, max } of limits) {
        // The limit lifts when the max-th most recent failure leaves the window.
        const result = await sql<{ wait: number }>`
          select ceil(extract(epoch from (failed_at + make_interval(mins => ${window}) - now())))::integer as wait
          from accounts_login_failures
          where key = ${key} and failed_at > now() - make_interval(mins => ${window})
          order by failed_at desc
          offset ${max - 1} limit 1`.execute(db);
        const wait = result.rows[0]?.wait;
        if (wait !== undefined) waitSeconds = Math.max(waitSeconds, wait, 1);
      }
      if (waitSeconds > 0) {
        throw new AppError('rate_limited', 429, {
          params: { seconds: waitSeconds },
          headers: { 'retry-after': String(waitSeconds) },
        });
      }
    },
    async recordFailure() {
      const accounts = accountsDb(db);
      await accounts
        .deleteFrom('accounts_login_failures')
        .where('failed_at', '<', sql<Date>`now() - make_interval(mins => ${window})`)
        .execute();
      await accounts
        .insertInto('accounts_login_failures')
        .values(limits.map(({ key }) => ({ key })))
        .execute();
    },
    async clear(keys) {
      if (keys.length === 0) return;
      await accountsDb(db)
        .deleteFrom('accounts_login_failures')
        .where('key', 'in', [...keys])
        .execute();
    },
  };
}

export function loginThrottle(
  db: Db,
  config: ThrottleConfig,
  request: FastifyRequest,
  normalisedEmail: string,
): LoginThrottle {
  const device = presentedDevice(config, request, normalisedEmail);
  const pairKey = `address-email:${request.ip}:${emailHash(normalisedEmail)}`;
  const limits: Limit[] = device
    ? [{ key: `device:${device}`, max: config.LOGIN_MAX_FAILURES }]
    : [
        { key: pairKey, max: config.LOGIN_MAX_FAILURES },
        { key: `address:${request.ip}`, max: config.LOGIN_MAX_FAILURES * perAddressFactor },
      ];
  const throttle = failureThrottle(db, config.LOGIN_WINDOW_MINUTES, limits);

  return {
    check: throttle.check,
    recordFailure: throttle.recordFailure,
    async recordSuccess(reply) {
      await throttle.clear([pairKey, ...(device ? [`device:${device}`] : [])]);
      const nonce = device ?? randomBytes(16).toString('base64url');
      const signature = keyring(config).sign('device-cookie', deviceSignatureInput(normalisedEmail, nonce));
      reply.setCookie(deviceCookie, `${nonce}.${signature}`, {
        ...cookieOptions(request),
        // Only the login endpoint reads it: no other request needs to carry it.
        path: loginPath,
        maxAge: deviceCookieDays * 24 * 60 * 60,
      });
    },
  };
}

/**
 * The throttle of a signed-in user's password or TOTP re-checks (see the top of this file). A right
 * answer clears the session's own count only.
 */
export function checkThrottle(
  db: Db,
  config: Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_WINDOW_MINUTES'>,
  subject: { userId: string; sessionId: string },
): FailureThrottle & { recordSuccess(): Promise<void> } {
  const sessionKey = `check-session:${subject.sessionId}`;
  const throttle = failureThrottle(db, config.LOGIN_WINDOW_MINUTES, [
    { key: sessionKey, max: config.LOGIN_MAX_FAILURES },
    { key: `check-user:${subject.userId}`, max: config.LOGIN_MAX_FAILURES * perAddressFactor },
  ]);
  return { ...throttle, recordSuccess: () => throttle.clear([sessionKey]) };
}
