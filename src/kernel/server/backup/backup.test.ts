import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { modules as allModules } from '../../../server/modules.ts';
import { runCli } from '../../../server/test-support/run-cli.ts';
import { recordConfidentialRead } from '../audit/access-log.ts';
import { verifyAuditTrail } from '../audit/verify.ts';
import { runCommand } from '../command.ts';
import { readConfig } from '../config.ts';
import { type Db, openDatabase } from '../db.ts';
import type { ServerModule } from '../module.ts';
import { openConfiguredDatabase } from '../runtime.ts';
import { createServerDatabase, createTestDatabase, type TestDatabase, testEngine } from '../testing.ts';
import { writeBackup } from './backup.ts';
import { BackupError } from './format.ts';
import { restoreBackup } from './restore.ts';

/** A fixture module with a column of every type, a cycle of foreign keys, sequences and a trigger. */
const backupProbe: ServerModule = {
  name: 'backupprobe',
  migrations: new URL('./test-fixture/', import.meta.url),
};
const modules = [...allModules, backupProbe];

/**
 * Every table's row count and a checksum of its rows as PostgreSQL prints them, and every sequence's
 * state: found through the catalogue, independently of the code under test.
 */
async function fingerprint(db: Db) {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ rows: number; md5: string | null }>`
      select count(*) as rows, md5(string_agg(t::text, ',' order by t::text)) as md5
      from ${sql.table(name)} t`.execute(db);
    result[name] = `${row.rows[0]?.rows} rows, ${row.rows[0]?.md5}`;
  }
  const sequences = await sql<{ name: string; last_value: string | null }>`
    select sequencename as name, last_value::text from pg_sequences where schemaname = 'public'
    order by sequencename`.execute(db);
  for (const sequence of sequences.rows) result[`sequence ${sequence.name}`] = String(sequence.last_value);
  return result;
}

const everyByte = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
const awkwardText = '광주 인권도시 😀 "double" \'single\' back\\slash\nnew line\ttab, comma; {braces} 𝕏';

async function fillWithAwkwardRows(db: Db): Promise<void> {
  await runCommand(db, { userId: 'user-1', ip: '192.0.2.1' }, async ({ trx, audit }) => {
    await sql`
      insert into backupprobe_values (label, payload, document, raw_json, happened_at, day, amount, price,
        ratio, tags, counts, flag, reference, duration)
      values (
        ${awkwardText}, ${everyByte},
        ${'{"nested": [[1, 2], [], [{"가": "나", "quote": "\\"", "emoji": "😀"}]], "big": 123456789012345678901234567890.123456789, "tiny": 1e-30, "nothing": null}'}::jsonb,
        ${'{"b": 1,   "a" : [2, "한"], "b": 3}'}::json,
        '2024-02-29 23:59:59.123456+09', '2024-02-29',
        '-12345678901234567890.123456789012345678901234567890', '9999999999.99',
        0.1, ${'{"a,b","c\\"d",NULL,"","한글 {괄호}","line\nbreak"}'}::text[], '{1,-2,NULL,2147483647}',
        true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 year 2 mons 3 days 04:05:06.789')`.execute(trx);
    await sql`
      insert into backupprobe_values (label, payload, document, tags, counts, ratio, amount, happened_at)
      values ('empty things', '\\x'::bytea, '[]', '{}', '{}', -1.5e300, '0', '1970-01-01 00:00:00+00')`.execute(
      trx,
    );
    await sql`insert into backupprobe_values (label, ratio) values ('nulls almost everywhere', 5e-324)`.execute(
      trx,
    );
    // A cycle: each row points at the other, so no order of inserts satisfies the foreign key.
    await sql`update backupprobe_values set partner_id = 2 where id = 1`.execute(trx);
    await sql`update backupprobe_values set partner_id = 1 where id = 2`.execute(trx);
    await sql`
      insert into backupprobe_notes (value_id, note)
      select 1 + g % 3, 'note ' || g || ' 메모' from generate_series(1, 1234) g`.execute(trx);
    await sql`delete from backupprobe_notes where id in (5, 1234)`.execute(trx);
    await sql`select nextval('backupprobe_case_number') from generate_series(1, 3)`.execute(trx);
    for (const id of ['1', '2', '3']) {
      await audit({
        action: 'backupprobe.create-value',
        entityType: 'backupprobe_values',
        entityId: id,
        after: { label: awkwardText, at: new Date('2024-02-29T14:59:59.123Z'), list: [null, [], { 가: 1 }] },
      });
    }
    await recordConfidentialRead(trx, {
      actorId: 'user-1',
      ip: '192.0.2.1',
      entityType: 'backupprobe_values',
      entityId: '1',
      reason: '검토',
    });
  });
  // A failed command uses up an identity value: the restored sequence must keep the gap.
  await assert.rejects(
    runCommand(db, { userId: 'user-1' }, async ({ audit }) => {
      await audit({ action: 'backupprobe.fail', entityType: 'backupprobe_values', entityId: '9' });
      throw new Error('halfway');
    }),
  );
}

