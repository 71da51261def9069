import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing.ts';
import { createUser, signIn } from './testing.ts';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('login, sessions and CSRF', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12' } });
  });
  after(() => test.close());

  const login = (payload: object, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers });
  const me = (headers: Record<string, string>) =>
    test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  interface Cookie {
    name: string;
    value: string;
    httpOnly?: boolean;
    sameSite?: string;
    path?: string;
    secure?: boolean;
  }
  const sessionCookieOf = (response: { cookies: Cookie[] }) =>
    response.cookies.find((cookie) => cookie.name === 'rc_session');

  it('logs in with email and password, case-insensitively, and sets a safe session cookie', async () => {
    const user = await createUser(test.database, { role: 'officer', email: 'Officer.Kim@Example.org' });
    assert.equal(user.email, 'officer.kim@example.org');
    const response = await login({ email: 'OFFICER.kim@example.org', password: user.password });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(body.user, {
      id: user.id,
      email: 'officer.kim@example.org',
      displayName: 'Test officer',
      role: 'officer',
      departmentCode: null,
      totpEnabled: false,
    });
    assert.equal(body.totpEnrolmentRequired, false);
    assert.match(body.csrfToken, /^[\w-]{40,}$/);
    const cookie = sessionCookieOf(response);
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.notEqual(cookie.secure, true, 'plain http: not Secure');
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('marks the cookie Secure and names it __Host- behind a TLS-terminating proxy that it trusts', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const user = await createUser(proxied.database, { role: 'officer' });
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(response.statusCode, 200);
      assert.equal(sessionCookieOf(response), undefined, 'no plain rc_session over TLS');
      const cookie = response.cookies.find((each: Cookie) => each.name === '__Host-rc_session');
      assert.equal(cookie?.secure, true);
      assert.equal(cookie?.path, '/');
      assert.equal((cookie as { domain?: string } | undefined)?.domain, undefined);
      const overTls = { 'x-forwarded-proto': 'https' };
      const me = (cookie: string) =>
        proxied.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { ...overTls, cookie } });
      assert.equal((await me(`__Host-rc_session=${cookie?.value}`)).statusCode, 200);
      // Over TLS only the __Host- name is read: a plain rc_session (plantable by a subdomain or a
      // plain-http page) opens nothing.
      assert.equal((await me(`rc_session=${cookie?.value}`)).statusCode, 401);
    } finally {
      await proxied.close();
    }
  });

  it('keeps only the SHA-256 of the session token, and answers /auth/me with the same CSRF token', async () => {
    const user = await createUser(test.database, { role: 'committee' });
    const session = await signIn(test.app, user);
    const token = session.headers.cookie.replace('rc_session=', '');
    const rows = await sql<{
      id: string;
    }>`select id from accounts_sessions where user_id = ${user.id}`.execute(test.database.db);
    assert.deepEqual(
      rows.rows.map((row) => row.id),
      [sha256(token)],
    );
    const response = await me({ cookie: session.headers.cookie });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().csrfToken, session.headers['x-csrf-token']);
    assert.equal(response.json().user.id, user.id);
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('answers /auth/me without a session with 401 unauthenticated', async () => {
    const response = await me({});
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, 'unauthenticated');
  });

  it('issues a new session at every login and never reuses the presented one', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const first = await signIn(test.app, user);
    const again = await login(
      { email: user.email, password: user.password },
      { cookie: first.headers.cookie },
    );
    assert.equal(again.statusCode, 200);
    const second = sessionCookieOf(again);
    assert.ok(second);
    assert.notEqual(`rc_session=${second.value}`, first.headers.cookie);
    assert.notEqual(again.json().csrfToken, first.headers['x-csrf-token']);
    assert.equal((await me({ cookie: first.headers.cookie })).statusCode, 401, 'the presented session ended');
    assert.equal((await me({ cookie: `rc_session=${second.value}` })).statusCode, 200);

    // A token someone planted in the browser is not adopted either.
    const planted = await login(
      { email: user.email, password: user.password },
      { cookie: 'rc_session=planted' },
    );
    assert.notEqual(sessionCookieOf(planted)?.value, 'planted');
  });

  it('logs out: the session row is deleted and the cookie cleared', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const session = await signIn(test.app, user);
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: session.headers,
    });
    assert.equal(response.statusCode, 204);
    assert.equal(sessionCookieOf(response)?.value, '');
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from accounts_sessions where user_id = ${user.id}`.execute(test.database.db);
    assert.equal(left.rows[0]?.n, 0);
    assert.equal((await me(session.headers)).statusCode, 401);
  });

  it('refuses unsafe requests without the CSRF token, or with a wrong one', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const session = await signIn(test.app, user);
    const logout = (headers: Record<string, string>) =>
      test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });

    const missing = await logout({ cookie: session.headers.cookie });
    assert.equal(missing.statusCode, 403);
    assert.equal(missing.json().code, 'csrf_failed');
    const wrong = await logout({
      cookie: session.headers.cookie,
      'x-csrf-token': `${session.headers['x-csrf-token']}x`,
    });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().code, 'csrf_failed');
    const other = await signIn(test.app, await createUser(test.database, { role: 'officer' }));
    const foreign = await logout({
      cookie: session.headers.cookie,
      'x-csrf-token': other.headers['x-csrf-token'],
    });
    assert.equal(foreign.statusCode, 403, "another session's token does not do");
    assert.equal((await me(session.headers)).statusCode, 200, 'the refused requests changed nothing');

    assert.equal((await logout(session.headers)).statusCode, 204);
  });

  it('does not ask for a CSRF token on safe methods', async () => {
    const session = await signIn(test.app, await createUser(test.database, { role: 'officer' }));
    assert.equal((await me({ cookie: session.headers.cookie })).statusCode, 200);
  });

  it('refuses wrong passwords and unknown emails with the same answer', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const wrongPassword = await login({ email: user.email, password: 'not the password' });
    const unknownEmail = await login({ email: 'nobody-here@example.org', password: 'not the password' });
    const disabledUser = await createUser(test.database, { role: 'officer' });
    await sql`update accounts_users set disabled_at = now() where id = ${disabledUser.id}`.execute(
      test.database.db,
    );
    const disabled = await login({ email: disabledUser.email, password: disabledUser.password });
    for (const response of [wrongPassword, unknownEmail, disabled]) {
      assert.equal(response.statusCode, 401);
      assert.equal(response.json().code, 'invalid_credentials');
      assert.equal(sessionCookieOf(response), undefined);
    }
    const strip = (body: string) => ({ ...JSON.parse(body), instance: undefined });
    assert.deepEqual(strip(unknownEmail.body), strip(wrongPassword.body));
    assert.deepEqual(strip(disabled.body), strip(wrongPassword.body));
    assert.deepEqual(
      Object.keys(unknownEmail.headers).sort(),
      Object.keys(wrongPassword.headers).sort(),
      'same headers',
    );
  });

  it('ends a session that was idle longer than SESSION_IDLE_MINUTES, and clears its cookie', async () => {
    const session = await signIn(test.app, await createUser(test.database, { role: 'officer' }));
    const id = sha256(session.headers.cookie.replace('rc_session=', ''));
    await sql`update accounts_sessions set last_seen_at = now() - interval '29 minutes' where id = ${id}`.execute(
      test.database.db,
    );
    assert.equal((await me(session.headers)).statusCode, 200, 'not yet idle for 30 minutes');
    await sql`update accounts_sessions set last_seen_at = now() - interval '31 minutes' where id = ${id}`.execute(
      test.database.db,
    );
    const expired = await me(session.headers);
    assert.equal(expired.statusCode, 401);
    assert.equal(sessionCookieOf(expired)?.value, '', 'cookie cleared');
    const rows = await sql`select 1 from accounts_sessions where id = ${id}`.execute(test.database.db);
    assert.equal(rows.rows.length, 0, 'expired session deleted');
  });

  it('ends a session older than SESSION_MAX_HOURS however active it was', async () => {
    const session = await signIn(test.app, await createUser(test.database, { role: 'officer' }));
    const id = sha256(session.headers.cookie.replace('rc_session=', ''));
    await sql`update accounts_sessions set created_at = now() - interval '11 hours 59 minutes' where id = ${id}`.execute(
      test.database.db,
    );
    assert.equal((await me(session.headers)).statusCode, 200);
    await sql`update accounts_sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now()
      where id = ${id}`.execute(test.database.db);
    assert.equal((await me(session.headers)).statusCode, 401);
  });

  it('honours the configured limits (a shorter idle timeout)', async () => {
    const strict = await createTestApp({ env: { SESSION_IDLE_MINUTES: '5' } });
    try {
      const session = await signIn(strict.app, await createUser(strict.database, { role: 'officer' }));
      const id = sha256(session.headers.cookie.replace('rc_session=', ''));
      await sql`update accounts_sessions set last_seen_at = now() - interval '6 minutes' where id = ${id}`.execute(
        strict.database.db,
      );
      const response = await strict.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: session.headers,
      });
      assert.equal(response.statusCode, 401);
    } finally {
      await strict.close();
    }
  });

  it('refreshes last_seen_at at most once a minute', async () => {
    const session = await signIn(test.app, await createUser(test.database, { role: 'officer' }));
    const id = sha256(session.headers.cookie.replace('rc_session=', ''));
    const lastSeenAge = async () =>
      (
        await sql<{ age: number }>`select extract(epoch from now() - last_seen_at)::float8 as age
          from accounts_sessions where id = ${id}`.execute(test.database.db)
      ).rows[0]?.age ?? Number.NaN;
    await sql`update accounts_sessions set last_seen_at = now() - interval '30 seconds' where id = ${id}`.execute(
      test.database.db,
    );
    await me(session.headers);
    assert.ok((await lastSeenAge()) >= 29, 'not written within the minute');
    await sql`update accounts_sessions set last_seen_at = now() - interval '90 seconds' where id = ${id}`.execute(
      test.database.db,
    );
    await me(session.headers);
    assert.ok((await lastSeenAge()) < 5, 'written after a minute');
  });

  it('ends the sessions of a user who is disabled', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const session = await signIn(test.app, user);
    await sql`update accounts_users set disabled_at = now() where id = ${user.id}`.execute(test.database.db);
    assert.equal((await me(session.headers)).statusCode, 401);
  });

  it('sends no-store on authenticated answers only', async () => {
    const session = await signIn(test.app, await createUser(test.database, { role: 'officer' }));
    const signedIn = await test.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: session.headers,
    });
    assert.equal(signedIn.headers['cache-control'], 'no-store');
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.notEqual(anonymous.headers['cache-control'], 'no-store');
  });
});
