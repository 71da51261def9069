/**
 * The API refuses what it would not store. Generated from the OpenAPI document of the real app, so a
 * new route is checked without anyone listing it: for every ombudsman and indicators operation with a
 * request body, every object in the body's schema (nested ones and every oneOf branch included) must
 * forbid unknown properties; and every operation with a body or a query is called, by a user whose
 * role passes the route's gate, with one extra unknown field, which must be a 400 problem+json naming
 * that field. A field silently dropped is data someone typed and lost.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { listOperations, type Operation, sessionHeaders, urlOf } from '../../reliability/operations.ts';
import type { Role } from '../shared/roles.ts';
import { createUser } from './accounts/testing.ts';
import { createTestApp, type TestApp } from './testing.ts';

type Schema = Record<string, unknown>;
const unknownField = 'zzNotAField';
const prefixes = ['/api/v1/ombudsman', '/api/v1/indicators'];
/** Tried in turn: the first whose call gets past the route's role gate (which runs before validation). */
const callers = [
  'anonymous',
  'ombudsman',
  'officer',
  'admin',
  'department',
  'committee',
  'organisation',
] as const;

/** Where in `schema` an object allows properties it does not name: each path, for the message. */
function openObjects(schema: unknown, path: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Schema;
  const found: string[] = [];
  const isObject = node.type === 'object' || typeof node.properties === 'object';
  if (isObject) {
    const extra = node.additionalProperties;
    // A record (`additionalProperties` a schema) names its values' shape; anything else must be false.
    if (extra !== false && !(typeof extra === 'object' && extra !== null)) found.push(path || '(root)');
    for (const [name, property] of Object.entries((node.properties as Schema | undefined) ?? {})) {
      found.push(...openObjects(property, `${path}.${name}`));
    }
    if (typeof extra === 'object') found.push(...openObjects(extra, `${path}.*`));
  }
  if (node.items) found.push(...openObjects(node.items, `${path}[]`));
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches)) {
      branches.forEach((branch, index) => {
        found.push(...openObjects(branch, `${path}<${key} ${index}>`));
      });
    }
  }
  return found;
}

/** A body that gets past the union's discriminator (its first branch), with the unknown field. */
function bodyWithUnknown(schema: Schema): Record<string, unknown> {
  const branch = (
    Array.isArray(schema.oneOf) ? schema.oneOf[0] : Array.isArray(schema.anyOf) ? schema.anyOf[0] : schema
  ) as Schema;
  const fixed: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(
    (branch.properties as Record<string, Schema> | undefined) ?? {},
  )) {
    if ('const' in property) fixed[name] = property.const;
    else if (Array.isArray(property.enum) && property.enum.length === 1) fixed[name] = property.enum[0];
  }
  return { ...fixed, [unknownField]: 'x' };
}

/** A value the path parameter's schema accepts, so that validation reaches the body and the query. */
function pathValue(schema: Schema): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.type === 'integer' || schema.type === 'number') {
    return String(Math.max(Number(schema.minimum ?? 2026), Math.min(2026, Number(schema.maximum ?? 2026))));
  }
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : /./;
  const candidates = ['1-1-1', '1-1', '1.1', 'A1', 'a1', 'DHRP', 'x-1', '2026', 'a'.repeat(32)];
  return candidates.find((candidate) => pattern.test(candidate)) ?? 'x-1';
}

describe('strict request bodies and queries (ombudsman, indicators)', () => {
  let test: TestApp;
  let operations: Operation[];
  const sessions = new Map<Role, Record<string, string>>();

  const headersFor = async (role: Role | 'anonymous'): Promise<Record<string, string>> => {
    if (role === 'anonymous') return {};
    const known = sessions.get(role);
    if (known) return known;
    const user = await createUser(test.database, { role });
    const headers = await sessionHeaders(test.database.db, user.id);
    sessions.set(role, headers);
    return headers;
  };

  before(async () => {
    test = await createTestApp();
    operations = (await listOperations(test.app)).filter((operation) =>
      prefixes.some((prefix) => operation.path === prefix || operation.path.startsWith(`${prefix}/`)),
    );
  });
  after(() => test.close());

  it('finds the operations to check', () => {
    assert.ok(
      operations.some((operation) => operation.id === 'POST /api/v1/ombudsman/cases/{id}/transitions'),
    );
    assert.ok(operations.some((operation) => operation.path.startsWith('/api/v1/indicators')));
  });

  it('every object of every request body forbids unknown properties, in every branch', () => {
    const open = operations.flatMap((operation) =>
      operation.body ? openObjects(operation.body, '').map((where) => `${operation.id} body${where}`) : [],
    );
    assert.deepEqual(open, []);
  });

  it('every operation with a body or a query refuses an unknown field with 400 problem+json naming it', async () => {
    const accepted: string[] = [];
    const checked: string[] = [];
    for (const operation of operations) {
      const hasBody = operation.body !== undefined;
      const hasQuery = operation.queryParameters.length > 0;
      if (!hasBody && !hasQuery) continue;
      const pathValues = Object.fromEntries(
        operation.pathParameters.map((parameter) => [parameter.name, pathValue(parameter.schema as Schema)]),
      );
      const sendAs = async (role: (typeof callers)[number], url: string, payload?: Record<string, unknown>) =>
        test.app.inject({
          method: operation.method as 'GET',
          url,
          headers: await headersFor(role),
          ...(payload ? { payload } : {}),
        });
      let role: (typeof callers)[number] | undefined;
      const send = async (url: string, payload?: Record<string, unknown>) => {
        for (const candidate of role ? [role] : callers) {
          const response = await sendAs(candidate, url, payload);
          if (response.statusCode !== 401 && response.statusCode !== 403) {
            role = candidate;
            return response;
          }
        }
        throw new Error(`${operation.id}: no role gets past the gate`);
      };
      const checks: { where: string; response: Awaited<ReturnType<typeof send>> }[] = [];
      if (hasBody) {
        checks.push({
          where: 'body',
          response: await send(urlOf(operation, pathValues), bodyWithUnknown(operation.body as Schema)),
        });
      }
      if (hasQuery) {
        checks.push({
          where: 'querystring',
          response: await send(
            urlOf(operation, pathValues, { [unknownField]: 'x' }),
            hasBody ? bodyWithUnknown(operation.body as Schema) : undefined,
          ),
        });
      }
      checked.push(operation.id);
      for (const { where, response } of checks) {
        const errors = response.statusCode === 400 ? (response.json().errors ?? []) : [];
        const named = errors.some(
          (error: { field: string; code: string }) =>
            error.code === 'unrecognized_keys' && error.field.endsWith(unknownField),
        );
        if (
          response.statusCode !== 400 ||
          !String(response.headers['content-type']).startsWith('application/problem+json') ||
          !named
        ) {
          accepted.push(
            `${operation.id} (${where}, as ${role}): ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
      }
    }
    assert.deepEqual(accepted, []);
    for (const id of [
      'POST /api/v1/ombudsman/cases/{id}/transitions',
      'PATCH /api/v1/ombudsman/cases/{id}',
      'POST /api/v1/ombudsman/complaints',
      'GET /api/v1/ombudsman/complaints/status',
      'PUT /api/v1/indicators/{code}',
    ]) {
      assert.ok(checked.includes(id), `${id} was not checked`);
    }
  });
});
