/**
 * Reading the audit tables for the admin API: newest first, paged by id (`before` is the smallest id
 * of the previous page), so a page stays cheap however long the trail grows.
 */
import { type Selectable, sql } from 'kysely';
import type { Db } from '../db.ts';
import { type AuditTables, auditDb } from './tables.ts';

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  /** Only rows with a smaller id (the cursor of the next page). */
  before?: number | undefined;
  limit: number;
}

interface Page<T> {
  entries: T[];
  /** The `before` of the next page, or null on the last one. */
  nextBefore: number | null;
}

function toPage<T extends { id: number }>(entries: T[], limit: number): Page<T> {
  const last = entries.at(-1);
  return { entries, nextBefore: entries.length === limit && last ? last.id : null };
}

/** The filter as one condition; both audit tables name these columns alike. */
function matching(filter: AuditFilter) {
  const conditions = [sql`true`];
  if (filter.entityType !== undefined) conditions.push(sql`entity_type = ${filter.entityType}`);
  if (filter.entityId !== undefined) conditions.push(sql`entity_id = ${filter.entityId}`);
  if (filter.actorId !== undefined) conditions.push(sql`actor_id = ${filter.actorId}`);
  if (filter.before !== undefined) conditions.push(sql`id < ${filter.before}`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/** Either table's rows, newest first, as far as the page goes. */
function newestFirst<Table extends keyof AuditTables>(
  db: Db,
  table: Table,
  filter: AuditFilter,
): Promise<Selectable<AuditTables[Table]>[]> {
  return auditDb(db)
    .selectFrom(table as keyof AuditTables)
    .selectAll()
    .where(matching(filter))
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute() as Promise<Selectable<AuditTables[Table]>[]>;
}

/** The columns both tables have (the access log's actor is never null). */
interface CommonRow {
  id: number;
  at: Date;
  actor_id: string | null;
  ip: string | null;
  entity_type: string;
  entity_id: string;
}

/** The columns both tables have, as the API names them. */
function commonFields<Row extends CommonRow>(row: Row) {
  const actorId: Row['actor_id'] = row.actor_id;
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorId,
    ip: row.ip,
    entityType: row.entity_type,
    entityId: row.entity_id,
  };
}

export async function listAuditTrail(db: Db, filter: AuditFilter) {
  const rows = await newestFirst(db, 'audit_trail', filter);
  const entries = rows.map((row) => ({
    ...commonFields(row),
    action: row.action,
    before: row.before,
    after: row.after,
    hash: row.hash,
  }));
  return toPage(entries, filter.limit);
}

export async function listAccessLog(db: Db, filter: AuditFilter) {
  const rows = await newestFirst(db, 'audit_access_log', filter);
  const entries = rows.map((row) => ({ ...commonFields(row), reason: row.reason }));
  return toPage(entries, filter.limit);
}
