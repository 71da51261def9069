/**
 * Opening the configured database for a process (the server or a CLI command): lock the embedded
 * data directory, open the engine, apply pending migrations.
 */
import { join } from 'node:path';
import type { Config } from './config.ts';
import { lockDataDir, secureDataDir } from './data-dir-lock.ts';
import { type Database, openDatabase } from './db.ts';
import { migrate } from './migrate.ts';
import type { ServerModule } from './module.ts';

export interface OpenedDatabase {
  database: Database;
  /** Migrations applied by this opening (`module/name`). */
  applied: string[];
  close(): Promise<void>;
}

export async function openConfiguredDatabase(
  config: Config,
  modules: readonly ServerModule[],
  purpose: string,
): Promise<OpenedDatabase> {
  secureDataDir(config.dataDir, { create: !config.DATABASE_URL });
  const release = config.DATABASE_URL ? () => {} : lockDataDir(config.dataDir, purpose);
  try {
    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: join(config.dataDir, 'pglite'),
      pgliteSharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB,
    });
    const applied = await migrate(database.db, modules);
    return {
      database,
      applied,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
