/**
 * Plain-SQL migrations, owned per module, applied at start and by `rightscity migrate`. All pending
 * migrations run in one transaction under an advisory lock, so two app servers starting together on
 * one PostgreSQL apply them once, and a failing migration leaves the schema as it was.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { sql, type Transaction } from 'kysely';
import type { Db } from './db.ts';
import type { ServerModule } from './module.ts';

interface PendingMigration {
  module: string;
  name: string;
  checksum: string;
  body: string;
}

export async function listMigrations(module: ServerModule): Promise<PendingMigration[]> {
  if (!module.migrations) return [];
  const names = (await readdir(module.migrations)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const body = await readFile(new URL(name, module.migrations), 'utf8');
      const checksum = createHash('sha256').update(body).digest('hex');
      return { module: module.name, name, checksum, body };
    }),
  );
}

export class MigrationError extends Error {}

/**
 * Applies what is pending; returns the names applied (`module/name`). Given a transaction (a restore
 * rebuilding the schema), it runs inside that one instead of opening its own.
 */
export async function migrate(db: Db, modules: readonly ServerModule[]): Promise<string[]> {
  const all = (await Promise.all(modules.map(listMigrations))).flat();
  const apply = async (trx: Transaction<object>) => {
    await sql`select pg_advisory_xact_lock(7482301)`.execute(trx);
    await sql`
      create table if not exists kernel_migrations (
        module text not null,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now(),
        primary key (module, name)
      )`.execute(trx);
    const applied = await sql<{ module: string; name: string; checksum: string }>`
      select module, name, checksum from kernel_migrations`.execute(trx);
    const known = new Map(applied.rows.map((row) => [`${row.module}/${row.name}`, row.checksum]));
    const done: string[] = [];
    for (const migration of all) {
      const key = `${migration.module}/${migration.name}`;
      const checksum = known.get(key);
      if (checksum !== undefined) {
        // An applied migration that changed on disk would make two databases with "the same"
        // schema differ; refuse rather than guess.
        if (checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${key} was changed after it was applied; add a new one instead.`,
          );
        }
        continue;
      }
      await sql.raw(migration.body).execute(trx);
      await sql`insert into kernel_migrations (module, name, checksum)
        values (${migration.module}, ${migration.name}, ${migration.checksum})`.execute(trx);
      done.push(key);
    }
    return done;
  };
  return db.isTransaction ? apply(db as Transaction<object>) : db.transaction().execute(apply);
}
