import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import { type Role, roles } from '../../shared/roles.ts';
import { createTestApp, type TestApp, testConfig } from '../testing.ts';
import { ensureFirstAdmin } from './commands/ensure-first-admin.ts';
import { createUser, signIn } from './testing.ts';

type Headers = Record<string, string>;

describe('user administration', () => {
  let test: TestApp;
  let admin: { id: string; email: string; password: string };
  let adminHeaders: Headers;
  /** Every body the API sent in this file, to check that none carries a secret. */
  const bodies: string[] = [];

  before(async () => {
    test = await createTestApp();
    admin = await createUser(test.database, { role: 'admin' });
    adminHeaders = (await signIn(test.app, admin)).headers;
  });
  after(() => test.close());

  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) {
    const response = await test.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    bodies.push(response.body);
    return response;
  }

  const newUser = (overrides: object = {}) => ({
    email: `new-${randomUUID()}@example.org`,
    displayName: '김인권',
    role: 'officer',
    password: 'a-good-long-password',
    ...overrides,
  });

  const adminOnly = [
    { method: 'GET', url: () => '/api/v1/users' },
    { method: 'POST', url: () => '/api/v1/users', payload: () => newUser() },
    {
      method: 'PATCH',
      url: () => `/api/v1/users/${admin.id}`,
      payload: () => ({ displayName: 'x', version: 1 }),
    },
  ] as const;

  for (const role of roles.filter((role): role is Exclude<Role, 'admin'> => role !== 'admin')) {
    it(`refuses every admin-only users route to the ${role} role with 403`, async () => {
      const { headers } = await signIn(
        test.app,
        await createUser(test.database, {
          role,
          ...(role === 'department' ? { departmentCode: 'HR-01' } : {}),
        }),
      );
      for (const route of adminOnly) {
        const payload = 'payload' in route ? route.payload() : undefined;
        const response = await call(route.method, route.url(), headers, payload);
        assert.equal(response.statusCode, 403, `${role} ${route.method} ${route.url()}`);
        assert.equal(response.json().code, 'forbidden');
      }
      const other = await call('GET', `/api/v1/users/${admin.id}`, headers);
      assert.equal(other.statusCode, 403, 'nor may they read someone else');
    });
  }

  it('answers anonymous callers with 401', async () => {
    for (const route of [...adminOnly, { method: 'GET', url: () => `/api/v1/users/${admin.id}` } as const]) {
      const payload = 'payload' in route ? route.payload() : undefined;
      const response = await call(route.method, route.url(), {}, payload);
      assert.equal(response.statusCode, 401, `${route.method} ${route.url()}`);
      assert.equal(response.json().code, 'unauthenticated');
    }
  });

  it('lets a user read themself', async () => {
    const user = await createUser(test.database, { role: 'organisation' });
    const { headers } = await signIn(test.app, user);
    const response = await call('GET', `/api/v1/users/${user.id}`, headers);
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().user.email, user.email);
  });

  it('creates a user, who can then log in; a duplicate email (any case) is a 409', async () => {
    const input = newUser({ role: 'department', departmentCode: 'WELFARE-01' });
    const created = await call('POST', '/api/v1/users', adminHeaders, input);
    assert.equal(created.statusCode, 201, created.body);
    const { user } = created.json();
    assert.equal(user.role, 'department');
    assert.equal(user.departmentCode, 'WELFARE-01');
    assert.equal(user.version, 1);
    assert.equal(user.disabled, false);
    await signIn(test.app, { email: input.email, password: input.password });

    const duplicate = await call('POST', '/api/v1/users', adminHeaders, {
      ...input,
      email: input.email.toUpperCase(),
    });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().code, 'email_taken');

    const listed = await call('GET', '/api/v1/users', adminHeaders);
    assert.ok(listed.json().users.some((listedUser: { id: string }) => listedUser.id === user.id));
  });

  it('refuses a short password, a bad role, and a department role without a department', async () => {
    const short = await call('POST', '/api/v1/users', adminHeaders, newUser({ password: 'too-short' }));
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().errors[0].field, 'body.password');
    const badRole = await call('POST', '/api/v1/users', adminHeaders, newUser({ role: 'superuser' }));
    assert.equal(badRole.statusCode, 400);
    assert.equal(badRole.json().errors[0].field, 'body.role');
    const noDepartment = await call('POST', '/api/v1/users', adminHeaders, newUser({ role: 'department' }));
    assert.equal(noDepartment.statusCode, 400);
    assert.equal(noDepartment.json().errors[0].code, 'department_required');
  });

  it('changes a role with optimistic concurrency, and the new role applies at once', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const { headers } = await signIn(test.app, user);
    assert.equal((await call('GET', '/api/v1/users', headers)).statusCode, 403);

    const promoted = await call('PATCH', `/api/v1/users/${user.id}`, adminHeaders, {
      role: 'admin',
      version: 1,
    });
    assert.equal(promoted.statusCode, 200, promoted.body);
    assert.equal(promoted.json().user.role, 'admin');
    assert.equal(promoted.json().user.version, 2);
    assert.equal((await call('GET', '/api/v1/users', headers)).statusCode, 200, 'same session, new role');

    const stale = await call('PATCH', `/api/v1/users/${user.id}`, adminHeaders, {
      displayName: 'Stale',
      version: 1,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');

    const missing = await call('PATCH', `/api/v1/users/${randomUUID()}`, adminHeaders, {
      role: 'admin',
      version: 1,
    });
    assert.equal(missing.statusCode, 404);
  });

  it('disables a user, which ends their sessions', async () => {
    const user = await createUser(test.database, { role: 'committee' });
    const { headers } = await signIn(test.app, user);
    const disabled = await call('PATCH', `/api/v1/users/${user.id}`, adminHeaders, {
      disabled: true,
      version: 1,
    });
    assert.equal(disabled.statusCode, 200);
    assert.equal(disabled.json().user.disabled, true);
    assert.equal((await call('GET', '/api/v1/auth/me', headers)).statusCode, 401);
    const login = await call(
      'POST',
      '/api/v1/auth/login',
      {},
      { email: user.email, password: user.password },
    );
    assert.equal(login.json().code, 'invalid_credentials');
  });

  it('never removes the last active admin', async () => {
    const solo = await createTestApp();
    try {
      const only = await createUser(solo.database, { role: 'admin' });
      const { headers } = await signIn(solo.app, only);
      const patch = (payload: object) =>
        solo.app.inject({ method: 'PATCH', url: `/api/v1/users/${only.id}`, headers, payload });
      const demoted = await patch({ role: 'officer', version: 1 });
      assert.equal(demoted.statusCode, 409);
      assert.equal(demoted.json().code, 'last_admin');
      assert.equal((await patch({ disabled: true, version: 1 })).json().code, 'last_admin');
      assert.equal((await patch({ displayName: 'Still admin', version: 1 })).statusCode, 200);
    } finally {
      await solo.close();
    }
  });

  it('changes one’s own password, ending one’s other sessions', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const current = await signIn(test.app, user);
    const elsewhere = await signIn(test.app, user);
    const wrong = await call('POST', '/api/v1/auth/password', current.headers, {
      currentPassword: 'not-the-password',
      newPassword: 'another-long-password',
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().errors[0].code, 'wrong_password');
    const changed = await call('POST', '/api/v1/auth/password', current.headers, {
      currentPassword: user.password,
      newPassword: 'another-long-password',
    });
    assert.equal(changed.statusCode, 204);
    assert.equal((await call('GET', '/api/v1/auth/me', current.headers)).statusCode, 200);
    assert.equal((await call('GET', '/api/v1/auth/me', elsewhere.headers)).statusCode, 401);
    await signIn(test.app, { email: user.email, password: 'another-long-password' });
    const old = await call('POST', '/api/v1/auth/login', {}, { email: user.email, password: user.password });
    assert.equal(old.statusCode, 401);
  });

  it('writes audit rows for creation and role change, with neither hashes nor secrets anywhere', async () => {
    const created = await call('POST', '/api/v1/users', adminHeaders, newUser());
    const { user } = created.json();
    await call('PATCH', `/api/v1/users/${user.id}`, adminHeaders, { role: 'committee', version: 1 });
    const trail = await sql<{ actor_id: string | null; action: string; before: unknown; after: unknown }>`
      select actor_id, action, before, after from audit_trail where entity_id = ${user.id} order by id`.execute(
      test.database.db,
    );
    assert.deepEqual(
      trail.rows.map((row) => [row.action, row.actor_id]),
      [
        ['accounts.create-user', admin.id],
        ['accounts.update-user', admin.id],
      ],
    );
    assert.deepEqual(trail.rows[1]?.before, { role: 'officer' });
    assert.deepEqual(trail.rows[1]?.after, { role: 'committee' });

    // Give some account a second factor, so that there is a secret to leak.
    const enrolling = await createUser(test.database, { role: 'officer' });
    const { headers } = await signIn(test.app, enrolling);
    const setup = await call('POST', '/api/v1/auth/totp/setup', headers, { password: enrolling.password });
    const { secret } = setup.json();
    bodies.pop(); // The set-up answer is the one place the secret is shown, once, to its owner.
    await call('POST', '/api/v1/auth/totp/enable', headers, { code: authenticator.generate(secret) });
    await call('GET', '/api/v1/users', adminHeaders);

    const stored = await sql<{ password_hash: string; totp_secret: string | null }>`
      select password_hash, totp_secret from accounts_users`.execute(test.database.db);
    const secrets = stored.rows.flatMap((row) => [row.password_hash, row.totp_secret ?? '']).filter(Boolean);
    secrets.push(secret);
    const everyAuditRow = JSON.stringify(
      (await sql`select * from audit_trail`.execute(test.database.db)).rows,
    );
    for (const text of [...bodies, everyAuditRow]) {
      assert.doesNotMatch(text, /argon2|password_?hash|passwordHash|totp_?secret|totpSecret/i);
      for (const value of secrets) assert.ok(!text.includes(value), 'a stored secret leaked');
    }
  });
});

