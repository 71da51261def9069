/**
 * Login abuse, black-box against a server process over HTTP: an attacker who tries 100 wrong passwords
 * for a user is slowed (429 with Retry-After after LOGIN_MAX_FAILURES), while the real user still logs
 * in, from the same address with the device cookie of an earlier login, or from another address; and
 * a known and an unknown email address get the same answer (status, body, headers, and time). A
 * stolen session cookie cannot put the thief's authenticator on the account without the password, nor
 * guess the password through the change-password form faster than through the login.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServerDatabase, testEngine } from '../kernel/server/testing.ts';
import { type ServerProcess, spawnServer } from '../server/test-support/spawn-server.ts';
import { type HttpResponse, logIn, send } from './http.ts';

const admin = { email: 'admin@reliability.example', password: 'correct horse battery staple' };
const user = { email: 'victim@reliability.example', password: 'the real users own password' };
const maxFailures = 5;

describe('login abuse', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  let server: ServerProcess;
  let device: string | undefined;

  const attempt = (email: string, password: string, from: string, cookie?: string) =>
    send(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      body: { email, password },
      from,
      ...(cookie ? { headers: { cookie } } : {}),
    });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rightscity-login-abuse-'));
    database = testEngine === 'postgresql' ? await createServerDatabase() : undefined;
    server = await spawnServer({
      DATA_DIR: dataDir,
      RIGHTSCITY_ADMIN_EMAIL: admin.email,
      RIGHTSCITY_ADMIN_PASSWORD: admin.password,
      LOGIN_MAX_FAILURES: String(maxFailures),
      ...(database ? { DATABASE_URL: database.url } : {}),
    });
    const session = await logIn(server.url, admin, { from: '127.0.0.9' });
    const created = await send(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: session.headers,
      body: { ...user, displayName: 'Victim', role: 'officer' },
    });
    assert.equal(created.status, 201, created.body);
    // The real user has logged in from this browser before: it holds a device cookie.
    device = (await logIn(server.url, user, { from: '127.0.0.1' })).device;
    assert.ok(device, 'a successful login hands out a device cookie');
  });
  after(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('slows an attacker down after a few wrong passwords, and the real user still logs in', async () => {
    const statuses: number[] = [];
    let lastRefusal: HttpResponse | undefined;
    for (let i = 0; i < 100; i++) {
      const response = await attempt(user.email, `wrong password ${i}`, '127.0.0.1');
      statuses.push(response.status);
      if (response.status === 429) lastRefusal = response;
    }
    assert.deepEqual(statuses.slice(0, maxFailures), Array(maxFailures).fill(401));
    assert.deepEqual(statuses.slice(maxFailures), Array(100 - maxFailures).fill(429));
    assert.ok(Number(lastRefusal?.headers['retry-after']) > 0, 'a 429 says how long to wait');
    // Even the right password waits now, from the attacker's address without the device cookie.
    assert.equal((await attempt(user.email, user.password, '127.0.0.1')).status, 429);

    // The real user: same address (an office behind one NAT) with the browser's device cookie…
    assert.equal((await attempt(user.email, user.password, '127.0.0.1', device)).status, 200);
    // …or from another address altogether.
    assert.equal((await attempt(user.email, user.password, '127.0.0.2')).status, 200);
  });

  it('answers a known and an unknown email address alike', async () => {
    const unknown = 'nobody-here@reliability.example';
    const shape = (response: HttpResponse) => ({
      status: response.status,
      // The wait in seconds may tick between two answers.
      body: response.body.replace(/\d+/g, 'N'),
      headers: Object.keys(response.headers)
        .filter((name) => name !== 'date' && name !== 'content-length' && name !== 'set-cookie')
        .sort(),
      cookies: Object.keys(response.cookies).sort(),
    });
    // Below the limit: a plain refusal.
    for (let i = 0; i < maxFailures; i++) {
      for (const email of [user.email, unknown]) {
        const response = await attempt(email, 'not the password', '127.0.0.3');
        assert.deepEqual(shape(response), shape(await attempt(unknown, 'not the password', `127.0.1.${i}`)));
      }
    }
    // Past the limit: the same 429 for both.
    const known429 = await attempt(user.email, 'not the password', '127.0.0.3');
    const unknown429 = await attempt(unknown, 'not the password', '127.0.0.3');
    assert.equal(known429.status, 429);
    assert.deepEqual(shape(known429), shape(unknown429));

    // And the same time: an unknown email still costs a password hash. Interleaved, each from an
    // address of its own (no throttling), many times: what else runs on the machine hits both alike.
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 15; i++) {
      for (const [name, email] of [
        ['known', user.email],
        ['unknown', unknown],
      ] as const) {
        const started = performance.now();
        const response = await attempt(
          email,
          'not the password',
          `127.0.2.${2 * i + (name === 'known' ? 0 : 1)}`,
        );
        times[name].push(performance.now() - started);
        assert.equal(response.status, 401);
      }
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const ratio = median(times.unknown) / median(times.known);
    assert.ok(
      ratio > 0.5 && ratio < 2,
      `known ${median(times.known)} ms, unknown ${median(times.unknown)} ms`,
    );
  });

  it('refuses a stolen session enrolling a second factor without the password, and throttles guessing it', async () => {
    const stolen = await logIn(server.url, user, { from: '127.0.0.7' });
    const post = (path: string, headers: Record<string, string>, body?: object) =>
      send(`${server.url}/api/v1${path}`, {
        method: 'POST',
        headers,
        from: '127.0.0.7',
        ...(body ? { body } : {}),
      });
    // No password, a guessed one, or a code for a secret never handed out: nothing is enrolled.
    assert.equal((await post('/auth/totp/setup', stolen.headers, {})).status, 400);
    const guessed = await post('/auth/totp/setup', stolen.headers, { password: 'a guess at the password' });
    assert.equal(guessed.status, 400);
    assert.equal(guessed.json<{ errors: { field: string }[] }>().errors[0]?.field, 'body.password');
    assert.equal((await post('/auth/totp/enable', stolen.headers, { code: '123456' })).status, 409);
    const me = await send(`${server.url}/api/v1/auth/me`, { headers: stolen.headers, from: '127.0.0.7' });
    assert.equal(me.json<{ user: { totpEnabled: boolean } }>().user.totpEnabled, false);

    // Guessing the password through the change-password form: a few answers, then 429s.
    const thief = await logIn(server.url, user, { from: '127.0.0.8' });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await post('/auth/password', thief.headers, {
        currentPassword: `guess ${i}`,
        newPassword: 'velvet orchard compass drift',
      });
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [...Array(maxFailures).fill(400), ...Array(20 - maxFailures).fill(429)]);
    const right = await post('/auth/password', thief.headers, {
      currentPassword: user.password,
      newPassword: 'velvet orchard compass drift',
    });
    assert.equal(right.status, 429, 'even the right password waits on the guessing session');

    // The owner, in a session of their own, is not locked out by the thief's guessing.
    const owner = await logIn(server.url, user, { from: '127.0.0.9' });
    const changed = await post('/auth/password', owner.headers, {
      currentPassword: user.password,
      newPassword: 'velvet orchard compass drift',
    });
    assert.equal(changed.status, 204, changed.body);
  });
});
