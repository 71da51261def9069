/**
 * Authentication of every API request, from the session cookie, before anything else runs.
 *
 * CSRF: a synchroniser token. Each session row carries a random `csrf_token`, handed to the client by
 * login and `/auth/me`; every unsafe request that a session cookie authenticates must echo it in
 * `x-csrf-token`. We chose this over @fastify/csrf-protection because the session row already exists
 * and is read on every request anyway: the check costs one string comparison, needs no second cookie
 * and no secret of its own, and dies with the session. Login is exempt (there is no session yet);
 * a forged cross-site login is stopped because the API accepts only `application/json` bodies, which a
 * cross-site page cannot send without a CORS preflight that this server never grants.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Kernel } from '../module.ts';
import { clearSessionCookie, findSession, presentedSessionToken } from './sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Login only: a request that cannot carry a CSRF token yet. */
    csrfExempt?: boolean;
    /** Reachable by a user who must enrol a second factor before anything else (see `needsTotpEnrolment`). */
    duringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    /** The session that authenticated this request (its CSRF token), or null. */
    session: { id: string; csrfToken: string } | null;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A user whose role requires TOTP (REQUIRE_TOTP_ROLES) but who has not enrolled yet. Their session
 * (from a password-only login) reaches only the enrolment endpoints, `/auth/me` and logout; that is
 * how they enrol the first time, since nobody may hold someone else's second factor.
 */
export function needsTotpEnrolment(
  config: Pick<Config, 'REQUIRE_TOTP_ROLES'>,
  role: Role,
  totpEnabled: boolean,
) {
  return !totpEnabled && config.REQUIRE_TOTP_ROLES.includes(role);
}

function tokensMatch(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function authenticateRequests(app: FastifyInstance, kernel: Kernel): void {
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const token = presentedSessionToken(request);
    if (!token) return;
    const session = await findSession(kernel.database.db, kernel.config, token);
    if (!session) {
      clearSessionCookie(reply, request);
      return;
    }
    const routeConfig = request.routeOptions.config ?? {};
    const { user } = session;
    if (needsTotpEnrolment(kernel.config, user.role, user.totp_enabled) && !routeConfig.duringTotpEnrolment) {
      // Public pages stay public; everything that needs the account waits for the second factor.
      if (routeConfig.access === 'public' || routeConfig.access === undefined) return;
      throw new AppError('totp_enrolment_required', 403);
    }
    request.user = {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      role: user.role,
      departmentCode: user.department_code,
      sessionId: session.id,
    };
    request.session = { id: session.id, csrfToken: session.csrfToken };
    if (
      unsafeMethods.has(request.method) &&
      !routeConfig.csrfExempt &&
      !tokensMatch(request.headers['x-csrf-token'], session.csrfToken)
    ) {
      throw new AppError('csrf_failed', 403);
    }
  });

  // What a signed-in user sees is theirs alone: no browser or proxy cache may keep it.
  app.addHook('onSend', async (request, reply) => {
    if (request.user) reply.header('cache-control', 'no-store');
  });
}
