import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { verifyPassword } from '../../kernel/server/accounts/passwords.ts';
import { lockDataDir } from '../../kernel/server/data-dir-lock.ts';
import { openDatabase } from '../../kernel/server/db.ts';
import { createServerDatabase, testEngine } from '../../kernel/server/testing.ts';
import { runCli } from '../test-support/run-cli.ts';

describe('rightscity user add', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: { url: string; drop(): Promise<void> } | undefined;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rightscity-cli-user-'));
    server = testEngine === 'postgresql' ? await createServerDatabase() : undefined;
    env = { DATA_DIR: dataDir, ...(server ? { DATABASE_URL: server.url } : {}) };
  });
  after(async () => {
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an account with the password read from a pipe', async () => {
    const password = 'piped-password-123';
    const result = await runCli(
      ['user', 'add', '--email', 'Dept.Lee@Example.org', '--role', 'department', '--department', 'WELFARE'],
      env,
      { stdin: `${password}\n` },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Created department dept\.lee@example\.org/);
    assert.ok(!result.stdout.includes(password) && !result.stderr.includes(password));

    const database = await openDatabase(
      server ? { databaseUrl: server.url } : { pgliteDir: join(dataDir, 'pglite') },
    );
    try {
      const rows = await sql<{
        email: string;
        role: string;
        department_code: string;
        password_hash: string;
        display_name: string;
      }>`
        select email, role, department_code, password_hash, display_name from accounts_users`.execute(
        database.db,
      );
      assert.equal(rows.rows.length, 1);
      const [row] = rows.rows;
      assert.ok(row);
      assert.deepEqual(
        [row.email, row.role, row.department_code, row.display_name],
        ['dept.lee@example.org', 'department', 'WELFARE', 'Dept.Lee'],
      );
      assert.ok(await verifyPassword(row.password_hash, password));
      const audit = await sql<{
        action: string;
        actor_id: string | null;
      }>`select action, actor_id from audit_trail`.execute(database.db);
      assert.deepEqual(audit.rows, [{ action: 'accounts.create-user', actor_id: null }]);
    } finally {
      await database.close();
    }
  });

  it('refuses a password shorter than 12 characters', async () => {
    const result = await runCli(['user', 'add', '--email', 'short@example.org', '--role', 'officer'], env, {
      stdin: 'short\n',
    });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /at least 12 characters/);
  });

  it('refuses an email that is taken', async () => {
    const result = await runCli(
      ['user', 'add', '--email', 'dept.lee@example.org', '--role', 'officer'],
      env,
      { stdin: 'another-password-123\n' },
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /already in use/);
  });

  it('refuses while another process holds the data directory', async () => {
    const lockedDir = mkdtempSync(join(tmpdir(), 'rightscity-cli-locked-'));
    const release = lockDataDir(lockedDir, 'test holding the lock');
    try {
      const result = await runCli(
        ['user', 'add', '--email', 'locked@example.org', '--role', 'officer'],
        { DATA_DIR: lockedDir },
        { stdin: 'locked-password-123\n' },
      );
      assert.equal(result.code, 2);
      assert.match(result.stderr, /in use by another process/);
      assert.match(result.stderr, new RegExp(`pid ${process.pid}`));
    } finally {
      release();
      rmSync(lockedDir, { recursive: true, force: true });
    }
  });
});