/** Rewrites a backup's decompressed lines (tests of damaged and foreign files). */
async function rewriteBackup(from: string, to: string, change: (lines: string[]) => string[]): Promise<void> {
  const lines = gunzipSync(await readFile(from))
    .toString('utf8')
    .split('\n');
  await writeFile(to, gzipSync(change(lines).join('\n')));
}

describe('backup and restore', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let directory: string;
  let file: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rightscity-backup-'));
    file = join(directory, 'city.backup');
    source = await createTestDatabase(modules);
    target = await createTestDatabase(modules);
    await fillWithAwkwardRows(source.database.db);
  });
  after(async () => {
    await Promise.all([source.close(), target.close()]);
    await rm(directory, { recursive: true, force: true });
  });

  it('backup/restore round trip restores every row', async () => {
    const progress = new Map<string, [number, number]>();
    const header = await writeBackup(source.database, file, {
      onProgress: (table, done, total) => progress.set(table, [done, total]),
    });
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(directory), ['city.backup'], 'no temporary file is left behind');
    assert.equal(header.engine, testEngine);
    assert.ok(header.migrations.some((migration) => migration.module === 'backupprobe'));
    const values = header.tables.find((table) => table.name === 'backupprobe_values');
    assert.equal(values?.rows, 3);
    assert.ok(
      !values?.columns.some((column) => column.name === 'label_length'),
      'generated columns are computed again, not stored',
    );
    assert.deepEqual(progress.get('backupprobe_notes'), [1232, 1232]);

    await restoreBackup(target.database, file, { modules });

    const expected = await fingerprint(source.database.db);
    assert.ok(Object.keys(expected).length >= 8);
    assert.deepEqual(await fingerprint(target.database.db), expected);
    const verified = await verifyAuditTrail(target.database.db);
    assert.deepEqual(verified, await verifyAuditTrail(source.database.db));
    assert.equal(verified.ok && verified.rows, 3);

    // New rows continue where the backed-up database left off, not from the start.
    const inserted = await sql<{ id: number }>`
      insert into backupprobe_values (label) values ('after the restore') returning id`.execute(
      target.database.db,
    );
    assert.equal(Number(inserted.rows[0]?.id), 4);
    const audited = await runCommand(target.database.db, { userId: 'user-2' }, async ({ audit, trx }) => {
      await audit({ action: 'backupprobe.after', entityType: 'backupprobe_values', entityId: '4' });
      return sql<{ id: number }>`select max(id) as id from audit_trail`.execute(trx);
    });
    assert.equal(Number(audited.rows[0]?.id), 5, 'the id used up by the failed command stays used');
    assert.equal((await verifyAuditTrail(target.database.db)).ok, true);
  });

  it('refuses to restore into a database that holds data, unless forced', async () => {
    const before = await fingerprint(target.database.db);
    await assert.rejects(restoreBackup(target.database, file, { modules }), (error: Error) => {
      assert.ok(error instanceof BackupError);
      assert.match(error.message, /not empty/);
      return true;
    });
    assert.deepEqual(await fingerprint(target.database.db), before);
  });

  it('fails on a truncated file and leaves the target as it was', async () => {
    const before = await fingerprint(target.database.db);
    const whole = await readFile(file);
    for (const [name, length] of [
      ['cut', Math.floor(whole.length * 0.6)],
      ['trailer', whole.length - 4],
    ] as const) {
      const truncated = join(directory, `${name}.backup`);
      await writeFile(truncated, whole.subarray(0, length));
      await assert.rejects(
        restoreBackup(target.database, truncated, { modules, force: true }),
        (error: Error) => {
          assert.ok(error instanceof BackupError, String(error));
          assert.match(error.message, /damaged or incomplete/);
          return true;
        },
      );
    }
    assert.deepEqual(await fingerprint(target.database.db), before);
  });

  it('fails on an altered row and leaves the target as it was', async () => {
    const before = await fingerprint(target.database.db);
    const altered = join(directory, 'altered.backup');
    await rewriteBackup(file, altered, (lines) =>
      lines.map((line) => line.replace('"note 7 메모"', '"note 8 메모"')),
    );
    await assert.rejects(restoreBackup(target.database, altered, { modules, force: true }), /checksum/);
    assert.deepEqual(await fingerprint(target.database.db), before);
  });

  it('refuses a backup from a newer version, and one from an older version', async () => {
    const newer = join(directory, 'newer.backup');
    await rewriteBackup(file, newer, ([first = '', ...rest]) => {
      const header = JSON.parse(first);
      header.migrations.push({ module: 'future', name: '0001-future.sql', checksum: 'f'.repeat(64) });
      return [JSON.stringify(header), ...rest];
    });
    await assert.rejects(
      restoreBackup(target.database, newer, { modules, force: true }),
      /newer version.*future\/0001-future\.sql/,
    );
    await assert.rejects(
      restoreBackup(target.database, file, { modules: allModules, force: true }),
      /newer version.*backupprobe/,
    );
    const older = join(directory, 'older.backup');
    await rewriteBackup(file, older, ([first = '', ...rest]) => {
      const header = JSON.parse(first);
      header.migrations = header.migrations.filter(
        (migration: { module: string }) => migration.module !== 'backupprobe',
      );
      return [JSON.stringify(header), ...rest];
    });
    await assert.rejects(
      restoreBackup(target.database, older, { modules, force: true }),
      /older version.*backupprobe/,
    );
  });

  it('refuses a file that is not a backup', async () => {
    const other = join(directory, 'other.gz');
    await writeFile(other, gzipSync('name,value\n광주,1\n'));
    await assert.rejects(
      restoreBackup(target.database, other, { modules, force: true }),
      /not a rightscity backup/,
    );
    const plain = join(directory, 'plain.txt');
    await writeFile(plain, 'not compressed');
    await assert.rejects(
      restoreBackup(target.database, plain, { modules, force: true }),
      /damaged or incomplete/,
    );
  });
});

