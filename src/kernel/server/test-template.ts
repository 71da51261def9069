/**
 * The migrated template the test databases of one run are copied from (see testing.ts). The test
 * runner (scripts/test.mjs) runs this file before `node --test`:
 *
 *   node --import tsx src/kernel/server/test-template.ts <directory>
 *
 * It migrates every module from empty on the engine under test and prints RIGHTSCITY_TEST_TEMPLATE's
 * value: `postgresql:<database>` (a database of its own, name unique to the run so that parallel runs
 * on one server do not collide; the runner drops it at the end) or `pglite:<file>` (the data directory
 * as a tarball in <directory>, which the runner removes). Made anew on every run, so a changed or new
 * migration is always in it.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { modules } from '../../server/modules.ts';
import { openDatabase } from './db.ts';
import { migrate } from './migrate.ts';
import { createServerDatabase, testEngine } from './testing.ts';

export async function buildTestTemplate(directory: string): Promise<string> {
  if (testEngine === 'postgresql') {
    const server = await createServerDatabase({ prefix: 'rightscity_template' });
    try {
      const database = await openDatabase({ databaseUrl: server.url, poolSize: 1 });
      try {
        await migrate(database.db, modules);
      } finally {
        await database.close();
      }
      // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template; no one may.
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`alter database ${server.name} allow_connections false`);
      } finally {
        await admin.end();
      }
    } catch (error) {
      await server.drop();
      throw error;
    }
    return `postgresql:${server.name}`;
  }
  const database = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await migrate(database.db, modules);
    const dump = await database.dumpDataDir?.();
    if (!dump) throw new Error('PGlite gave no data directory');
    const file = join(directory, 'pglite-template.tar');
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
    return `pglite:${file}`;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const directory = process.argv[2];
  if (!directory) throw new Error('usage: test-template.ts <directory>');
  process.stdout.write(`${await buildTestTemplate(directory)}\n`);
}
