/**
 * Recomputes the audit trail's hash chain. An altered row no longer matches its own hash; a deleted or
 * inserted row breaks the link (`prev_hash`) of the row after it. What the chain cannot show on its
 * own is a cut at the end (the newest rows deleted): for that, compare `lastHash` with one recorded
 * earlier outside the database.
 */
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { genesisHash, hashAuditRow } from './record.ts';

export type AuditBreak = 'hash_mismatch' | 'prev_hash_mismatch';

export type AuditVerification =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; firstBrokenId: number; reason: AuditBreak };

export const auditBreakDescriptions: Record<AuditBreak, string> = {
  hash_mismatch: 'hash mismatch (the row was altered)',
  prev_hash_mismatch: 'prev_hash mismatch (a row before it was deleted, or a row was inserted)',
};

interface StoredAuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** Rows read per query: the trail can be long, and is never loaded whole. */
const pageSize = 1000;

export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  let expectedPrevHash = genesisHash;
  let rows = 0;
  let afterId = 0;
  for (;;) {
    // No transaction is needed for a consistent walk: rows are only ever appended, under a lock that
    // hands out ids in commit order, so a later page only ever sees the chain grow at its end.
    const page = await sql<StoredAuditRow>`
      select id, at, actor_id, ip, action, entity_type, entity_id, before, after, prev_hash, hash
      from audit_trail where id > ${afterId} order by id limit ${pageSize}`.execute(db);
    for (const row of page.rows) {
      rows++;
      if (row.prev_hash !== expectedPrevHash) {
        return { ok: false, rows, firstBrokenId: Number(row.id), reason: 'prev_hash_mismatch' };
      }
      const hash = hashAuditRow(row.prev_hash, {
        at: row.at,
        actorId: row.actor_id,
        ip: row.ip,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
      });
      if (hash !== row.hash)
        return { ok: false, rows, firstBrokenId: Number(row.id), reason: 'hash_mismatch' };
      expectedPrevHash = row.hash;
    }
    const last = page.rows.at(-1);
    if (!last || page.rows.length < pageSize) return { ok: true, rows, lastHash: expectedPrevHash };
    afterId = Number(last.id);
  }
}
