/**
 * Restoring a backup (format: `format.ts`) replaces everything in the database, in one transaction:
 * a damaged file, a mismatch or a crash leaves the database as it was.
 *
 * Inside it: the public schema is emptied and rebuilt by this code's migrations (which must be the
 * backup's, exactly), every table is emptied of what the migrations put there, and the rows are
 * loaded as they were, ids and all, so the audit trail's hash chain still verifies. Foreign keys are
 * dropped for the load and added back after it (which checks every row against them at once), and
 * the modules' triggers are off during it, as pg_dump loads data before it creates either. Last,
 * every sequence is set where it was, so no id is handed out twice.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db.ts';
import { listMigrations, migrate } from '../migrate.ts';
import type { ServerModule } from '../module.ts';
import {
  BackupError,
  type BackupHeader,
  listSequences,
  listTables,
  type OnProgress,
  parseHeader,
  type TableShape,
  textAsColumn,
  usePortableTextForms,
} from './format.ts';

export interface RestoreOptions {
  /** The modules of this version: their migrations rebuild the schema. */
  modules: readonly ServerModule[];
  /** Replace a database that holds data; without it, only an empty database is restored into. */
  force?: boolean;
  onProgress?: OnProgress;
}

/** At most this many rows, and about this many characters of values, per INSERT. */
const batchRows = 500;
const batchParameters = 30_000;
const batchCharacters = 8_000_000;

type Lines = AsyncGenerator<string, void, undefined>;

/** The file's lines, decompressed as they are read; a damaged or truncated file throws a BackupError. */
async function* readLines(path: string): Lines {
  const source = createReadStream(path);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const pieces: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      // A newline byte never occurs inside a multi-byte UTF-8 character, so splitting bytes is safe.
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
        pieces.push(chunk.subarray(start, end));
        const line = Buffer.concat(pieces).toString('utf8');
        pieces.length = 0;
        start = end + 1;
        yield line;
      }
      if (start < chunk.length) pieces.push(chunk.subarray(start));
    }
  } catch (error) {
    // A file that cannot be opened says so itself; anything else comes from decompressing.
    if ((error as NodeJS.ErrnoException).syscall) throw error;
    throw new BackupError(`The backup ${path} is damaged or incomplete (${(error as Error).message}).`);
  } finally {
    source.destroy();
  }
  if (pieces.length > 0) yield Buffer.concat(pieces).toString('utf8');
}

async function checkMigrations(header: BackupHeader, modules: readonly ServerModule[]): Promise<void> {
  const known = new Map(
    (await Promise.all(modules.map(listMigrations))).flat().map((m) => [`${m.module}/${m.name}`, m.checksum]),
  );
  const inBackup = new Map(header.migrations.map((m) => [`${m.module}/${m.name}`, m.checksum]));
  const newer = [...inBackup.keys()].filter((key) => !known.has(key));
  if (newer.length > 0) {
    throw new BackupError(
      `This backup was made by a newer version of rightscity: it has migrations this version does not know (${newer.join(', ')}). Restore it with that version or a later one.`,
    );
  }
  const older = [...known.keys()].filter((key) => !inBackup.has(key));
  if (older.length > 0) {
    throw new BackupError(
      `This backup was made by an older version of rightscity: it lacks the migrations ${older.join(', ')}. Restore it with the version that made it, then upgrade (starting the new version applies them).`,
    );
  }
  const changed = [...known.keys()].filter((key) => known.get(key) !== inBackup.get(key));
  if (changed.length > 0) {
    throw new BackupError(
      `The migrations ${changed.join(', ')} differ between this backup and this version of rightscity: restore it with the version that made it.`,
    );
  }
}

/** Tables that hold data, apart from the migrations' own bookkeeping. */
async function refuseUnlessEmpty(db: Db): Promise<void> {
  for (const table of await listTables(db)) {
    if (table.name === 'kernel_migrations') continue;
    const result = await sql<{
      found: boolean;
    }>`select exists (select from ${sql.id(table.name)}) as found`.execute(db);
    if (result.rows[0]?.found) {
      throw new BackupError(
        `The target database is not empty (table ${table.name} has rows). A restore replaces everything in it; to do that, restore with --force.`,
      );
    }
  }
}

/** The schema the migrations built, in the backup's table order; refuses any difference. */
async function matchSchema(trx: Db, header: BackupHeader): Promise<TableShape[]> {
  const live = new Map((await listTables(trx)).map((table) => [table.name, table]));
  const differences: string[] = [];
  for (const table of header.tables) {
    const shape = live.get(table.name);
    if (!shape) differences.push(`table ${table.name} is not created by this version`);
    else if (JSON.stringify(shape.columns) !== JSON.stringify(table.columns)) {
      differences.push(`table ${table.name} has other columns`);
    }
  }
  const backedUp = new Set(header.tables.map((table) => table.name));
  for (const name of live.keys())
    if (!backedUp.has(name)) differences.push(`table ${name} is not in the backup`);
  const sequences = await listSequences(trx);
  if (JSON.stringify(sequences) !== JSON.stringify(header.sequences.map((sequence) => sequence.name))) {
    differences.push('the sequences differ');
  }
  if (differences.length > 0) {
    throw new BackupError(`The backup does not fit the schema of this version: ${differences.join('; ')}.`);
  }
  return header.tables.map((table) => live.get(table.name) as TableShape);
}

