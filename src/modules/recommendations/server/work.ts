/**
 * The register's part of My work: a department user's unanswered parts (recommendations addressed to
 * their department, still `issued`, their part not answered), due on the answer's due date. Officers
 * and admins see no items here: they record answers only on a department's behalf, and see every
 * department's waiting parts in the office's per-department view.
 */

import type { Db } from '../../../kernel/server/db.ts';
import type { WorkContext } from '../../../kernel/server/module.ts';
import { workItem } from '../../../kernel/server/work/due-state.ts';
import type { WorkItem } from '../../../kernel/shared/work.ts';
import { staffRecommendationPath } from '../web/paths.ts';
import { recommendationsDb } from './tables.ts';

const shortTitle = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export async function recommendationsWork(db: Db, { user, today }: WorkContext): Promise<WorkItem[]> {
  if (user.role !== 'department' || user.departmentCode === null) return [];
  const rows = await recommendationsDb(db)
    .selectFrom('recommendations_records as record')
    .innerJoin('recommendations_departments as part', 'part.recommendation_id', 'record.id')
    .select(['record.id', 'record.text_ko', 'record.text_en', 'record.answer_due', 'part.department_code'])
    .where('part.department_code', '=', user.departmentCode)
    .where('part.answer', 'is', null)
    .where('record.status', '=', 'issued')
    .where('record.historical', '=', false)
    .execute();
  return rows.map((row) =>
    workItem(
      {
        key: `recommendations:${row.id}:answer:${row.department_code}`,
        kind: 'recommendations.answer',
        module: 'recommendations',
        title: { ko: shortTitle(row.text_ko), en: shortTitle(row.text_en) },
        action: { ko: '권고에 회신하기', en: 'Answer the recommendation' },
        departmentCode: row.department_code,
        dueOn: row.answer_due,
        path: staffRecommendationPath(row.id),
      },
      today,
    ),
  );
}
