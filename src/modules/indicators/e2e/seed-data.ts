/**
 * Setting the scene for the indicators' browser tests through the real API, as an officer would:
 * signing in (session cookie and CSRF token), calling the API, importing an indicator's data as Open
 * SDG CSV.
 */
import assert from 'node:assert/strict';
import type { Account } from '../../../kernel/web/e2e/harness.ts';

/** Three years of a total and a breakdown by sex, in two series, so the chart has lines to tell apart. */
export const sampleCsv = [
  'Year,Series,Sex,Value',
  '2019,Survey,,41.5',
  '2020,Survey,,44',
  '2021,Survey,,47.25',
  '2019,Survey,Female,39',
  '2020,Survey,Female,43',
  '2021,Survey,Female,46',
  '2019,Survey,Male,44',
  '2020,Survey,Male,45',
  '2021,Survey,Male,48.5',
  '2019,Administrative,,38',
  '2020,Administrative,,40',
  '2021,Administrative,,1234.5',
].join('\n');

/** Signs `account` in through the API and answers a caller of the API with its session. */
export async function apiSession(baseUrl: string, account: Account) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return async (method: string, path: string, body?: string | object) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        'content-type': typeof body === 'string' ? 'text/csv' : 'application/json',
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return response.json() as Promise<Record<string, never>>;
  };
}

export async function importAsOfficer(baseUrl: string, account: Account, code: string, csv: string) {
  const call = await apiSession(baseUrl, account);
  return (await call('POST', `/indicators/${code}/observations`, csv)) as unknown as { imported: number };
}
