/**
 * Calls to the API from a server test, through Fastify's inject (no socket): one request shape for every
 * test, and the two checks most tests make of an answer (it succeeded with a status, or it was refused
 * with a status and a problem code), so each test file does not write its own.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** A signed-in session's headers, as `signIn` from accounts/testing.ts gives them. */
export type SessionHeaders = Record<string, string>;

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `app` is read at each call, so the client can be made before `createTestApp` has run in `before`. */
export function apiClient(app: () => FastifyInstance) {
  const call = (method: ApiMethod, url: string, headers?: SessionHeaders, payload?: unknown) =>
    app().inject({
      method,
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  /** The answer's JSON, after checking its status (200 unless said). */
  const ok = async (response: LightMyRequestResponse | Promise<LightMyRequestResponse>, status = 200) => {
    const answer = await response;
    assert.equal(answer.statusCode, status, answer.body);
    return answer.json();
  };
  /** Checks that the answer is a problem with this status and code. */
  const refused = async (
    response: LightMyRequestResponse | Promise<LightMyRequestResponse>,
    status: number,
    code: string,
  ) => {
    const answer = await response;
    assert.equal(answer.statusCode, status, answer.body);
    assert.equal(answer.json().code, code);
  };
  return { call, ok, refused };
}
