/**
 * The backup file: one portable format for both engines. It is gzip (two members: the header, then
 * the rows) holding JSON lines. Line 1 is the header; then, table after table in the header's order,
 * exactly `rows` lines each, every line a JSON array of the row's column values in the header's
 * column order.
 *
 * Each value is PostgreSQL's own text form of it (`null` for NULL), read and written under fixed
 * session settings, so that every type round-trips exactly through its input function: timestamptz to
 * the microsecond, numeric to the last digit, jsonb, arrays, any Unicode. bytea alone is base64, to
 * keep binary data compact.
 */
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db.ts';

export const backupFormat = 'rightscity-backup';
export const backupFormatVersion = 1;

/** An expected failure (a refused or damaged backup), reported to the operator without a stack. */
export class BackupError extends Error {}

const columnSchema = z.strictObject({ name: z.string(), type: z.string() });
const tableSchema = z.strictObject({
  name: z.string(),
  columns: z.array(columnSchema),
  rows: z.number().int().nonnegative(),
  /** sha256 (hex) of the table's lines as written, each with its newline. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const headerSchema = z.strictObject({
  format: z.literal(backupFormat),
  version: z.literal(backupFormatVersion),
  engine: z.enum(['pglite', 'postgresql']),
  createdAt: z.iso.datetime(),
  migrations: z.array(z.strictObject({ module: z.string(), name: z.string(), checksum: z.string() })),
  tables: z.array(tableSchema),
  sequences: z.array(z.strictObject({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type TableShape = Pick<z.infer<typeof tableSchema>, 'name' | 'columns'>;

export function parseHeader(line: string | undefined): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw new BackupError('This file is not a rightscity backup (its first line is not a backup header).');
  }
  const format = (value as { format?: unknown } | null)?.format;
  const version = (value as { version?: unknown } | null)?.version;
  if (format !== backupFormat) throw new BackupError('This file is not a rightscity backup.');
  if (typeof version === 'number' && version > backupFormatVersion) {
    throw new BackupError(
      `This backup is in format ${version}, which a newer version of rightscity writes; this one reads format ${backupFormatVersion}. Upgrade rightscity, then restore.`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success)
    throw new BackupError(`The backup header is damaged: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * Fixes every setting that changes a value's text form, for the transaction that reads or writes
 * rows: the backup must not depend on the server's time zone or date style.
 */
export async function usePortableTextForms(trx: Transaction<object>): Promise<void> {
  await sql`
    set local timezone = 'UTC';
    set local datestyle = 'ISO, YMD';
    set local intervalstyle = 'postgres';
    set local extra_float_digits = 1;
    set local bytea_output = 'hex'`.execute(trx);
}

/**
 * The tables of the public schema and their columns in order, without generated columns (the
 * database computes those again). Partitions count as tables of their own; a partitioned parent holds
 * no rows itself.
 */
export async function listTables(db: Db): Promise<TableShape[]> {
  const result = await sql<{ table: string; column: string; type: string }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const tables = new Map<string, TableShape>();
  for (const row of result.rows) {
    let table = tables.get(row.table);
    if (!table) {
      table = { name: row.table, columns: [] };
      tables.set(row.table, table);
    }
    table.columns.push({ name: row.column, type: row.type });
  }
  return [...tables.values()];
}

export async function listSequences(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'S' order by c.relname`.execute(db);
  return result.rows.map((row) => row.name);
}

/** The column as its text form (bytea: base64 on one line). */
export function columnAsText(column: { name: string; type: string }) {
  return column.type === 'bytea'
    ? sql`translate(encode(${sql.id(column.name)}, 'base64'), E'\\n', '')`
    : sql`${sql.id(column.name)}::text`;
}

/** A value of the file back into the column's type; `type` comes from this database's catalogue. */
export function textAsColumn(value: string | null, column: { type: string }) {
  return column.type === 'bytea'
    ? sql`decode(${value}, 'base64')`
    : sql`cast(${value} as ${sql.raw(column.type)})`;
}

/** Reports long work table by table: `done` of the table's `total` rows (first with done = 0). */
export type OnProgress = (table: string, done: number, total: number) => void;
