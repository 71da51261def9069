/**
 * Every operation of the API, read from the OpenAPI document the app serves (so a new route is found
 * without anyone listing it), and what the suite needs to call one: its parameters' schemas, a URL
 * with values put in, and a fresh session for a user.
 */
import type { FastifyInstance } from 'fastify';
import { startSession } from '../kernel/server/accounts/sessions.ts';
import type { Db } from '../kernel/server/db.ts';
import type { JsonSchema } from './arbitraries.ts';

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `GET /api/v1/users/{id}`: how the authorization table names it. */
  id: string;
  method: string;
  /** The OpenAPI path, with `{name}` for each path parameter. */
  path: string;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  body: JsonSchema | undefined;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function listOperations(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`openapi.json: ${response.statusCode}`);
  const document = response.json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (where: string) =>
        (operation.parameters ?? [])
          .filter((parameter) => parameter.in === where)
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required ?? false,
            schema: parameter.schema ?? {},
          }));
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParameters: parameters('path'),
        queryParameters: parameters('query'),
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Percent-encodes a path value. A lone surrogate has no UTF-8 form (`encodeURIComponent` throws); it
 * is sent as the three bytes it would take, which are not valid UTF-8: what a hostile client can send.
 */
function encodePathValue(value: string): string {
  return [...value]
    .map((character) => {
      const point = character.codePointAt(0) ?? 0;
      if (point < 0xd800 || point > 0xdfff) return encodeURIComponent(character);
      return [0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

/** The operation's URL with path values put in and the query appended (objects and nulls are left out). */
export function urlOf(
  operation: Operation,
  pathValues: Record<string, unknown>,
  query: Record<string, unknown> = {},
): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodePathValue(String(pathValues[name] ?? '')),
  );
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Request headers of a brand-new session for `userId`, made by the real session code. A fresh session
 * per call keeps one call (a logout, a disabled account) from changing who makes the next one, and
 * costs no password hashing.
 */
export async function sessionHeaders(db: Db, userId: string) {
  const session = await startSession(db, userId);
  return { cookie: `rc_session=${session.token}`, 'x-csrf-token': session.csrfToken };
}