function parseRow(line: string, table: TableShape): (string | null)[] {
  let values: unknown;
  try {
    values = JSON.parse(line);
  } catch {
    values = undefined;
  }
  if (
    !Array.isArray(values) ||
    values.length !== table.columns.length ||
    !values.every((value) => value === null || typeof value === 'string')
  ) {
    throw new BackupError(`A row of table ${table.name} in the backup is damaged.`);
  }
  return values;
}

async function insertRows(
  trx: Transaction<object>,
  table: TableShape,
  rows: (string | null)[][],
): Promise<void> {
  const columns = sql.join(table.columns.map((column) => sql.id(column.name)));
  const tuples = rows.map(
    (row) =>
      sql`(${sql.join(row.map((value, index) => textAsColumn(value, table.columns[index] as TableShape['columns'][number])))})`,
  );
  // Identity columns generated "always" take the backed-up ids only when told to.
  await sql`insert into ${sql.id(table.name)} (${columns}) overriding system value values ${sql.join(tuples)}`.execute(
    trx,
  );
}

async function loadTable(
  trx: Transaction<object>,
  table: TableShape,
  expected: BackupHeader['tables'][number],
  lines: Lines,
  onProgress: OnProgress | undefined,
): Promise<void> {
  const hash = createHash('sha256');
  const maxRows = Math.max(
    1,
    Math.min(batchRows, Math.floor(batchParameters / Math.max(1, table.columns.length))),
  );
  let batch: (string | null)[][] = [];
  let characters = 0;
  let loaded = 0;
  onProgress?.(table.name, 0, expected.rows);
  const flush = async () => {
    await insertRows(trx, table, batch);
    loaded += batch.length;
    batch = [];
    characters = 0;
    onProgress?.(table.name, loaded, expected.rows);
  };
  for (let index = 0; index < expected.rows; index++) {
    const next = await lines.next();
    if (next.done)
      throw new BackupError(`The backup ends early, inside table ${table.name}: it is incomplete.`);
    hash.update(`${next.value}\n`);
    batch.push(parseRow(next.value, table));
    characters += next.value.length;
    if (batch.length >= maxRows || characters >= batchCharacters) await flush();
  }
  if (batch.length > 0) await flush();
  if (hash.digest('hex') !== expected.sha256) {
    throw new BackupError(
      `The rows of table ${table.name} do not match the backup's checksum: the file is damaged.`,
    );
  }
}

export async function restoreBackup(
  database: Database,
  path: string,
  options: RestoreOptions,
): Promise<BackupHeader> {
  const lines = readLines(path);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value);
    await checkMigrations(header, options.modules);
    if (!options.force) await refuseUnlessEmpty(database.db);
    await database.db.transaction().execute(async (trx) => {
      await usePortableTextForms(trx);
      await sql`drop schema public cascade; create schema public; grant usage on schema public to public`.execute(
        trx,
      );
      await migrate(trx, options.modules);
      const tables = await matchSchema(trx, header);
      const foreignKeys = await sql<{ table: string; name: string; definition: string }>`
        select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and k.contype = 'f'`.execute(trx);
      for (const key of foreignKeys.rows) {
        await sql`alter table ${sql.id(key.table)} drop constraint ${sql.id(key.name)}`.execute(trx);
      }
      // Whatever the migrations inserted (reference rows, the migrations' own list) comes back from the backup.
      await sql`truncate ${sql.join(tables.map((table) => sql.id(table.name)))}`.execute(trx);
      for (const table of tables)
        await sql`alter table ${sql.id(table.name)} disable trigger user`.execute(trx);

      for (const [index, table] of tables.entries()) {
        await loadTable(
          trx,
          table,
          header.tables[index] as BackupHeader['tables'][number],
          lines,
          options.onProgress,
        );
      }
      // Reading on to the end is what detects a file cut after its last complete row.
      if (!(await lines.next()).done)
        throw new BackupError('The backup has rows after its last table: it is damaged.');

      for (const table of tables)
        await sql`alter table ${sql.id(table.name)} enable trigger user`.execute(trx);
      for (const key of foreignKeys.rows) {
        await sql`alter table ${sql.id(key.table)} add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`.execute(
          trx,
        );
      }
      for (const sequence of header.sequences) {
        await sql`select setval(format('%I', ${sequence.name}::text)::regclass, ${sequence.lastValue}::bigint, ${sequence.isCalled})`.execute(
          trx,
        );
      }
    });
    return header;
  } finally {
    await lines.return();
  }
}
