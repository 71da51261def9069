/**
 * Server-side sessions in the database, so that any app server behind a load balancer can answer any
 * request. The cookie carries a random token; the table keeps only its SHA-256, so neither a backup
 * nor a read of the table hands out a session. A login always creates a new token (a token someone
 * planted in the browser before login is never promoted).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Role } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import { accountsDb } from './tables.ts';

const plainSessionCookie = 'rc_session';
/**
 * Over TLS the cookie is `__Host-rc_session`: browsers accept that name only from a Secure response,
 * with Path=/ and no Domain, so a neighbouring subdomain or a plain-http page cannot plant or shadow
 * it. Whether a request came over TLS is `request.protocol`: Node does not terminate TLS here, so it is
 * https only when a trusted proxy (TRUST_PROXY) says so in X-Forwarded-Proto.
 */
const hostSessionCookie = '__Host-rc_session';

/** The session cookie's name for this request (see above); only that name is read. */
export function sessionCookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? hostSessionCookie : plainSessionCookie;
}

export function presentedSessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(request)];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Marks the cookie Secure when the request came over TLS (through TRUST_PROXY's X-Forwarded-Proto). */
export function cookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' } as const;
}

export interface StartedSession {
  id: string;
  token: string;
  csrfToken: string;
}

export async function startSession(db: Db, userId: string): Promise<StartedSession> {
  const token = randomBytes(32).toString('base64url');
  const session = { id: hashToken(token), token, csrfToken: randomBytes(32).toString('base64url') };
  await accountsDb(db)
    .insertInto('accounts_sessions')
    .values({ id: session.id, user_id: userId, csrf_token: session.csrfToken })
    .execute();
  return session;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string): void {
  reply.setCookie(sessionCookieName(request), token, cookieOptions(request));
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest): void {
  reply.clearCookie(sessionCookieName(request), cookieOptions(request));
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: {
    id: string;
    email: string;
    display_name: string;
    role: Role;
    department_code: string | null;
    totp_enabled: boolean;
  };
}

/**
 * The live session behind `token`, or null. An idle, too old, or disabled user's session is deleted
 * on sight. `last_seen_at` is written at most once a minute: a write per request would cost more than
 * the idle timeout gains from the precision.
 */
export async function findSession(
  db: Db,
  config: Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS'>,
  token: string,
): Promise<ActiveSession | null> {
  const id = hashToken(token);
  const result = await sql<{
    csrf_token: string;
    user_id: string;
    email: string;
    display_name: string;
    role: Role;
    department_code: string | null;
    totp_enabled: boolean;
    expired: boolean;
    stale: boolean;
  }>`
    select s.csrf_token, u.id as user_id, u.email, u.display_name, u.role, u.department_code, u.totp_enabled,
      (s.last_seen_at < now() - make_interval(mins => ${config.SESSION_IDLE_MINUTES})
        or s.created_at < now() - make_interval(hours => ${config.SESSION_MAX_HOURS})
        or u.disabled_at is not null) as expired,
      s.last_seen_at < now() - interval '1 minute' as stale
    from accounts_sessions s join accounts_users u on u.id = s.user_id
    where s.id = ${id}`.execute(db);
  const row = result.rows[0];
  if (!row) return null;
  if (row.expired) {
    await endSession(db, id);
    return null;
  }
  if (row.stale) {
    await accountsDb(db)
      .updateTable('accounts_sessions')
      .set({ last_seen_at: sql`now()` })
      .where('id', '=', id)
      .execute();
  }
  return {
    id,
    csrfToken: row.csrf_token,
    user: {
      id: row.user_id,
      email: row.email,
      display_name: row.display_name,
      role: row.role,
      department_code: row.department_code,
      totp_enabled: row.totp_enabled,
    },
  };
}

export async function endSession(db: Db, id: string): Promise<void> {
  await accountsDb(db).deleteFrom('accounts_sessions').where('id', '=', id).execute();
}

/** Sessions past their idle or absolute limit; run at login so the table does not grow without end. */
export async function purgeExpiredSessions(
  db: Db,
  config: Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_MAX_HOURS'>,
): Promise<void> {
  await sql`delete from accounts_sessions
    where last_seen_at < now() - make_interval(mins => ${config.SESSION_IDLE_MINUTES})
       or created_at < now() - make_interval(hours => ${config.SESSION_MAX_HOURS})`.execute(db);
}
