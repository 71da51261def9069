// Public writes are counted per client address and per browser in the database: over the allowance a
// bilingual 429 with Retry-After, counts shared by two app servers on one database, keys hashed, and a
// window that ends. The counters are real rows on the engine under test.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { modules } from '../../../server/modules.ts';
import { buildApp } from '../app.ts';
import { createTestApp, type TestApp, testConfig } from '../testing.ts';
import { addressKey, browserCookie } from './limits.ts';
import { sweepExpired } from './store.ts';

const env = { RATE_LIMIT_PER_ADDRESS: '4', RATE_LIMIT_PER_BROWSER: '2', RATE_LIMIT_WINDOW_MINUTES: '60' };
const url = '/api/v1/ombudsman/complaints';

describe('rate limits on public writes', () => {
  let test: TestApp;
  let counter = 0;
  /** A fresh address for each test, so that tests do not share counters. */
  const nextAddress = () => `192.0.2.${++counter}`;
  const post = (app: TestApp['app'], remoteAddress: string, cookie?: string, language = 'en') =>
    app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { 'accept-language': language, ...(cookie ? { cookie: `${browserCookie}=${cookie}` } : {}) },
      payload: {},
    });

  before(async () => {
    test = await createTestApp({ env });
  });
  after(async () => {
    await test?.close();
  });

  it('refuses an address over its allowance with a bilingual 429 and Retry-After, before validating', async () => {
    const address = nextAddress();
    for (let attempt = 1; attempt <= 4; attempt++) {
      // Without a cookie only the address counts; the body is invalid, so each is a 400 until the limit.
      assert.equal((await post(test.app, address)).statusCode, 400, `attempt ${attempt}`);
    }
    const en = await post(test.app, address);
    assert.equal(en.statusCode, 429, en.body);
    assert.equal(en.json().code, 'rate_limited');
    assert.match(en.json().title, /Too many attempts\. Please try again in \d+ seconds/);
    const retry = Number(en.headers['retry-after']);
    assert.ok(retry > 3500 && retry <= 3600, `Retry-After ${retry}`);
    const ko = await post(test.app, address, undefined, 'ko');
    assert.equal(ko.statusCode, 429);
    assert.match(ko.json().title, /요청이 너무 많습니다/);
    // Another address is not affected.
    assert.equal((await post(test.app, nextAddress())).statusCode, 400);
  });

  it('counts a browser by its cookie, and sets one on its first public write', async () => {
    const first = await post(test.app, nextAddress());
    const setCookie = String(first.headers['set-cookie']);
    const value = setCookie.match(new RegExp(`${browserCookie}=([^;]+)`))?.[1];
    assert.ok(value, setCookie);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Strict/i);
    // The browser moves between addresses (mobile data, Wi-Fi): its own allowance follows it.
    assert.equal((await post(test.app, nextAddress(), value)).statusCode, 400);
    assert.equal((await post(test.app, nextAddress(), value)).statusCode, 400);
    assert.equal((await post(test.app, nextAddress(), value)).statusCode, 429);
  });

  it('shares counts between two app servers on one database, under hashed keys', async () => {
    const second = await buildApp({
      config: testConfig(env),
      database: test.database,
      modules,
      logger: false,
    });
    try {
      const address = nextAddress();
      assert.equal((await post(test.app, address)).statusCode, 400);
      assert.equal((await post(second, address)).statusCode, 400);
      assert.equal((await post(test.app, address)).statusCode, 400);
      assert.equal((await post(second, address)).statusCode, 400);
      assert.equal((await post(test.app, address)).statusCode, 429, 'the fifth, across both servers');
      assert.equal((await post(second, address)).statusCode, 429);
      const rows = await sql<{ key: string }>`select key from ratelimit_counters`.execute(test.database.db);
      assert.ok(rows.rows.length > 0);
      for (const row of rows.rows) {
        assert.match(row.key, /^[0-9a-f]{64}$/, 'a hash, not an address');
        assert.ok(!row.key.includes(address));
      }
    } finally {
      await second.close();
    }
  });

  it('starts a new window once the old one ends, and sweeps expired rows', async () => {
    const address = nextAddress();
    for (let attempt = 1; attempt <= 4; attempt++) await post(test.app, address);
    assert.equal((await post(test.app, address)).statusCode, 429);
    await sql`update ratelimit_counters set expires_at = now() - interval '1 second'`.execute(
      test.database.db,
    );
    assert.equal((await post(test.app, address)).statusCode, 400, 'a new window');
    await sweepExpired(test.database.db);
    const left = await sql<{ count: number }>`
      select count(*)::int as count from ratelimit_counters where expires_at <= now()`.execute(
      test.database.db,
    );
    assert.equal(left.rows[0]?.count, 0);
  });

  it('counts a public lookup that asks to be counted, and leaves other public reads alone', async () => {
    const address = nextAddress();
    const lookup = () =>
      test.app.inject({
        url: '/api/v1/ombudsman/complaints/status?receiptNumber=X&trackingCode=Y',
        remoteAddress: address,
      });
    for (let attempt = 1; attempt <= 4; attempt++) assert.notEqual((await lookup()).statusCode, 429);
    assert.equal((await lookup()).statusCode, 429);
    for (let attempt = 1; attempt <= 6; attempt++) {
      const read = await test.app.inject({ url: '/api/v1/health', remoteAddress: address });
      assert.equal(read.statusCode, 200);
    }
  });

  it('counts an IPv6 client by its /64', () => {
    assert.equal(addressKey('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8:1:2::9'), '2001:db8:1:2::/64');
    assert.equal(addressKey('::ffff:192.0.2.1'), '192.0.2.1');
    assert.equal(addressKey('192.0.2.1'), '192.0.2.1');
  });
});
