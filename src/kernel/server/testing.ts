/**
 * Test support: a fresh database on the engine under test (PGlite in memory, or a new database on the
 * PostgreSQL server named by DATABASE_URL), migrated, and the real app on top. No part of our own code
 * is replaced by a stand-in.
 */
import { randomBytes } from 'node:crypto';
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

/** Creates an empty database of its own on the server (tests in parallel must not share one). */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `rightscity_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A fresh, migrated database on the engine under test. */
export async function createTestDatabase(
  modules: readonly ServerModule[] = allModules,
): Promise<TestDatabase> {
  if (testEngine === 'postgresql') {
    const server = await createServerDatabase();
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
  const database = await openDatabase({ pgliteDir: 'memory://' });
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
