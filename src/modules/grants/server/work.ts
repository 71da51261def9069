/**
 * The grants' part of My work: for each officer and admin (the reviewers), the submitted applications
 * they have not reviewed yet: no declaration of interest, or no conflict declared and no score given.
 * A declared conflict ends their part. The programme sets no review deadline, so the items carry no
 * due date (and are never reminded of). Drafts are the organisation's and never listed.
 */
import type { Db } from '../../../kernel/server/db.ts';
import type { WorkContext } from '../../../kernel/server/module.ts';
import { workItem } from '../../../kernel/server/work/due-state.ts';
import type { WorkItem } from '../../../kernel/shared/work.ts';
import { applicationPath } from '../web/paths.ts';
import { grantsDb } from './tables.ts';

export async function grantsWork(db: Db, { user, today }: WorkContext): Promise<WorkItem[]> {
  if (user.role !== 'admin' && user.role !== 'officer') return [];
  const rows = await grantsDb(db)
    .selectFrom('grants_applications as application')
    .innerJoin('grants_calls as call', 'call.id', 'application.call_id')
    .select(['application.id', 'application.title', 'call.title_ko', 'call.title_en'])
    .where('application.status', '=', 'submitted')
    .where(({ not, exists, selectFrom, or }) =>
      or([
        not(
          exists(
            selectFrom('grants_declarations as declaration')
              .select('declaration.application_id')
              .whereRef('declaration.application_id', '=', 'application.id')
              .where('declaration.reviewer_id', '=', user.id),
          ),
        ),
        exists(
          selectFrom('grants_declarations as declaration')
            .select('declaration.application_id')
            .whereRef('declaration.application_id', '=', 'application.id')
            .where('declaration.reviewer_id', '=', user.id)
            .where('declaration.has_conflict', '=', false)
            .where(({ not: none, exists: any, selectFrom: from }) =>
              none(
                any(
                  from('grants_scores as score')
                    .select('score.application_id')
                    .whereRef('score.application_id', '=', 'application.id')
                    .where('score.reviewer_id', '=', user.id),
                ),
              ),
            ),
        ),
      ]),
    )
    .orderBy('application.submitted_at')
    .execute();
  return rows.map((row) =>
    workItem(
      {
        key: `grants:${row.id}:review:${user.id}`,
        kind: 'grants.review',
        module: 'grants',
        title: { ko: `${row.title_ko} — ${row.title}`, en: `${row.title_en} — ${row.title}` },
        action: { ko: '지원 신청 심사하기', en: 'Review the application' },
        departmentCode: null,
        dueOn: null,
        path: applicationPath(row.id),
      },
      today,
    ),
  );
}
