/**
 * Where a benchmark's server keeps its data: a temporary DATA_DIR (the embedded engine's files), and
 * on PostgreSQL a database of its own on the server named by DATABASE_URL. Dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, type Engine, openDatabase } from '../../src/kernel/server/db.ts';
import { createServerDatabase } from '../../src/kernel/server/testing.ts';
import { type ServerProcess, spawnServer } from '../../src/server/test-support/spawn-server.ts';

export const admin = { email: 'admin@bench.example', password: 'correct horse battery staple' };

export interface Place {
  engine: Engine;
  env: Record<string, string>;
  /** The server process on this place (`serve`, as `npm start` runs it), healthy. */
  start(): Promise<ServerProcess>;
  /** The database directly (the embedded one only while no server holds it). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function newPlace(engine: Engine): Promise<Place> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rightscity-bench-'));
  const server = engine === 'postgresql' ? await createServerDatabase() : undefined;
  const env = {
    DATA_DIR: dataDir,
    RIGHTSCITY_ADMIN_EMAIL: admin.email,
    RIGHTSCITY_ADMIN_PASSWORD: admin.password,
    RIGHTSCITY_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    LOG_LEVEL: 'warn',
    // The load comes from one address: count it (the cost is part of the figure) but never refuse it.
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_BROWSER: '100000000',
    // Empty means unset (the configuration ignores empty values): the embedded place must not inherit
    // the DATABASE_URL that this process was given for the PostgreSQL runs.
    DATABASE_URL: server?.url ?? '',
  };
  return {
    engine,
    env,
    start: () => spawnServer(env, 120_000),
    open: () => openDatabase(server ? { databaseUrl: server.url } : { pgliteDir: join(dataDir, 'pglite') }),
    async drop() {
      await server?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
