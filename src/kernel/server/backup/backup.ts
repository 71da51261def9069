/**
 * Writing a backup (format: `format.ts`). Every row of every table of the public schema is read in one
 * REPEATABLE READ transaction, so the file is one consistent moment of the database, page by page
 * (keyset by ctid, which a snapshot keeps stable), so memory stays bounded however large a table is.
 *
 * The rows go first to a file of their own while their counts and checksums are gathered; the final
 * file is the gzip member of the header followed by that one (a gzip file may hold several members,
 * read back as one stream). It is written as FILE.tmp, synced, then renamed: a crash never leaves a
 * half-written file under the backup's name. Both files are 0600: a backup holds personal data.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from '../db.ts';
import {
  type BackupHeader,
  backupFormat,
  backupFormatVersion,
  columnAsText,
  listSequences,
  listTables,
  type OnProgress,
  usePortableTextForms,
} from './format.ts';

/** Rows read per query. */
const pageSize = 500;

export async function writeBackup(
  database: Database,
  path: string,
  options: { onProgress?: OnProgress } = {},
): Promise<BackupHeader> {
  const temporary = `${path}.tmp`;
  const rowsFile = `${path}.rows.tmp`;
  await Promise.all([rm(temporary, { force: true }), rm(rowsFile, { force: true })]);
  // Opened before the snapshot, so that a folder that is missing or read-only fails at once.
  const rowsHandle = await open(rowsFile, 'wx', 0o600);
  try {
    const header = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx): Promise<BackupHeader> => {
        await usePortableTextForms(trx);
        // The moment of the snapshot (a transaction's now() is its start), not of the file's end.
        const snapshot = await sql<{ now: Date }>`select now() as now`.execute(trx);
        const migrations = await sql<{ module: string; name: string; checksum: string }>`
          select module, name, checksum from kernel_migrations order by module, name`.execute(trx);
        const shapes = await listTables(trx);
        const tables: BackupHeader['tables'] = [];

        async function* lines() {
          for (const shape of shapes) {
            const count = await sql<{ count: number }>`
              select count(*) as count from ${sql.id(shape.name)}`.execute(trx);
            const total = Number(count.rows[0]?.count ?? 0);
            options.onProgress?.(shape.name, 0, total);
            const hash = createHash('sha256');
            // Aliased c0, c1, … and "position": an output named "ctid" would make ORDER BY sort its text.
            const values = shape.columns.map(
              (column, index) => sql`${columnAsText(column)} as ${sql.id(`c${index}`)}`,
            );
            let rows = 0;
            let afterCtid = '(0,0)';
            for (;;) {
              const page = await sql<Record<string, string | null>>`
                select ctid::text as position, ${sql.join(values)} from ${sql.id(shape.name)}
                where ctid > ${afterCtid}::tid order by ctid limit ${pageSize}`.execute(trx);
              for (const row of page.rows) {
                const line = `${JSON.stringify(shape.columns.map((_, index) => row[`c${index}`] ?? null))}\n`;
                hash.update(line);
                yield line;
              }
              rows += page.rows.length;
              options.onProgress?.(shape.name, rows, total);
              const last = page.rows.at(-1);
              if (!last || page.rows.length < pageSize) break;
              afterCtid = String(last.position);
            }
            tables.push({ ...shape, rows, sha256: hash.digest('hex') });
          }
        }
        await pipeline(lines, createGzip(), rowsHandle.createWriteStream());

        // Read after the rows, so that each sequence is at least as far as every id backed up.
        const sequences: BackupHeader['sequences'] = [];
        for (const name of await listSequences(trx)) {
          const state = await sql<{ lastValue: string; isCalled: boolean }>`
            select last_value::text as "lastValue", is_called as "isCalled" from ${sql.id(name)}`.execute(
            trx,
          );
          // A sequence relation always holds exactly one row.
          sequences.push({ name, ...(state.rows[0] as { lastValue: string; isCalled: boolean }) });
        }
        return {
          format: backupFormat,
          version: backupFormatVersion,
          engine: database.engine,
          createdAt: (snapshot.rows[0] as { now: Date }).now.toISOString(),
          migrations: migrations.rows,
          tables,
          sequences,
        };
      });

    const headerMember = gzipSync(`${JSON.stringify(header)}\n`);
    await pipeline(
      async function* () {
        yield headerMember;
        yield* createReadStream(rowsFile);
      },
      createWriteStream(temporary, { flags: 'wx', mode: 0o600 }),
    );
    const handle = await open(temporary, 'r+');
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
    return header;
  } finally {
    // Closing twice is harmless: the stream closes it when the rows are written.
    await rowsHandle.close();
    await Promise.all([rm(temporary, { force: true }), rm(rowsFile, { force: true })]);
  }
}
