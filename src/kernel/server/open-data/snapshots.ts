/**
 * When each dataset's content last changed (the catalogue's "last update"), recorded by hashing its
 * rows whenever they are computed. Cheaper and truer than asking every module when it last wrote:
 * the date moves exactly when what a reader downloads differs.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db.ts';

type SnapshotTables = {
  opendata_snapshots: { dataset_id: string; sha256: string; changed_at: Date };
};

/** Records `rows` as the dataset's current content; returns when that content first appeared. */
export async function recordSnapshot(
  db: Db,
  datasetId: string,
  rows: readonly Record<string, unknown>[],
): Promise<Date> {
  const sha256 = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  const row = await db
    .withTables<SnapshotTables>()
    .insertInto('opendata_snapshots')
    .values({ dataset_id: datasetId, sha256, changed_at: sql<Date>`now()` })
    .onConflict((conflict) =>
      conflict
        .column('dataset_id')
        .doUpdateSet({ sha256, changed_at: sql<Date>`now()` })
        .where('opendata_snapshots.sha256', '<>', sha256),
    )
    .returning('changed_at')
    .executeTakeFirst();
  if (row) return row.changed_at;
  // Unchanged content: the conflict's update did not apply, so nothing was returned.
  const known = await db
    .withTables<SnapshotTables>()
    .selectFrom('opendata_snapshots')
    .select('changed_at')
    .where('dataset_id', '=', datasetId)
    .executeTakeFirstOrThrow();
  return known.changed_at;
}

/** The last recorded change of each dataset whose rows have been computed at least once. */
export async function lastChanges(db: Db): Promise<Map<string, Date>> {
  const rows = await db
    .withTables<SnapshotTables>()
    .selectFrom('opendata_snapshots')
    .select(['dataset_id', 'changed_at'])
    .execute();
  return new Map(rows.map((row) => [row.dataset_id, row.changed_at]));
}
