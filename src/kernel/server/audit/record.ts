/**
 * Appending to the hash-chained audit trail. Each row's hash is sha256 over the previous row's hash
 * and the row's canonical content; `verify.ts` recomputes the chain.
 */
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';

export interface AuditEntry {
  actorId: string | null;
  ip: string | null;
  /** What happened, `module.verb` (e.g. `accounts.create-user`). */
  action: string;
  /** The table (or record kind) changed and the record's id. */
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The hash chain starts from this value. */
export const genesisHash = '0'.repeat(64);

/** JSON with object keys sorted at every level, so that jsonb's reordering does not change a hash. */
export function canonicalJson(value: unknown): string {
  const plain = value === undefined ? null : JSON.parse(JSON.stringify(value));
  const sortKeys = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(sortKeys);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.keys(node)
          .sort()
          .map((key) => [key, sortKeys((node as Record<string, unknown>)[key])]),
      );
    }
    return node;
  };
  return JSON.stringify(sortKeys(plain));
}

export interface AuditRowContent {
  at: Date;
  actorId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export function hashAuditRow(prevHash: string, row: AuditRowContent): string {
  const content = canonicalJson({
    at: row.at.toISOString(),
    actorId: row.actorId,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * A lone UTF-16 surrogate (a JSON request body may carry one) becomes U+FFFD, as PostgreSQL stores it
 * in a text column: the hash must cover what is read back, and jsonb would refuse it outright and
 * fail the whole command.
 */
function wellFormed<T extends string | null>(text: T): T {
  return (text === null ? text : text.replace(/\p{Cs}/gu, '\uFFFD')) as T;
}

/** The value as jsonb will hold it. */
function toStoredJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, node) => (typeof node === 'string' ? wellFormed(node) : node)),
  );
}

export async function recordAudit(trx: Transaction<object>, entry: AuditEntry): Promise<void> {
  // One writer at a time extends the chain: the lock is held to the end of this transaction, so the
  // next writer reads this row's hash once it is committed.
  await sql`select pg_advisory_xact_lock(7482302)`.execute(trx);
  const last = await sql<{ hash: string }>`select hash from audit_trail order by id desc limit 1`.execute(
    trx,
  );
  const prevHash = last.rows[0]?.hash ?? genesisHash;
  const row: AuditRowContent = {
    at: new Date(),
    actorId: wellFormed(entry.actorId),
    ip: wellFormed(entry.ip),
    action: wellFormed(entry.action),
    entityType: wellFormed(entry.entityType),
    entityId: wellFormed(entry.entityId),
    before: toStoredJson(entry.before),
    after: toStoredJson(entry.after),
  };
  const hash = hashAuditRow(prevHash, row);
  await sql`
    insert into audit_trail (at, actor_id, ip, action, entity_type, entity_id, before, after, prev_hash, hash)
    values (${row.at.toISOString()}, ${row.actorId}, ${row.ip}, ${row.action}, ${row.entityType},
      ${row.entityId}, ${canonicalJson(row.before)}::jsonb, ${canonicalJson(row.after)}::jsonb,
      ${prevHash}, ${hash})`.execute(trx);
}
