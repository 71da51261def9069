/**
 * For the tests of modules that keep files: whether a stored file is still there, the audit row of
 * its removal, and (for the reliability suite, whose allowed DELETE must not turn the next caller's
 * call into a 404) a way to put a removed file and its module's link back as they were.
 */
import { sql } from 'kysely';
import type { Db } from '../db.ts';

export async function storedFileExists(db: Db, id: string): Promise<boolean> {
  const { rows } = await sql`select 1 from stored_files where id = ${id}`.execute(db);
  return rows.length > 0;
}

/** The audit row that recorded the removal of file `fileId` (only a removal's `before` names a file). */
export async function removalAudit(db: Db, fileId: string) {
  const { rows } = await sql<{
    action: string;
    entity_type: string;
    entity_id: string;
    before: Record<string, unknown>;
    after: unknown;
  }>`select action, entity_type, entity_id, before, after from audit_trail
      where before ->> 'fileId' = ${fileId} order by id desc limit 1`.execute(db);
  return rows[0];
}

/**
 * Remembers the stored file `fileId` and its rows in the module's `linkTable`; the answer puts back
 * whatever of them is gone, with the same ids.
 */
export async function restorableFile(
  db: Db,
  fileId: string,
  linkTable: string,
): Promise<() => Promise<void>> {
  const snapshot = async (table: string, column: string) => {
    const { rows } = await sql<{ row: string }>`
      select row_to_json(t)::text as row from ${sql.table(table)} t where ${sql.ref(column)} = ${fileId}`.execute(
      db,
    );
    return rows.map((entry) => entry.row);
  };
  const stored = await snapshot('stored_files', 'id');
  const links = await snapshot(linkTable, 'file_id');
  const putBack = (table: string, rows: string[]) =>
    Promise.all(
      rows.map((row) =>
        sql`insert into ${sql.table(table)}
          select * from json_populate_record(null::${sql.table(table)}, ${row}::json) on conflict do nothing`.execute(
          db,
        ),
      ),
    );
  return async () => {
    await putBack('stored_files', stored);
    await putBack(linkTable, links);
  };
}
