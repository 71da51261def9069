import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { createTestApp, type TestApp } from '../testing.ts';
import { createUser, signIn } from './testing.ts';

/** A code for the next 30-second step: accepted (one step of drift) and never a replay of enrolment's. */
const nextCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

describe('two-step login (TOTP)', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ env: { REQUIRE_TOTP_ROLES: 'ombudsman' } });
  });
  after(() => test.close());

  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const login = (payload: object) => test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });

  async function enrol(headers: Record<string, string>, password: string): Promise<string> {
    const setup = await post('/api/v1/auth/totp/setup', headers, { password });
    assert.equal(setup.statusCode, 200, setup.body);
    const { secret, otpauthUrl } = setup.json();
    assert.match(otpauthUrl, /^otpauth:\/\/totp\/rightscity:/);
    assert.match(otpauthUrl, /issuer=rightscity/);
    assert.ok(otpauthUrl.includes(`secret=${secret}`));
    const enable = await post('/api/v1/auth/totp/enable', headers, { code: authenticator.generate(secret) });
    assert.equal(enable.statusCode, 204, enable.body);
    return secret;
  }

  it('enrols, then asks for a code at login and accepts each code once', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const session = await signIn(test.app, user);
    const secret = await enrol(session.headers, user.password);

    const stored = await sql<{ totp_secret: string; totp_enabled: boolean }>`
      select totp_secret, totp_enabled from accounts_users where id = ${user.id}`.execute(test.database.db);
    assert.equal(stored.rows[0]?.totp_enabled, true);
    assert.match(stored.rows[0]?.totp_secret ?? '', /^v1\./, 'encrypted at rest');
    assert.ok(!stored.rows[0]?.totp_secret.includes(secret));

    const me = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    assert.equal(me.json().user.totpEnabled, true);
    assert.ok(!me.body.includes(secret), 'the secret is never shown again');

    const withoutCode = await login({ email: user.email, password: user.password });
    assert.equal(withoutCode.statusCode, 401);
    assert.equal(withoutCode.json().code, 'totp_required');
    // No session: the only cookie a refused login may set is the rate limiter's browser id.
    assert.deepEqual(
      withoutCode.cookies.map((cookie) => cookie.name).filter((name) => name !== 'rc_client'),
      [],
    );

    const wrongCode = await login({ email: user.email, password: user.password, totp: '000000' });
    assert.equal(wrongCode.statusCode, 401);
    assert.equal(wrongCode.json().code, 'invalid_credentials');

    const wrongPassword = await login({
      email: user.email,
      password: 'wrong password',
      totp: nextCode(secret),
    });
    assert.equal(wrongPassword.json().code, 'invalid_credentials');

    const code = nextCode(secret);
    const signedIn = await signIn(test.app, { ...user, totp: code });
    assert.equal(signedIn.user.id, user.id);
    const replay = await login({ email: user.email, password: user.password, totp: code });
    assert.equal(replay.statusCode, 401, 'a code is accepted once');
    assert.equal(replay.json().code, 'invalid_credentials');
  });

  it('refuses a wrong code at enrolment, and a second set-up while enabled', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const session = await signIn(test.app, user);
    const notStarted = await post('/api/v1/auth/totp/enable', session.headers, { code: '123456' });
    assert.equal(notStarted.statusCode, 409);
    assert.equal(notStarted.json().code, 'totp_not_set_up');
    const setup = await post('/api/v1/auth/totp/setup', session.headers, { password: user.password });
    const { secret } = setup.json();
    const wrong = String((Number(authenticator.generate(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await post('/api/v1/auth/totp/enable', session.headers, { code: wrong });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].code, 'invalid_totp');
    assert.equal(
      (await post('/api/v1/auth/totp/enable', session.headers, { code: authenticator.generate(secret) }))
        .statusCode,
      204,
    );
    const again = await post('/api/v1/auth/totp/setup', session.headers, { password: user.password });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'totp_already_enabled');
  });

  it('turns TOTP off with the password, for a role that does not require it', async () => {
    const user = await createUser(test.database, { role: 'committee' });
    const session = await signIn(test.app, user);
    await enrol(session.headers, user.password);
    const wrong = await post('/api/v1/auth/totp/disable', session.headers, { password: 'not my password' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().errors[0].code, 'wrong_password');
    const done = await post('/api/v1/auth/totp/disable', session.headers, { password: user.password });
    assert.equal(done.statusCode, 204);
    assert.equal((await login({ email: user.email, password: user.password })).statusCode, 200);
  });

  it('holds an ombudsman without TOTP to enrolment, then requires the code', async () => {
    const user = await createUser(test.database, { role: 'ombudsman' });
    const first = await login({ email: user.email, password: user.password });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().totpEnrolmentRequired, true);
    const session = await signIn(test.app, user);

    const own = await test.app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: session.headers,
    });
    assert.equal(own.statusCode, 403);
    assert.equal(own.json().code, 'totp_enrolment_required');
    const password = await post('/api/v1/auth/password', session.headers, {
      currentPassword: user.password,
      newPassword: 'a-new-password-123',
    });
    assert.equal(password.statusCode, 403);
    assert.equal(password.json().code, 'totp_enrolment_required');
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().totpEnrolmentRequired, true);
    const health = await test.app.inject({ method: 'GET', url: '/api/v1/health', headers: session.headers });
    assert.equal(health.statusCode, 200, 'public routes stay public');

    const secret = await enrol(session.headers, user.password);
    const after = await test.app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: session.headers,
    });
    assert.equal(after.statusCode, 200, 'the enrolled session is a full one');

    const withoutCode = await login({ email: user.email, password: user.password });
    assert.equal(withoutCode.json().code, 'totp_required');
    const full = await login({ email: user.email, password: user.password, totp: nextCode(secret) });
    assert.equal(full.statusCode, 200);
    assert.equal(full.json().totpEnrolmentRequired, false);

    const disable = await post('/api/v1/auth/totp/disable', session.headers, { password: user.password });
    assert.equal(disable.statusCode, 403);
    assert.equal(disable.json().code, 'totp_required_for_role');
  });

  it('lets an ombudsman with a pending enrolment log out', async () => {
    const user = await createUser(test.database, { role: 'ombudsman' });
    const session = await signIn(test.app, user);
    assert.equal((await post('/api/v1/auth/logout', session.headers)).statusCode, 204);
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    assert.equal(me.statusCode, 401);
  });

  it('does not hold roles outside REQUIRE_TOTP_ROLES to enrolment', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const response = await login({ email: user.email, password: user.password });
    assert.equal(response.json().totpEnrolmentRequired, false);
  });
});
