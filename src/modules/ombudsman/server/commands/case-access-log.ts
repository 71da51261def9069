/**
 * Who read a case file and its attachments, when and why, naming each reader by name and role (the
 * standing ombudsman's review). One entry per opening of the file (see `openCaseFile`) and one per
 * attachment downloaded.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../kernel/server/db.ts';
import { caseEntityType } from './read-case.ts';

export const attachmentEntityType = 'ombudsman_attachment';

interface Row {
  at: Date;
  actor_id: string;
  ip: string | null;
  entity_type: string;
  entity_id: string;
  reason: string;
  display_name: string | null;
  role: string | null;
}

export async function caseAccessLog(db: Db, caseId: string, limit = 200) {
  const { rows } = await sql<Row>`
    select l.at, l.actor_id, l.ip, l.entity_type, l.entity_id, l.reason, u.display_name, u.role
    from audit_access_log l
    left join accounts_users u on u.id::text = l.actor_id::text
    where (l.entity_type = ${caseEntityType} and l.entity_id = ${caseId})
       or (l.entity_type = ${attachmentEntityType}
           and l.entity_id in (select id from ombudsman_attachments where case_id = ${caseId}))
    order by l.id desc
    limit ${limit}`.execute(db);
  return {
    entries: rows.map((row) => ({
      at: new Date(row.at).toISOString(),
      actorId: row.actor_id,
      actorName: row.display_name ?? row.actor_id,
      actorRole: row.role ?? '',
      what: row.entity_type === caseEntityType ? ('case' as const) : ('attachment' as const),
      ip: row.ip,
      entityType: row.entity_type,
      entityId: row.entity_id,
      reason: row.reason,
    })),
  };
}
