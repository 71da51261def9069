/**
 * The impact assessments' part of My work, one item per open assessment and step:
 * - the subject's department: at `response`, the recommendations it has not answered; at `revision`,
 *   the accepted (or partly accepted) recommendations with no revision recorded yet;
 * - the office (officers, admins), who move every assessment on: each assessment at a step that
 *   waits for them (requested, scoping, assessment, recommendations), and one at `response` or
 *   `revision` once the department has nothing left to do there.
 * The schema gives an assessment no due date, so its items carry none.
 */
import type { Db } from '../../../kernel/server/db.ts';
import type { WorkContext } from '../../../kernel/server/module.ts';
import { workItem } from '../../../kernel/server/work/due-state.ts';
import type { WorkItem } from '../../../kernel/shared/work.ts';
import type { Step } from '../contract.ts';
import { assessmentPath } from '../web/paths.ts';
import { assessmentsDb } from './tables.ts';

const bilingual = (ko: string, en: string) => ({ ko, en });

const officeSteps: Partial<Record<Step, { ko: string; en: string }>> = {
  requested: bilingual('평가 범위 정하기 시작하기', 'Start scoping the assessment'),
  scoping: bilingual('평가 범위를 정하고 평가 시작하기', 'Settle the scope and start the assessment'),
  assessment: bilingual('항목 평가를 마치고 권고 내기', 'Finish rating and issue recommendations'),
  recommendations: bilingual('권고를 부서에 보내기', 'Send the recommendations to the department'),
  response: bilingual('개선 추적 시작하기', 'Start tracking revisions'),
  revision: bilingual('평가 마치기', 'Close the assessment'),
};

export async function assessmentsWork(db: Db, { user, today }: WorkContext): Promise<WorkItem[]> {
  const office = user.role === 'officer' || user.role === 'admin';
  const department = user.role === 'department' ? user.departmentCode : null;
  if (!office && department === null) return [];
  const reader = assessmentsDb(db);
  let query = reader
    .selectFrom('assessments_assessments as a')
    .innerJoin('assessments_subjects as s', 's.id', 'a.subject_id')
    .select(['a.id', 'a.step', 'a.year', 's.title', 's.department_code'])
    .where('a.step', '<>', 'closed');
  if (!office) query = query.where('s.department_code', '=', department ?? '');
  const assessments = await query.orderBy('a.id').execute();
  if (assessments.length === 0) return [];
  const recommendations = await reader
    .selectFrom('assessments_recommendations as r')
    .select([
      'r.assessment_id',
      'r.response',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('assessments_revisions as v')
              .select('v.id')
              .whereRef('v.recommendation_id', '=', 'r.id'),
          )
          .as('revised'),
    ])
    .where(
      'r.assessment_id',
      'in',
      assessments.map((row) => row.id),
    )
    .execute();
  const items: WorkItem[] = [];
  for (const row of assessments) {
    const mine = recommendations.filter((r) => r.assessment_id === row.id);
    const unanswered = mine.filter((r) => r.response === null).length;
    const unrevised = mine.filter(
      (r) => (r.response === 'accepted' || r.response === 'partly') && !r.revised,
    ).length;
    const departmentOwes =
      (row.step === 'response' && unanswered > 0) || (row.step === 'revision' && unrevised > 0);
    const base = {
      module: 'assessments',
      title: bilingual(`${row.title} (${row.year})`, `${row.title} (${row.year})`),
      departmentCode: row.department_code,
      dueOn: null,
      path: assessmentPath(row.id),
    };
    if (office) {
      const action = officeSteps[row.step];
      if (!action || departmentOwes) continue;
      items.push(
        workItem(
          { ...base, key: `assessments:${row.id}:${row.step}:office`, kind: 'assessments.move_on', action },
          today,
        ),
      );
    } else if (departmentOwes) {
      const responding = row.step === 'response';
      items.push(
        workItem(
          {
            ...base,
            key: `assessments:${row.id}:${row.step}:${row.department_code}`,
            kind: responding ? 'assessments.respond' : 'assessments.record_revisions',
            action: responding
              ? bilingual(
                  `권고 ${unanswered}건에 회신하기`,
                  `Answer ${unanswered} recommendation${unanswered === 1 ? '' : 's'}`,
                )
              : bilingual(
                  `수용한 권고 ${unrevised}건의 개선 내용 기록하기`,
                  `Record the revisions for ${unrevised} accepted recommendation${unrevised === 1 ? '' : 's'}`,
                ),
          },
          today,
        ),
      );
    }
  }
  return items;
}
