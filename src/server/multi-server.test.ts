import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServerDatabase } from '../kernel/server/testing.ts';
import { type ServerProcess, spawnServer } from './test-support/spawn-server.ts';

// Past one machine: several stateless app servers on one PostgreSQL. Sessions and rate-limit state
// live in the database, so either server can answer any request.
describe('two app servers on one PostgreSQL', {
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, () => {
  const admin = { email: 'admin@example.org', password: 'correct horse battery staple' };
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  let servers: ServerProcess[] = [];

  before(async () => {
    database = await createServerDatabase();
    const env = {
      DATABASE_URL: database.url,
      RIGHTSCITY_ADMIN_EMAIL: admin.email,
      RIGHTSCITY_ADMIN_PASSWORD: admin.password,
    };
    // Started together, as behind a load balancer: first-start work (migrations, dataset, the first
    // admin) must happen once.
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  });

  it('accepts on one server a session opened on the other', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const login = await fetch(`${first.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    assert.equal(login.status, 200, await login.clone().text());
    const session = login.headers.getSetCookie().find((header) => header.startsWith('rc_session='));
    const cookie = session?.split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const me = await fetch(`${second.url}/api/v1/auth/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { email: string } }).user.email, admin.email);

    // A write on the first server is read on the second.
    const created = await fetch(`${first.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        email: 'officer@example.org',
        displayName: 'Officer',
        role: 'officer',
        password: 'another long password',
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const users = await fetch(`${second.url}/api/v1/users`, { headers: { cookie } });
    const body = (await users.json()) as { users: { email: string }[] };
    assert.ok(body.users.some((user) => user.email === 'officer@example.org'));

    // Logging out on the second ends the session on the first.
    const logout = await fetch(`${second.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    assert.equal(logout.status, 204);
    assert.equal((await fetch(`${first.url}/api/v1/auth/me`, { headers: { cookie } })).status, 401);
  });
});