describe('backup and restore from the command line', () => {
  it('backs up an embedded database, restores it elsewhere, and the audit trail verifies there', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'rightscity-cli-'));
    const server = testEngine === 'postgresql' ? await createServerDatabase() : undefined;
    try {
      const sourceEnv = { DATA_DIR: join(directory, 'source') };
      const source = await openConfiguredDatabase(readConfig(sourceEnv), allModules, 'test');
      for (const id of ['a', 'b', 'c']) {
        await runCommand(source.database.db, { userId: 'user-1', ip: null }, ({ audit }) =>
          audit({ action: 'probe.write', entityType: 'probe', entityId: id, after: { text: `광주 ${id}` } }),
        );
      }
      await source.close();
      const file = join(directory, 'city.backup');

      const backedUp = await runCli(['backup', file], sourceEnv);
      assert.equal(backedUp.code, 0, backedUp.output);
      assert.match(backedUp.output, /audit_trail: 3 rows/);
      assert.match(backedUp.output, /Backup written to .*city\.backup/);

      // On PostgreSQL runs, the same embedded backup goes into a PostgreSQL database: one format for both.
      const targetEnv: Record<string, string> = server
        ? { DATABASE_URL: server.url, DATA_DIR: join(directory, 'unused') }
        : { DATA_DIR: join(directory, 'target') };
      const restored = await runCli(['restore', file], targetEnv);
      assert.equal(restored.code, 0, restored.output);
      assert.match(restored.output, /Restored \d+ rows/);

      const verified = await runCli(['audit', 'verify'], targetEnv);
      assert.equal(verified.code, 0, verified.output);
      assert.match(verified.output, /^Audit trail OK \(3 rows\)$/m);

      const again = await runCli(['restore', file], targetEnv);
      assert.equal(again.code, 1, again.output);
      assert.match(again.output, /not empty.*--force/);

      const target = server
        ? await openDatabase({ databaseUrl: server.url })
        : await openConfiguredDatabase(readConfig(targetEnv), allModules, 'test');
      const targetDb = 'db' in target ? target.db : target.database.db;
      const second = await sql<{
        id: number;
      }>`select id from audit_trail order by id offset 1 limit 1`.execute(targetDb);
      await targetDb.transaction().execute(async (trx) => {
        await sql`alter table audit_trail disable trigger audit_trail_append_only`.execute(trx);
        await sql`update audit_trail set after = '{"text": "forged"}' where id = ${second.rows[0]?.id}`.execute(
          trx,
        );
        await sql`alter table audit_trail enable trigger audit_trail_append_only`.execute(trx);
      });
      await target.close();
      const broken = await runCli(['audit', 'verify'], targetEnv);
      assert.equal(broken.code, 1, broken.output);
      assert.match(
        broken.output,
        new RegExp(`^Audit trail BROKEN at row ${second.rows[0]?.id}: hash mismatch`, 'm'),
      );
    } finally {
      await server?.drop();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
