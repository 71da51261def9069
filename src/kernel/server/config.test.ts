import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, readConfig } from './config.ts';
import { openDatabase } from './db.ts';

describe('configuration', () => {
  it('has sensible defaults: loopback, port 3000, ./data, the embedded engine, Gwangju', () => {
    const config = readConfig({});
    assert.equal(config.HOST, '127.0.0.1');
    assert.equal(config.PORT, 3000);
    assert.match(config.dataDir, /\/data$/);
    assert.equal(config.engine, 'pglite');
    assert.equal(config.RIGHTSCITY_CITY, 'gwangju');
  });

  it('requires a second factor of admins and ombudsman staff unless told otherwise', () => {
    assert.deepEqual(readConfig({}).REQUIRE_TOTP_ROLES, ['admin', 'ombudsman']);
    assert.deepEqual(readConfig({ REQUIRE_TOTP_ROLES: 'none' }).REQUIRE_TOTP_ROLES, []);
    assert.deepEqual(readConfig({ REQUIRE_TOTP_ROLES: ' officer , admin' }).REQUIRE_TOTP_ROLES, [
      'officer',
      'admin',
    ]);
  });

  it('refuses TRUST_PROXY=true with what to set instead, and takes a hop count or addresses', () => {
    assert.throws(
      () => readConfig({ TRUST_PROXY: 'true' }),
      (error: unknown) =>
        error instanceof ConfigError && /TRUST_PROXY: .*number of proxies.*addresses/.test(error.message),
    );
    assert.equal(readConfig({}).TRUST_PROXY, false);
    assert.equal(readConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY, false);
    assert.equal(readConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, 2);
    assert.deepEqual(readConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).TRUST_PROXY, [
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    assert.equal(readConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).engine, 'postgresql');
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://u@h/db'],
    ['RIGHTSCITY_ADMIN_PASSWORD', 'short'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['TRUST_PROXY', 'maybe'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '127.0.0.1,proxy.example'],
    ['REQUIRE_TOTP_ROLES', 'admin,ombudsmen'],
    ['LOG_LEVEL', 'loud'],
    ['PGLITE_SHARED_BUFFERS_MB', '0'],
    ['PGLITE_SHARED_BUFFERS_MB', '2048'],
  ] as const) {
    it(`stops on a bad ${name} and names it`, () => {
      assert.throws(
        () => readConfig({ [name]: value }),
        (error: unknown) => error instanceof ConfigError && error.message.includes(`${name}:`),
      );
    });
  }

  it("gives the embedded engine the buffer pool it is told, PostgreSQL's default otherwise", async () => {
    for (const [env, expected] of [
      [{}, '128MB'],
      [{ PGLITE_SHARED_BUFFERS_MB: '16' }, '16MB'],
    ] as const) {
      const database = await openDatabase({
        pgliteDir: 'memory://',
        pgliteSharedBuffersMb: readConfig(env).PGLITE_SHARED_BUFFERS_MB,
      });
      try {
        const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db);
        assert.equal(rows[0]?.shared_buffers, expected);
      } finally {
        await database.close();
      }
    }
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const variables = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((match) => match[1]);
    assert.ok(variables.length >= 10);
    for (const variable of variables) assert.match(example, new RegExp(`^#? ?${variable}=`, 'm'), variable);
  });
});
