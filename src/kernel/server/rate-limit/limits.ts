/**
 * Public writes cannot exhaust the server: every non-GET route with `access: 'public'` (a complaint,
 * an attachment, a registration, a questionnaire answer, a login …) is counted per client address and
 * per browser in the database (`store.ts`, shared by every app server) and answers a bilingual 429
 * problem with Retry-After once over its allowance. A route tunes its allowance in its config:
 * `writeLimit: { factor: 3 }` allows three times RATE_LIMIT_PER_ADDRESS and RATE_LIMIT_PER_BROWSER
 * in the window, `writeLimit: false` exempts it (it must then say why). A route added later is
 * counted without doing anything. A public GET is counted only with a `writeLimit` of its own (the
 * complaint status lookup, where each request guesses a tracking code).
 *
 * The browser is told apart by a random `rc_client` cookie set on its first public write, so a kiosk
 * or an office behind one address is not one person: the per-address allowance is the larger one.
 * A browser that drops its cookie is still counted by its address.
 */
import { randomBytes } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.ts';
import type { Kernel } from '../module.ts';
import { databaseStore } from './store.ts';

export interface WriteLimit {
  /** Multiplies both allowances for this route (e.g. several attachments to one complaint). */
  factor?: number;
  /** A fixed allowance per browser instead (e.g. 1: one answer per browser). */
  perBrowser?: number;
  /** Count each record of the route apart (its path parameters: one questionnaire, one complaint). */
  perRecord?: boolean;
  /** This route's window instead of RATE_LIMIT_WINDOW_MINUTES (at most a day: rows must not pile up). */
  windowMinutes?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    writeLimit?: WriteLimit | false;
  }
}

export const browserCookie = 'rc_client';
const browserIdPattern = /^[A-Za-z0-9_-]{22}$/;

/** An IPv6 client is counted by its /64: one host may hold a whole one. */
export function addressKey(ip: string): string {
  if (!ip.includes(':')) return ip;
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.slice(7);
  const [head = '', tail = ''] = ip.split('::');
  const groups = head ? head.split(':') : [];
  const rest = tail ? tail.split(':') : [];
  const full = [...groups, ...Array(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest];
  return `${full.slice(0, 4).join(':')}::/64`;
}

/** The @fastify/rate-limit plugin with the database store; once, on the root app. */
export async function registerRateLimitStore(app: FastifyInstance, kernel: Kernel): Promise<void> {
  await app.register(fastifyRateLimit, { global: false, store: databaseStore(kernel.database.db) });
}

function browserId(request: FastifyRequest, reply: FastifyReply): string | null {
  const value = request.cookies[browserCookie];
  if (value && browserIdPattern.test(value)) return value;
  reply.setCookie(browserCookie, randomBytes(16).toString('base64url'), {
    path: '/api',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: 365 * 24 * 60 * 60,
  });
  return null;
}

/** Adds the counting hooks to every public write of `scope` (the API's scope, before its routes). */
export function limitPublicWrites(scope: FastifyInstance, kernel: Kernel): void {
  const { config } = kernel;
  scope.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map(String);
    const reads = methods.every((method) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS');
    if (route.config?.access !== 'public' || route.config.writeLimit === false) return;
    // A public read is counted only when it asks to be (a lookup by a secret code, which can be guessed).
    if (reads && route.config.writeLimit === undefined) return;
    const limit = route.config.writeLimit ?? {};
    const factor = limit.factor ?? 1;
    const timeWindow = Math.min(limit.windowMinutes ?? config.RATE_LIMIT_WINDOW_MINUTES, 1440) * 60_000;
    const routeKey = `${methods.join(',')} ${route.url}`;
    const recordKey = (request: FastifyRequest) =>
      limit.perRecord ? `${routeKey}|${JSON.stringify(request.params ?? {})}` : routeKey;
    const perAddress = scope.createRateLimit({
      max: Math.ceil(config.RATE_LIMIT_PER_ADDRESS * factor),
      timeWindow,
      keyGenerator: (request) => `${recordKey(request)}|address|${addressKey(request.ip)}`,
    });
    const perBrowser = scope.createRateLimit({
      max: limit.perBrowser ?? Math.ceil(config.RATE_LIMIT_PER_BROWSER * factor),
      timeWindow,
      keyGenerator: (request) => `${recordKey(request)}|browser|${request.cookies[browserCookie]}`,
    });
    const hook: onRequestAsyncHookHandler = async (request, reply) => {
      const results = [await perAddress(request)];
      if (browserId(request, reply)) results.push(await perBrowser(request));
      let wait = 0;
      for (const result of results) {
        if (!result.isAllowed && result.isExceeded) wait = Math.max(wait, result.ttlInSeconds);
      }
      if (wait > 0) {
        request.log.warn({ route: routeKey }, 'public write rate limit exceeded');
        throw new AppError('rate_limited', 429, {
          params: { seconds: wait },
          headers: { 'retry-after': String(wait) },
        });
      }
    };
    const existing = route.onRequest;
    route.onRequest = [...(existing ? [existing].flat() : []), hook] as typeof route.onRequest;
  });
}
