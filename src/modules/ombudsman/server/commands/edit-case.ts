/**
 * Editing a case's particulars and classification after intake (summary, respondent and its type,
 * the rights concerned, when and where it happened): what intake got wrong or did not know is put
 * right by the case's caseworkers, the standing ombudsman and the assigned ones.
 *
 * Optimistic concurrency like every step (a stale `version` is a 409). The timeline says who changed
 * which fields and when, and keeps the earlier values; the audit trail names the fields only (it never
 * holds the case's free text) and the rights, which are codes.
 */
import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, forbidden } from '../../../../kernel/server/errors.ts';
import type { CaseEdit } from '../../contract.ts';
import { loadCase } from '../queries.ts';
import { ombudsmanTrx } from '../tables.ts';
import { searchFields } from './file-complaint.ts';
import { assertKnownRights } from './rights.ts';

const columns = {
  summary: 'summary',
  respondent: 'respondent',
  respondentType: 'respondent_type',
  rights: 'rights',
  occurredOn: 'occurred_on',
  occurredPlace: 'occurred_place',
} as const;
type EditedField = keyof typeof columns;

export async function editCase(
  db: Db,
  user: SessionUser,
  ip: string | null,
  caseId: string,
  input: CaseEdit,
): Promise<{ version: number; changed: EditedField[] }> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const { row, capacities } = await loadCase(trx, user, caseId, { lock: true });
    if (!capacities.has('standing') && !capacities.has('assigned')) throw forbidden();
    if (row.version !== input.version) throw conflict();
    if (input.rights) await assertKnownRights(trx, input.rights, 'body.rights');

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of Object.keys(columns) as EditedField[]) {
      const value = input[field];
      if (value === undefined) continue;
      const old = row[columns[field]];
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      before[field] = old;
      after[field] = value;
    }
    const changed = Object.keys(after) as EditedField[];
    if (changed.length === 0) return { version: row.version, changed };

    const set = Object.fromEntries(changed.map((field) => [columns[field], after[field]]));
    const merged = {
      summary: (after.summary as string | undefined) ?? row.summary,
      respondent: (after.respondent as string | undefined) ?? row.respondent,
      description: row.description,
      occurredPlace: 'occurredPlace' in after ? (after.occurredPlace as string | null) : row.occurred_place,
    };
    const updated = await trx
      .updateTable('ombudsman_cases')
      .set({
        ...set,
        ...searchFields(merged),
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', caseId)
      .returning('version')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('ombudsman_events')
      .values({
        case_id: caseId,
        actor_id: user.id,
        action: 'edit',
        from_status: row.status,
        to_status: row.status,
        // The case file keeps what was there before, so an edit never loses what intake wrote.
        note: JSON.stringify({ fields: changed, before }),
        body: null,
      })
      .execute();
    await audit({
      action: 'ombudsman.edit-case',
      entityType: 'ombudsman_cases',
      entityId: caseId,
      before: { version: row.version, ...(before.rights ? { rights: before.rights } : {}) },
      after: { version: updated.version, fields: changed, ...(after.rights ? { rights: after.rights } : {}) },
    });
    return { version: updated.version, changed };
  });
}
