import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { modules } from '../../server/modules.ts';
import { MigrationError, migrate } from './migrate.ts';
import type { ServerModule } from './module.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

async function fixtureModule(name: string, files: Record<string, string>): Promise<ServerModule> {
  const dir = await mkdtemp(join(tmpdir(), `rightscity-migrations-${name}-`));
  for (const [file, body] of Object.entries(files)) await writeFile(join(dir, file), body);
  return { name, migrations: pathToFileURL(`${dir}/`) };
}

const tableExists = async (test: TestDatabase, table: string) => {
  const result = await sql<{ exists: boolean }>`select to_regclass(${table}) is not null as exists`.execute(
    test.database.db,
  );
  return result.rows[0]?.exists === true;
};

describe('migrations', () => {
  let test: TestDatabase;
  before(async () => {
    // From empty, not a copy of the test run's template: these tests are the migrations' own.
    test = await createTestDatabase(modules, { fromEmpty: true });
  });
  after(() => test.close());

  it('has applied every module migration, and a second run applies nothing', async () => {
    const applied = await sql<{ module: string }>`select module from kernel_migrations`.execute(
      test.database.db,
    );
    const expected = modules.filter((module) => module.migrations).map((module) => module.name);
    for (const name of expected)
      assert.ok(
        applied.rows.some((row) => row.module === name),
        name,
      );
    assert.deepEqual(await migrate(test.database.db, modules), []);
  });

  it('applies a new module in file-name order', async () => {
    const module = await fixtureModule('ordered', {
      '0002-second.sql': 'alter table ordered_things add column label text;',
      '0001-first.sql': 'create table ordered_things (id integer primary key);',
    });
    assert.deepEqual(await migrate(test.database.db, [module]), [
      'ordered/0001-first.sql',
      'ordered/0002-second.sql',
    ]);
    await sql`insert into ordered_things (id, label) values (1, 'a')`.execute(test.database.db);
  });

  it('rolls back every pending migration when one fails', async () => {
    const module = await fixtureModule('broken', {
      '0001-good.sql': 'create table broken_good (id integer primary key);',
      '0002-bad.sql': 'create table broken_bad (id integer primary key, oops not_a_type);',
    });
    await assert.rejects(migrate(test.database.db, [module]));
    assert.equal(await tableExists(test, 'broken_good'), false);
    const recorded = await sql`select 1 from kernel_migrations where module = 'broken'`.execute(
      test.database.db,
    );
    assert.equal(recorded.rows.length, 0);
  });

  it('refuses a migration that changed after it was applied', async () => {
    const original = await fixtureModule('edited', {
      '0001-init.sql': 'create table edited_a (id integer);',
    });
    await migrate(test.database.db, [original]);
    const edited = await fixtureModule('edited', { '0001-init.sql': 'create table edited_a (id bigint);' });
    await assert.rejects(migrate(test.database.db, [edited]), MigrationError);
  });
});
