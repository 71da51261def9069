import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing.ts';
import { createUser } from './testing.ts';

describe('login throttling', () => {
  let test: TestApp;
  before(async () => {
    test = await createTestApp({ env: { LOGIN_MAX_FAILURES: '5', LOGIN_WINDOW_MINUTES: '15' } });
  });
  after(() => test.close());

  const login = (
    payload: { email: string; password: string },
    remoteAddress: string,
    headers: Record<string, string> = {},
  ) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: payload.email, password: payload.password },
      remoteAddress,
      headers,
    });

  it('slows an attacker with 429 while the real user logs in from elsewhere', async () => {
    const victim = await createUser(test.database, { role: 'officer' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await login({ email: victim.email, password: `guess-${attempt}` }, '203.0.113.10');
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        const problem = response.json();
        assert.equal(problem.code, 'rate_limited');
        const retryAfter = Number(response.headers['retry-after']);
        assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
        assert.match(problem.title, new RegExp(`${retryAfter}`));
      }
    }
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.ok(
      statuses.slice(5).every((status) => status === 429),
      'every attempt after the fifth is slowed',
    );
    // Even the right password waits at the attacker's address…
    assert.equal((await login(victim, '203.0.113.10')).statusCode, 429);
    // …but the user, from their own address, is not locked out.
    const real = await login(victim, '198.51.100.7');
    assert.equal(real.statusCode, 200, real.body);
  });

  it('answers the same for an unknown email as for a real one', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const attempt = (email: string) => login({ email, password: 'wrong-password' }, '203.0.113.20');
    let known: Awaited<ReturnType<typeof attempt>> | undefined;
    let unknown: Awaited<ReturnType<typeof attempt>> | undefined;
    for (let i = 0; i < 6; i++) {
      known = await attempt(user.email);
      unknown = await attempt('no-such-user@example.org');
    }
    assert.ok(known && unknown);
    assert.equal(known.statusCode, 429);
    assert.equal(unknown.statusCode, 429);
    const strip = (body: string) => ({ ...JSON.parse(body), instance: undefined, title: undefined });
    assert.deepEqual(strip(known.body), strip(unknown.body));
  });

  it('stops spraying across emails from one address at ten times the limit', async () => {
    const address = '203.0.113.30';
    const statuses: number[] = [];
    for (let i = 0; i < 55; i++) {
      // Four tries per email: never the per-email limit, only the per-address one.
      const response = await login(
        { email: `spray-${Math.floor(i / 4)}@example.org`, password: 'Winter2024!' },
        address,
      );
      statuses.push(response.statusCode);
    }
    assert.ok(statuses.slice(0, 50).every((status) => status === 401));
    assert.ok(statuses.slice(50).every((status) => status === 429));
    const user = await createUser(test.database, { role: 'officer' });
    assert.equal((await login(user, '198.51.100.30')).statusCode, 200, 'other addresses are untouched');
  });

  it('clears the count of a pair after a successful login', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const address = '203.0.113.40';
    for (let i = 0; i < 4; i++) await login({ email: user.email, password: 'wrong-password' }, address);
    assert.equal((await login(user, address)).statusCode, 200);
    for (let i = 0; i < 4; i++) {
      assert.equal((await login({ email: user.email, password: 'wrong-password' }, address)).statusCode, 401);
    }
  });

  it('lifts the limit when the failures leave the window', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const address = '203.0.113.50';
    for (let i = 0; i < 5; i++) await login({ email: user.email, password: 'wrong-password' }, address);
    assert.equal((await login(user, address)).statusCode, 429);
    await sql`update accounts_login_failures set failed_at = now() - interval '16 minutes'
      where key like ${`%${address}%`}`.execute(test.database.db);
    assert.equal((await login(user, address)).statusCode, 200);
  });

  it('lets a browser that logged in before through, even from the attacked address', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const office = '203.0.113.60';
    const first = await login(user, office);
    const device = first.cookies.find((cookie) => cookie.name === 'rc_device');
    assert.ok(device, 'a device cookie is given at login');
    assert.equal(device.httpOnly, true);
    assert.equal(device.path, '/api/v1/auth/login');
    // A guesser behind the same office address exhausts the address's allowance for this email.
    for (let i = 0; i < 10; i++) await login({ email: user.email, password: 'wrong-password' }, office);
    assert.equal((await login(user, office)).statusCode, 429);
    const [nonce] = device.value.split('.');
    assert.equal((await login(user, office, { cookie: `rc_device=${nonce}.forged` })).statusCode, 429);
    const withDevice = await login(user, office, { cookie: `rc_device=${device.value}` });
    assert.equal(withDevice.statusCode, 200, withDevice.body);

    // The cookie speaks for this email only.
    const other = await createUser(test.database, { role: 'officer' });
    for (let i = 0; i < 5; i++) await login({ email: other.email, password: 'wrong-password' }, office);
    assert.equal((await login(other, office, { cookie: `rc_device=${device.value}` })).statusCode, 429);
  });

  it('throttles guessing through a device cookie as well', async () => {
    const user = await createUser(test.database, { role: 'officer' });
    const first = await login(user, '203.0.113.70');
    const device = first.cookies.find((cookie) => cookie.name === 'rc_device');
    assert.ok(device);
    const cookie = { cookie: `rc_device=${device.value}` };
    for (let i = 0; i < 5; i++) {
      assert.equal(
        (await login({ email: user.email, password: 'wrong' }, '203.0.113.71', cookie)).statusCode,
        401,
      );
    }
    assert.equal((await login(user, '203.0.113.71', cookie)).statusCode, 429);
  });
});
