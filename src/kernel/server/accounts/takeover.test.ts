// Account takeover (issue #18 item 3): a stolen session cookie alone cannot change how the account
// signs in, every password or code check is throttled like login, an admin can reset a lost second
// factor, and sign-ins and changes of credentials reach the audit trail without what was typed.
// Also the password strength rule (item 4) and the client address behind a proxy (item 10).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { ConfigError } from '../config.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { ensureFirstAdmin } from './commands/ensure-first-admin.ts';
import { createUser, signIn } from './testing.ts';

const maxFailures = 5;

describe('account takeover', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ env: { LOGIN_MAX_FAILURES: String(maxFailures) } });
  });
  after(() => test.close());

  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    test.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const trail = async (entityId: string) =>
    (
      await sql<{
        action: string;
        actor_id: string | null;
        ip: string | null;
        before: unknown;
        after: unknown;
      }>`
        select action, actor_id, ip, before, after from audit_trail where entity_id = ${entityId} order by id`.execute(
        test.database.db,
      )
    ).rows;

  it('refuses to set up TOTP on a stolen session without the password, then throttles guessing it', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const stolen = await signIn(test.app, user);
    const bare = await post('/api/v1/auth/totp/setup', stolen.headers);
    assert.equal(bare.statusCode, 400, 'the password is required');
    const statuses: number[] = [];
    for (let i = 0; i < maxFailures + 3; i++) {
      const guess = await post('/api/v1/auth/totp/setup', stolen.headers, { password: `guess number ${i}` });
      statuses.push(guess.statusCode);
      if (guess.statusCode === 400) assert.equal(guess.json().errors[0].field, 'body.password');
    }
    assert.deepEqual(statuses, [...Array(maxFailures).fill(400), ...Array(3).fill(429)]);
    // Even the right password waits on that session now; the owner's own session does not.
    const right = await post('/api/v1/auth/totp/setup', stolen.headers, { password: user.password });
    assert.equal(right.statusCode, 429);
    const own = await signIn(test.app, user);
    const setup = await post('/api/v1/auth/totp/setup', own.headers, { password: user.password });
    assert.equal(setup.statusCode, 200, setup.body);
    const stored = await sql<{ totp_enabled: boolean }>`
      select totp_enabled from accounts_users where id = ${user.id}`.execute(test.database.db);
    assert.equal(stored.rows[0]?.totp_enabled, false);
    const failed = (await trail(user.id)).filter((row) => row.action === 'accounts.check-failed');
    assert.equal(failed.length, maxFailures);
    assert.deepEqual(failed[0]?.after, { checked: 'password' });
  });

  it('throttles password guessing on POST /auth/password (20 guesses: 5 answered, 15 refused)', async () => {
    const user = await createUser(test.database, { role: 'committee' });
    const session = await signIn(test.app, user);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await post('/api/v1/auth/password', session.headers, {
        currentPassword: `wrong guess ${i}`,
        newPassword: 'lantern harbour marigold',
      });
      statuses.push(response.statusCode);
    }
    assert.deepEqual(statuses, [...Array(maxFailures).fill(400), ...Array(20 - maxFailures).fill(429)]);
    const refused = await post('/api/v1/auth/password', session.headers, {
      currentPassword: user.password,
      newPassword: 'lantern harbour marigold',
    });
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
  });

  it('throttles TOTP code guessing at enrolment', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const session = await signIn(test.app, user);
    const { secret } = (
      await post('/api/v1/auth/totp/setup', session.headers, { password: user.password })
    ).json();
    const wrong = String((Number(authenticator.generate(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    const statuses: number[] = [];
    for (let i = 0; i < maxFailures + 1; i++) {
      statuses.push((await post('/api/v1/auth/totp/enable', session.headers, { code: wrong })).statusCode);
    }
    assert.deepEqual(statuses, [...Array(maxFailures).fill(400), 429]);
    const right = await post('/api/v1/auth/totp/enable', session.headers, {
      code: authenticator.generate(secret),
    });
    assert.equal(right.statusCode, 429, 'the right code waits too');
    const failed = (await trail(user.id)).filter((row) => row.action === 'accounts.check-failed');
    assert.deepEqual(failed[0]?.after, { checked: 'totp' });
  });

  it('lets an admin reset a lost second factor, with their own password, audited', async () => {
    const admin = await createUser(test.database, { role: 'admin' });
    const adminSession = await signIn(test.app, admin);
    const user = await createUser(test.database, { role: 'ombudsman' });
    const userSession = await signIn(test.app, user);
    const { secret } = (
      await post('/api/v1/auth/totp/setup', userSession.headers, { password: user.password })
    ).json();
    await post('/api/v1/auth/totp/enable', userSession.headers, { code: authenticator.generate(secret) });
    const read = await test.app.inject({
      method: 'GET',
      url: `/api/v1/users/${user.id}`,
      headers: adminSession.headers,
    });
    const { version } = read.json().user;

    const reset = (payload: object, headers = adminSession.headers) =>
      post(`/api/v1/users/${user.id}/totp/reset`, headers, payload);
    const wrong = await reset({ password: 'not the admin password', version });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().errors[0].field, 'body.password');
    const stale = await reset({ password: admin.password, version: version + 5 });
    assert.equal(stale.statusCode, 409);
    const own = await post(`/api/v1/users/${admin.id}/totp/reset`, adminSession.headers, {
      password: admin.password,
      version: 1,
    });
    assert.equal(own.statusCode, 403);
    assert.equal(own.json().code, 'totp_reset_own');
    const forbidden = await reset({ password: user.password, version }, userSession.headers);
    assert.equal(forbidden.statusCode, 403, 'not for other roles');

    const done = await reset({ password: admin.password, version });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().user.totpEnabled, false);
    assert.equal(done.json().user.version, version + 1);
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: userSession.headers });
    assert.equal(me.statusCode, 401, "the user's sessions ended");
    // They sign in with the password alone again (and enrol anew if their role requires it).
    await signIn(test.app, user);
    const resetRow = (await trail(user.id)).find((row) => row.action === 'accounts.reset-totp');
    assert.equal(resetRow?.actor_id, admin.id);
    assert.deepEqual(resetRow?.before, { totpEnabled: true });
    assert.deepEqual(resetRow?.after, { totpEnabled: false });
  });

  it('audits logins, refused logins, logouts and credential changes, never what was typed', async () => {
    const user = await createUser(test.database, { role: 'committee' });
    const refused = await post(
      '/api/v1/auth/login',
      {},
      { email: user.email, password: 'typed wrong password' },
    );
    assert.equal(refused.statusCode, 401);
    await post('/api/v1/auth/login', {}, { email: 'nobody@nowhere.example', password: 'typed for nobody' });
    const session = await signIn(test.app, user);
    const newPassword = 'copper kettle meadow lark';
    assert.equal(
      (await post('/api/v1/auth/password', session.headers, { currentPassword: user.password, newPassword }))
        .statusCode,
      204,
    );
    const { secret } = (
      await post('/api/v1/auth/totp/setup', session.headers, { password: newPassword })
    ).json();
    const code = authenticator.generate(secret);
    await post('/api/v1/auth/totp/enable', session.headers, { code });
    await post('/api/v1/auth/totp/disable', session.headers, { password: newPassword });
    await post('/api/v1/auth/logout', session.headers);

    const rows = await trail(user.id);
    assert.deepEqual(
      rows.map((row) => row.action),
      [
        'accounts.create-user',
        'accounts.login-failed',
        'accounts.login',
        'accounts.change-password',
        'accounts.set-up-totp',
        'accounts.enable-totp',
        'accounts.disable-totp',
        'accounts.logout',
      ],
    );
    assert.deepEqual(rows[1]?.after, { reason: 'password' });
    assert.ok(rows[1]?.ip, 'a refused sign-in keeps the address it came from');
    assert.equal(rows[2]?.actor_id, user.id);
    const unknown = await sql<{ after: unknown }>`
      select after from audit_trail where action = 'accounts.login-failed' and entity_id = '-'`.execute(
      test.database.db,
    );
    assert.equal(unknown.rows.length, 1, 'a refused login for an unknown email is audited too');
    const everything = JSON.stringify((await sql`select * from audit_trail`.execute(test.database.db)).rows);
    for (const typed of [
      'typed wrong password',
      'typed for nobody',
      'nobody@nowhere.example',
      user.password,
      newPassword,
      code,
      secret,
    ]) {
      assert.ok(!everything.includes(typed), `the audit trail never holds ${typed}`);
    }
  });

  it("refuses a weak new password with a reason in both languages, the user's own name included", async () => {
    const admin = await createUser(test.database, { role: 'admin' });
    const { headers } = await signIn(test.app, admin);
    const create = (password: string, email = `someone-${Date.now()}@city.example`) =>
      post(
        '/api/v1/users',
        { ...headers, 'accept-language': 'en' },
        { email, displayName: 'Dana Kim', role: 'officer', password },
      );
    const common = await create('password1234');
    assert.equal(common.statusCode, 400);
    assert.equal(common.json().errors[0].field, 'body.password');
    assert.equal(common.json().errors[0].code, 'weak_password');
    assert.match(common.json().errors[0].message, /commonly used password/);
    const korean = await post(
      '/api/v1/users',
      { ...headers, 'accept-language': 'ko' },
      { email: 'k@city.example', displayName: 'K', role: 'officer', password: 'password1234' },
    );
    assert.match(korean.json().errors[0].message, /추측하기 쉬운 비밀번호/);
    // Strong for anyone else, weak for the one whose email it spells.
    assert.equal((await create('quixoticzebrafish', 'other.person@city.example')).statusCode, 201);
    const own = await create('quixoticzebrafish', 'quixotic.zebrafish@city.example');
    assert.equal(own.statusCode, 400);
    assert.match(own.json().errors[0].message, /your name or email/);

    const user = await createUser(test.database, { role: 'officer', email: 'marigold.lantern@city.example' });
    const session = await signIn(test.app, user);
    const change = await post('/api/v1/auth/password', session.headers, {
      currentPassword: user.password,
      newPassword: 'marigoldlantern',
    });
    assert.equal(change.statusCode, 400);
    assert.equal(change.json().errors[0].field, 'body.newPassword');
    assert.equal(change.json().errors[0].code, 'weak_password');
  });
});

