/**
 * A subject of assessment: an ordinance or regulation, a public building, a polling station, a public
 * event or a municipal enterprise. A department registers its own subjects; the office any. A
 * building's or polling station's district must be a term of the districts vocabulary, and tags it.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { forbidden } from '../../../../kernel/server/errors.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type { NewSubject, Subject } from '../../contract.ts';
import { presentSubject } from '../queries.ts';
import { assessmentsDb, jsonColumn } from '../tables.ts';

export async function registerSubject(
  db: Db,
  user: SessionUser,
  ip: string,
  input: NewSubject,
): Promise<Subject> {
  if (user.role === 'department' && user.departmentCode !== input.departmentCode) throw forbidden();
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const row = await trx
      .insertInto('assessments_subjects')
      .values({
        kind: input.details.kind,
        title: input.title,
        department_code: input.departmentCode,
        details: jsonColumn(input.details),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.details.kind === 'building' || input.details.kind === 'polling_station') {
      // Subjects are staff records: the tag is not public, but it checks the district is a term.
      await setTags(
        raw,
        {
          module: 'assessments',
          recordType: 'subject',
          recordId: String(row.id),
          isPublic: false,
          title: { ko: input.title, en: input.title },
          path: `/assessments/subjects/${row.id}`,
        },
        [{ vocabulary: 'districts', code: input.details.district }],
      ).catch((error: { details?: { errors?: { field: string }[] } }) => {
        for (const entry of error.details?.errors ?? []) entry.field = 'body.details.district';
        throw error;
      });
    }
    await audit({
      action: 'assessments.register-subject',
      entityType: 'assessments_subjects',
      entityId: String(row.id),
      before: null,
      after: { kind: row.kind, title: row.title, departmentCode: row.department_code },
    });
    return presentSubject(row);
  });
}