describe('the first admin', () => {
  it('is created once, from the configuration or with a generated password', async () => {
    const test = await createTestApp();
    try {
      const config = testConfig({ RIGHTSCITY_ADMIN_EMAIL: 'Root@Example.org' });
      const created = await ensureFirstAdmin(test.database.db, config);
      assert.ok(created?.generatedPassword && created.generatedPassword.length >= 20);
      assert.equal(created.email, 'root@example.org');
      assert.equal(await ensureFirstAdmin(test.database.db, config), null, 'idempotent');
      const session = await signIn(test.app, {
        email: 'root@example.org',
        password: created.generatedPassword,
      });
      assert.equal(session.user.role, 'admin');
      const count = await sql<{ n: number }>`select count(*)::int as n from accounts_users`.execute(
        test.database.db,
      );
      assert.equal(count.rows[0]?.n, 1);
    } finally {
      await test.close();
    }
  });

  it('takes the password from RIGHTSCITY_ADMIN_PASSWORD when set', async () => {
    const test = await createTestApp();
    try {
      const config = testConfig({
        RIGHTSCITY_ADMIN_EMAIL: 'chief@example.org',
        RIGHTSCITY_ADMIN_PASSWORD: 'configured-password-1',
      });
      const created = await ensureFirstAdmin(test.database.db, config);
      assert.equal(created?.generatedPassword, null);
      await signIn(test.app, { email: 'chief@example.org', password: 'configured-password-1' });
    } finally {
      await test.close();
    }
  });
});