describe('second factor by default for admins and ombudsman staff', () => {
  it('holds the first admin to enrolment at first sign-in, and lets them enrol', async () => {
    const test = await createTestApp({ env: { REQUIRE_TOTP_ROLES: 'admin,ombudsman' } });
    try {
      // A weak configured password stops the start, naming the variable and why.
      await assert.rejects(
        ensureFirstAdmin(test.database.db, {
          RIGHTSCITY_ADMIN_EMAIL: 'first@city.example',
          RIGHTSCITY_ADMIN_PASSWORD: 'password1234',
        }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /RIGHTSCITY_ADMIN_PASSWORD: .*commonly used password/.test(error.message),
      );
      const created = await ensureFirstAdmin(test.database.db, {
        RIGHTSCITY_ADMIN_EMAIL: 'first@city.example',
        RIGHTSCITY_ADMIN_PASSWORD: undefined,
      });
      const password = created?.generatedPassword ?? '';
      const login = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'first@city.example', password },
      });
      assert.equal(login.statusCode, 200);
      assert.equal(login.json().totpEnrolmentRequired, true);
      const session = await signIn(test.app, { email: 'first@city.example', password });
      const users = await test.app.inject({ method: 'GET', url: '/api/v1/users', headers: session.headers });
      assert.equal(users.statusCode, 403);
      const setup = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/setup',
        headers: session.headers,
        payload: { password },
      });
      assert.equal(setup.statusCode, 200);
      const enable = await test.app.inject({
        method: 'POST',
        url: '/api/v1/auth/totp/enable',
        headers: session.headers,
        payload: { code: authenticator.generate(setup.json().secret) },
      });
      assert.equal(enable.statusCode, 204);
      const after = await test.app.inject({ method: 'GET', url: '/api/v1/users', headers: session.headers });
      assert.equal(after.statusCode, 200);
    } finally {
      await test.close();
    }
  });
});

describe('client addresses behind a proxy', () => {
  for (const trust of ['1', '127.0.0.1']) {
    it(`believes only the trusted hop with TRUST_PROXY=${trust}, not what the client sent`, async () => {
      const test = await createTestApp({ env: { TRUST_PROXY: trust } });
      try {
        const user = await createUser(test.database, { role: 'officer' });
        // nginx's $proxy_add_x_forwarded_for appends the address it saw to what the client sent.
        const response = await test.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: user.password },
          headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
          remoteAddress: '127.0.0.1',
        });
        assert.equal(response.statusCode, 200);
        const rows = await sql<{ ip: string }>`
          select ip from audit_trail where action = 'accounts.login' and entity_id = ${user.id}`.execute(
          test.database.db,
        );
        assert.equal(rows.rows[0]?.ip, '203.0.113.7');
      } finally {
        await test.close();
      }
    });
  }
});
