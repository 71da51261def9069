/** The audit tables as Kysely sees them. */
import type { Generated, Kysely } from 'kysely';
import type { Db } from '../db.ts';

export type AuditTables = {
  audit_trail: {
    id: Generated<number>;
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
  };
  audit_access_log: {
    id: Generated<number>;
    at: Generated<Date>;
    actor_id: string;
    ip: string | null;
    entity_type: string;
    entity_id: string;
    reason: string;
  };
};

export function auditDb(db: Db): Kysely<AuditTables> {
  return db.withTables<AuditTables>();
}
