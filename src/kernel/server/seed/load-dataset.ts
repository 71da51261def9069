/**
 * Loading a city's dataset (`datasets/<city>/`) into the database: at first start, and by
 * `rightscity seed [--reset] [--demo]`. The whole load is one transaction: a file that cannot be read
 * as it should leaves the database exactly as it was. The loader knows no module: on a reset it empties
 * every module's `seedTables`, then calls every module's `seed` in module order, and records the run
 * with the sha256 of each file the modules read.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { runCommand } from '../command.ts';
import type { Database } from '../db.ts';
import type { ServerModule } from '../module.ts';
import { publicDataChanged } from '../open-data/public-cache.ts';
import { DatasetError, displayPath } from './dataset-files.ts';
import { seedTrx } from './tables.ts';

/** The repository's `datasets/` folder: one folder per city, and lists shared by all (`un-sdg/`). */
export const defaultDatasetsDir = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

export interface SeedRun {
  id: number;
  city: string;
  loadedAt: Date;
  demo: boolean;
  reset: boolean;
  /** sha256 of each file read, by its path under the datasets folder (`gwangju/figures.csv`). */
  files: Record<string, string>;
}

export interface LoadOptions {
  database: Database;
  modules: readonly ServerModule[];
  city: string;
  /** Empty the modules' `seedTables` and load again, even if the dataset was loaded before. */
  reset: boolean;
  /** Also load the sample records (`demo/` files), each marked as sample. */
  demo: boolean;
  /** Where the cities' folders are; the repository's `datasets/` unless a test says otherwise. */
  datasetsDir?: string;
  /** Told before each step (emptying a table, loading a module's part). */
  onProgress?: (progress: { step: number; total: number; label: string }) => void;
}

export type LoadResult = { loaded: true; run: SeedRun } | { loaded: false; lastRun: SeedRun };

interface SeedRunRow {
  id: number;
  city: string;
  loaded_at: Date;
  demo: boolean;
  reset: boolean;
  files: Record<string, string>;
}

function presentRun(row: SeedRunRow): SeedRun {
  return {
    id: Number(row.id),
    city: row.city,
    loadedAt: new Date(row.loaded_at),
    demo: row.demo,
    reset: row.reset,
    files: row.files,
  };
}

/** Loads the dataset unless it was loaded before (then says when), or reloads it with `reset`. */
export async function loadDataset(options: LoadOptions): Promise<LoadResult> {
  const { database, modules, city, reset, demo } = options;
  const datasetsDir = resolve(options.datasetsDir ?? defaultDatasetsDir);
  const datasetDir = resolve(datasetsDir, city);
  if (!existsSync(datasetDir)) {
    throw new DatasetError(
      `There is no dataset for the city "${city}": ${displayPath(datasetDir)} does not exist.`,
    );
  }

  const files: Record<string, string> = {};
  const readDatasetFile = async (path: string): Promise<string> => {
    const absolute = resolve(datasetDir, path);
    let content: Buffer;
    try {
      content = await readFile(absolute);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new DatasetError(`${displayPath(absolute)}: the dataset has no such file.`);
    }
    files[relative(datasetsDir, absolute)] = createHash('sha256').update(content).digest('hex');
    return content.toString('utf8');
  };

  // Later modules may refer to earlier ones' rows, so their tables are emptied first.
  const tables = reset ? [...modules].reverse().flatMap((module) => module.seedTables ?? []) : [];
  const seeding = modules.filter((module) => module.seed);
  const total = tables.length + seeding.length;
  let step = 0;
  const report = (label: string) => options.onProgress?.({ step: ++step, total, label });

  const result = await runCommand(
    database.db,
    { userId: null },
    async ({ trx, audit }): Promise<LoadResult> => {
      // Two app servers starting together on one PostgreSQL: the second waits, then finds the run.
      await sql`select pg_advisory_xact_lock(7482303)`.execute(trx);
      const seed = seedTrx(trx);
      const last = await seed
        .selectFrom('seed_runs')
        .selectAll()
        .where('city', '=', city)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (last && !reset) return { loaded: false, lastRun: presentRun(last) };

      for (const table of tables) {
        report(`emptying ${table}`);
        await sql`delete from ${sql.table(table)}`.execute(trx);
      }
      for (const module of seeding) {
        report(`loading ${module.name}`);
        await module.seed?.({ datasetDir, trx, demo, readFile: readDatasetFile });
      }
      const run = await seed
        .insertInto('seed_runs')
        .values({ city, demo, reset, files })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({
        action: 'seed.load-dataset',
        entityType: 'seed_runs',
        entityId: String(run.id),
        after: { city, demo, reset, files },
      });
      return { loaded: true, run: presentRun(run) };
    },
  );
  if (result.loaded) publicDataChanged();
  return result;
}
