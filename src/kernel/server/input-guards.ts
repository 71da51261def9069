/**
 * Input that passes a schema yet cannot be stored, handled once for every route:
 * - U+0000: PostgreSQL cannot store it in text or jsonb, so a NUL would fail the statement and
 *   surface as a 500. It is refused up front with a field-level 400 problem.
 * - A lone UTF-16 surrogate (a JSON body may carry `"\ud800"`): a text column stores it as U+FFFD,
 *   but jsonb refuses it outright. Every string gets what a text column would give it, so no module
 *   has to clean what it puts in a jsonb column.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

const loneSurrogate = /\p{Cs}/gu;

/**
 * Parsed JSON and query objects are walked: plain objects, and the query parser's, whose prototype
 * has no prototype. Anything else, an upload's Buffer or stream or a class a parser made, is left as
 * it is (rebuilding an instance would lose its private fields).
 */
function isParsed(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
}

/** `value` with lone surrogates replaced, and the paths of strings holding a NUL added to `found`. */
function clean(value: unknown, path: string, found: string[]): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
    return value.replace(loneSurrogate, '\ufffd');
  }
  if (Array.isArray(value)) return value.map((item, index) => clean(item, `${path}.${index}`, found));
  if (!isParsed(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => {
    if (key.includes('\u0000')) found.push(path);
    return [key.replace(loneSurrogate, '\ufffd'), clean(item, `${path}.${key}`, found)];
  });
  // The query parser's objects have a prototype of their own; keep it.
  return Object.assign(Object.create(Object.getPrototypeOf(value)), Object.fromEntries(entries));
}

export function guardInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: string[] = [];
    request.body = clean(request.body, 'body', found);
    request.query = clean(request.query, 'query', found);
    request.params = clean(request.params, 'params', found);
    if (found.length === 0) return;
    const errors: FieldError[] = found.map((field) => ({
      field,
      code: 'nul_character',
      message: {
        ko: '허용되지 않는 제어 문자(NUL)가 들어 있습니다.',
        en: 'Contains a NUL control character.',
      },
    }));
    throw new AppError('validation_failed', 400, { errors });
  });
}
