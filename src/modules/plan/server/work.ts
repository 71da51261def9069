/**
 * The action plan's part of My work: a department's progress reports waiting, one per leaf task it
 * leads and reporting period that has begun (this year's and last year's: a year's last period is
 * reported in the next) whose latest report is neither submitted nor accepted (a returned one waits
 * again). Due on the period's last day, as `overduePeriods` counts it. Only the lead department
 * reports, so only it sees the item; the office follows the overdue ones in its per-department view.
 */
import type { Db } from '../../../kernel/server/db.ts';
import type { WorkContext } from '../../../kernel/server/module.ts';
import { workItem } from '../../../kernel/server/work/due-state.ts';
import type { WorkItem } from '../../../kernel/shared/work.ts';
import { staffTaskPath } from '../web/paths.ts';
import { yearPeriods } from './queries.ts';
import { planDb } from './tables.ts';

export async function planWork(db: Db, { user, today }: WorkContext): Promise<WorkItem[]> {
  if (user.role !== 'department' || user.departmentCode === null) return [];
  const plan = planDb(db);
  const thisYear = Number(today.slice(0, 4));
  const tasks = await plan
    .selectFrom('plan_tasks as task')
    .select(['task.id', 'task.year', 'task.code', 'task.title_ko', 'task.title_en', 'task.lead_department'])
    .where('task.lead_department', '=', user.departmentCode)
    .where('task.year', 'in', [thisYear - 1, thisYear])
    // A parent's progress is its children's: only a leaf takes reports.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('plan_tasks as child').select('child.id').whereRef('child.parent_id', '=', 'task.id'),
        ),
      ),
    )
    .orderBy('task.year')
    .orderBy('task.code')
    .execute();
  if (tasks.length === 0) return [];
  const reports = await plan
    .selectFrom('plan_reports')
    .select(['task_id', 'period', 'revision', 'state'])
    .where(
      'task_id',
      'in',
      tasks.map((task) => task.id),
    )
    .execute();
  const latest = new Map<string, { revision: number; state: string }>();
  for (const report of reports) {
    const key = `${report.task_id}:${report.period}`;
    const current = latest.get(key);
    if (!current || report.revision > current.revision) latest.set(key, report);
  }
  const periodsOf = new Map<number, Awaited<ReturnType<typeof yearPeriods>>['periods']>();
  const items: WorkItem[] = [];
  for (const task of tasks) {
    if (!periodsOf.has(task.year)) periodsOf.set(task.year, (await yearPeriods(plan, task.year)).periods);
    for (const period of periodsOf.get(task.year) ?? []) {
      if (period.startsOn > today) continue;
      const state = latest.get(`${task.id}:${period.code}`)?.state;
      if (state === 'submitted' || state === 'accepted') continue;
      items.push(
        workItem(
          {
            key: `plan:${task.id}:report:${period.code}`,
            kind: 'plan.progress_report',
            module: 'plan',
            title: {
              ko: `${task.code} ${task.title_ko} (${period.code})`,
              en: `${task.code} ${task.title_en} (${period.code})`,
            },
            action: {
              ko: state === 'returned' ? '돌려받은 추진 실적 다시 제출하기' : '추진 실적 보고하기',
              en:
                state === 'returned' ? 'Resubmit the returned progress report' : 'Submit the progress report',
            },
            departmentCode: task.lead_department,
            dueOn: period.endsOn,
            path: staffTaskPath(task.id),
          },
          today,
        ),
      );
    }
  }
  return items;
}
