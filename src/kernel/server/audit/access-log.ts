/**
 * The access log of confidential reads: who saw which complainant's, victim's or witness's details,
 * when, from where and why (PIPA access records; ASVS level 3 for ombudsman files). A module calls
 * `recordConfidentialRead` inside the transaction that reads the record, so a read that is shown is
 * a read that is logged.
 */
import { sql, type Transaction } from 'kysely';

export interface ConfidentialRead {
  actorId: string;
  ip: string | null;
  /** The kind of record read (e.g. `ombudsman_complainant`) and its id. */
  entityType: string;
  entityId: string;
  /** Why it was read, in the reader's words or the screen's purpose (e.g. `case review`). */
  reason: string;
}

export async function recordConfidentialRead(
  trx: Transaction<object>,
  read: ConfidentialRead,
): Promise<void> {
  await sql`
    insert into audit_access_log (actor_id, ip, entity_type, entity_id, reason)
    values (${read.actorId}, ${read.ip}, ${read.entityType}, ${read.entityId}, ${read.reason})`.execute(trx);
}
