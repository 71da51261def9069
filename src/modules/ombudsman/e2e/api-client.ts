/**
 * Setting the scene for a browser test through the real API, as a signed-in user would (session
 * cookie and CSRF token): appointing the standing ombudsman, filing complaints, taking steps of the
 * workflow that the test is not about. What the test is about happens in the browser.
 */
import assert from 'node:assert/strict';
import type { Account, Harness } from '../../../kernel/web/e2e/harness.ts';

export interface ApiClient {
  userId: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

async function send<T>(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function signInApi(baseUrl: string, account: Account): Promise<ApiClient> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // The login fields only: an account also carries its id.
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const session = (await response.json()) as { csrfToken: string; user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const headers = { cookie, 'x-csrf-token': session.csrfToken };
  return {
    userId: session.user.id,
    call: (method, path, body) => send(baseUrl, method, path, headers, body),
  };
}

export function publicApi(baseUrl: string) {
  return <T>(method: string, path: string, body?: unknown) => send<T>(baseUrl, method, path, {}, body);
}

/**
 * Appoints `ombudsman` the standing ombudsman as the office does: an admin proposes, and since no
 * standing ombudsman is in office yet, a second admin confirms (a pending appointment grants nothing).
 */
export async function appointStanding(harness: Harness, ombudsman: ApiClient): Promise<void> {
  const office = await signInApi(harness.baseUrl, await harness.createAccount('admin', '김관리'));
  const proposed = await office.call<{ version: number }>('PUT', `/ombudsman/members/${ombudsman.userId}`, {
    standing: true,
    appointedOn: '2026-01-01',
  });
  const second = await signInApi(harness.baseUrl, await harness.createAccount('admin', '오확인'));
  await second.call('POST', `/ombudsman/members/${ombudsman.userId}/confirm`, { version: proposed.version });
}
