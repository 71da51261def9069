/**
 * Test support: a fresh database on the engine under test (PGlite in memory, or a new database on the
 * PostgreSQL server named by DATABASE_URL), migrated, and the real app on top. No part of our own code
 * is replaced by a stand-in.
 *
 * Migrating from empty costs every test file several seconds (on PGlite most of it is creating the
 * cluster), so the test runner (scripts/test.mjs) migrates once per run into a template (see
 * test-template.ts) and names it in RIGHTSCITY_TEST_TEMPLATE; each test database is then a copy of it:
 * `CREATE DATABASE … TEMPLATE` on PostgreSQL, the template's data directory loaded on PGlite. A copy is
 * byte for byte what the migrations made, sequences and seed rows included. Without the variable (a
 * test file run by `node --test` directly), each database is migrated from empty as before.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { modules as allModules } from '../../server/modules.ts';
import { buildApp } from './app.ts';
import { type Config, readConfig } from './config.ts';
import { type Database, openDatabase } from './db.ts';
import { migrate } from './migrate.ts';
import type { ServerModule } from './module.ts';

export const testEngine = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

export interface TestDatabase {
  database: Database;
  /** Connection string of the fresh PostgreSQL database, when testing on PostgreSQL. */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * Creates a database of its own on the server (tests in parallel must not share one): empty, or a
 * copy of `template`.
 */
export async function createServerDatabase(
  options: { template?: string; prefix?: string } = {},
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `${options.prefix ?? 'rightscity_test'}_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (options.template !== undefined && !/^[a-z0-9_]+$/.test(options.template)) {
    throw new Error(`Not a template database's name: ${options.template}`);
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      options.template === undefined
        ? `create database ${name}`
        : `create database ${name} template ${options.template}`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The run's template (`RIGHTSCITY_TEST_TEMPLATE`, `<engine>:<reference>`), if made for this engine. */
const template = (() => {
  const value = process.env.RIGHTSCITY_TEST_TEMPLATE;
  if (!value) return undefined;
  const colon = value.indexOf(':');
  return value.slice(0, colon) === testEngine ? value.slice(colon + 1) : undefined;
})();

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * The template holds every module's migrations, in their order; a test database for those modules
 * plus fixtures of its own (after them) is a copy on which only the fixtures' migrations then run.
 * Any other set (fewer modules, another order) is migrated from empty.
 */
function templateFits(modules: readonly ServerModule[]): boolean {
  return template !== undefined && allModules.every((module, index) => modules[index] === module);
}

/**
 * The module list as it was before `module`'s migration `before` (e.g. `0002-sources.sql`): that
 * module's migrations folder holds only the files that sort before it. A data migration's test builds
 * a database with it (`createTestDatabase(…, { fromEmpty: true })`), inserts rows the old way, then
 * runs `migrate` with the real modules, which applies the migration under test and those after it.
 */
export async function modulesBeforeMigration(
  moduleName: string,
  before: string,
  modules: readonly ServerModule[] = allModules,
): Promise<ServerModule[]> {
  return Promise.all(
    modules.map(async (module) => {
      if (module.name !== moduleName || !module.migrations) return module;
      const dir = await mkdtemp(join(tmpdir(), `rightscity-before-${moduleName}-`));
      const names = (await readdir(module.migrations)).filter(
        (name) => name.endsWith('.sql') && name < before,
      );
      for (const name of names) await copyFile(new URL(name, module.migrations), join(dir, name));
      return { ...module, migrations: pathToFileURL(`${dir}/`) };
    }),
  );
}

/**
 * A fresh, migrated database on the engine under test: a copy of the run's template when there is
 * one, unless `fromEmpty` asks for every migration to run here (the tests of the migrations).
 */
export async function createTestDatabase(
  modules: readonly ServerModule[] = allModules,
  options: { fromEmpty?: boolean } = {},
): Promise<TestDatabase> {
  const copy = !options.fromEmpty && templateFits(modules);
  if (testEngine === 'postgresql') {
    const server = await createServerDatabase(copy ? { template } : {});
    const database = await openDatabase({ databaseUrl: server.url });
    await migrate(database.db, modules);
    return {
      database,
      url: server.url,
      async close() {
        await database.close();
        await server.drop();
      },
    };
  }
  if (copy && template !== undefined)
    pgliteTemplate ??= readFile(template).then((bytes) => new Blob([bytes]));
  const database = await openDatabase({
    pgliteDir: 'memory://',
    ...(copy ? { pgliteLoadDataDir: await pgliteTemplate } : {}),
  });
  await migrate(database.db, modules);
  return { database, url: undefined, close: () => database.close() };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return readConfig({
    DATA_DIR: '/nonexistent-test-data-dir',
    LOG_LEVEL: 'silent',
    // Encrypted fields need a key; tests must never create a key file.
    RIGHTSCITY_SECRET: 'test-only-secret-0123456789abcdef0123456789',
    // Test instances follow each other on loopback; the SSRF tests turn this off again.
    NETWORK_ALLOW_PRIVATE: 'true',
    // Tests make many public writes from one address; the rate-limit tests set their own allowance.
    RATE_LIMIT_PER_ADDRESS: '100000',
    RATE_LIMIT_PER_BROWSER: '100000',
    // The test machine's disk is not the subject; the free-space test sets its own floor.
    UPLOAD_MIN_FREE_MB: '0',
    // Tests sign in as admins with a password alone; a test of the second factor asks for it.
    REQUIRE_TOTP_ROLES: 'none',
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a fresh database. Pass extra modules (test fixtures) to exercise the kernel. */
export async function createTestApp(
  options: { modules?: readonly ServerModule[]; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const modules = options.modules ?? allModules;
  const test = await createTestDatabase(modules);
  const config = testConfig(options.env);
  let app: FastifyInstance;
  try {
    app = await buildApp({ config, database: test.database, modules, logger: false });
    await app.ready();
  } catch (error) {
    await test.close();
    throw error;
  }
  return {
    app,
    database: test.database,
    config,
    async close() {
      await app.close();
      await test.close();
    },
  };
}
