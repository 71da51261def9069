/**
 * One error type for the whole application, and one handler that turns every error into an
 * `application/problem+json` response (RFC 9457) with a stable `code`, a message in the request's
 * language and, for validation failures, one entry per field. A 5xx never shows internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { en, ko } from 'zod/locales';
import type { Bilingual, Language } from '../shared/language.ts';
import { requestLanguage, translate } from './i18n.ts';

export interface FieldError {
  /** Dotted path of the field, e.g. `body.email` or `query.page`. */
  field: string;
  code: string;
  /** Already in the request's language (from a schema), or in both (from a command's rule). */
  message: string | Bilingual;
}

export class AppError extends Error {
  constructor(
    /** Stable, machine-readable, documented in the catalogue (`i18n.ts` or a module's messages). */
    readonly code: string,
    readonly status: number,
    readonly details: {
      params?: Record<string, unknown>;
      errors?: FieldError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('not_found', 404);
export const forbidden = () => new AppError('forbidden', 403);
export const unauthenticated = () => new AppError('unauthenticated', 401);
export const conflict = () => new AppError('conflict', 409);

/** A 400 problem for one field, for the rules that a schema cannot express. */
export function fieldError(field: string, code: string, message: Bilingual): AppError {
  return new AppError('validation_failed', 400, { errors: [{ field, code, message }] });
}

const zodLocales = { ko: ko(), en: en() } as const;

export function localizeZodIssue(issue: z.core.$ZodIssue, language: Language, prefix = ''): FieldError {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const text = zodLocales[language].localeError(issue as never);
  const message = typeof text === 'string' ? text : (text?.message ?? issue.message);
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys: string[] }).keys;
    return { field: [path, keys[0]].filter(Boolean).join('.'), code: issue.code, message };
  }
  return { field: path, code: issue.code, message };
}

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance: string;
  errors?: { field: string; code: string; message: string }[];
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const language = requestLanguage(request);
  const title = translate(error.code, language, error.details.params);
  const errors = error.details.errors?.map(({ field, code, message }) => ({
    field,
    code,
    message: typeof message === 'string' ? message : message[language],
  }));
  const problem: Problem = {
    type: `about:blank#${error.code}`,
    title,
    status: error.status,
    code: error.code,
    instance: request.url.split('?')[0] ?? request.url,
    ...(errors ? { errors } : {}),
  };
  for (const [name, value] of Object.entries(error.details.headers ?? {})) reply.header(name, value);
  return reply
    .code(error.status)
    .header('content-language', language)
    .header('cache-control', 'no-store')
    .type('application/problem+json; charset=utf-8')
    .send(problem);
}

/**
 * The database server is unreachable or going away (restart, failover, immediate shutdown): the
 * request may well succeed in a moment, so it is a 503 with Retry-After, not a 500.
 */
function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  // node-postgres gives a connection that the server drops no code, only this message.
  if (typeof message === 'string' && message.startsWith('Connection terminated')) return true;
  if (typeof code !== 'string') return false;
  // Connection refused or reset by the network; PostgreSQL's class 08 (connection exception) and
  // 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now).
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code) ||
    code.startsWith('08') ||
    /^57P0[123]$/.test(code)
  );
}

/** Maps Fastify's own errors (parsing, limits, validation) to our codes. */
function toAppError(error: FastifyError, request: FastifyRequest, bodyLimit: number): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const language = requestLanguage(request);
    const prefix = error.validationContext ?? 'body';
    const errors = error.validation.map((entry) => {
      // The type provider flattens each Zod issue into Ajv's shape; put the issue back together.
      const path = entry.instancePath.split('/').filter(Boolean);
      const issue = {
        ...entry.params,
        code: entry.keyword,
        path,
        message: entry.message,
      } as z.core.$ZodIssue;
      return localizeZodIssue(issue, language, prefix);
    });
    return new AppError('validation_failed', 400, { errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 400);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // A route may accept more than the server's default (an attachment); quote the limit that applied.
      return new AppError('payload_too_large', 413, {
        params: { limit: request.routeOptions.bodyLimit ?? bodyLimit },
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 415);
  }
  if (error instanceof SyntaxError && error.statusCode === 400) return new AppError('malformed_json', 400);
  if (isDatabaseUnavailable(error)) {
    return new AppError('service_unavailable', 503, { headers: { 'retry-after': '5' } });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(error.statusCode === 404 ? 'not_found' : 'bad_request', error.statusCode);
  }
  return new AppError('internal', 500);
}

export function registerErrorHandling(
  app: FastifyInstance,
  bodyLimit: number,
  /** Answers a request that no route matched (Fastify takes one per instance); a 404 problem by default. */
  notFoundHandler: (request: FastifyRequest, reply: FastifyReply) => unknown = (request, reply) =>
    sendProblem(reply, request, notFound()),
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request, bodyLimit);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, appError);
  });
  app.setNotFoundHandler(notFoundHandler);
}
