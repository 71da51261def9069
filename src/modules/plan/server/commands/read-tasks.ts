/**
 * What staff read: the tasks of a year they may see (a department only those it leads or cooperates
 * on), one task with its report history, periods and comments, and the overdue reports per department.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { termNames } from '../../../../kernel/server/vocabularies/queries.ts';
import { listTags } from '../../../../kernel/server/vocabularies/tags.ts';
import { type TaskDetail, type TaskSummary, taskTagVocabularies } from '../../contract.ts';
import { isOffice, mayComment, mayRead, mayReport, requireRead } from '../policy.ts';
import { overduePeriods } from '../progress.ts';
import {
  listComments,
  loadTask,
  presentReport,
  reportFiles,
  summariseYear,
  yearPeriods,
} from '../queries.ts';
import { planDb } from '../tables.ts';
import { taskRecord } from './save-tasks.ts';

const ownership = (task: TaskSummary) => ({
  lead_department: task.leadDepartment,
  cooperating_departments: task.cooperatingDepartments,
});

export async function listTasksFor(db: Db, user: SessionUser, year: number): Promise<TaskSummary[]> {
  const tasks = await summariseYear(planDb(db), year);
  return tasks.filter((task) => mayRead(user, ownership(task)));
}

export async function readTask(db: Db, user: SessionUser, id: number, now = new Date()): Promise<TaskDetail> {
  const plan = planDb(db);
  const task = await loadTask(plan, id);
  requireRead(user, task);
  const summaries = await summariseYear(plan, task.year);
  const summary = summaries.find((entry) => entry.id === id) as TaskSummary;
  const [reportRows, { periods }, comments, tags] = await Promise.all([
    plan
      .selectFrom('plan_reports')
      .selectAll()
      .where('task_id', '=', id)
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    yearPeriods(plan, task.year),
    listComments(plan, { taskId: id }),
    listTags(db, taskRecord(id)),
  ]);
  const files = await reportFiles(
    plan,
    reportRows.map((report) => report.id),
  );
  const isLeaf = summary.childCount === 0;
  const overdue = new Set(
    isLeaf ? overduePeriods(periods, reportRows, now).map((period) => period.code) : [],
  );
  const latestState = (code: string) =>
    reportRows.filter((report) => report.period === code).sort((a, b) => b.revision - a.revision)[0]?.state ??
    null;
  return {
    ...summary,
    description:
      task.description_ko && task.description_en
        ? { ko: task.description_ko, en: task.description_en }
        : null,
    target: task.target_ko && task.target_en ? { ko: task.target_ko, en: task.target_en } : null,
    milestones: task.milestones,
    indicatorCodes: task.indicator_codes,
    tags: tags.filter((tag) => (taskTagVocabularies as readonly string[]).includes(tag.vocabulary)),
    parentCode: summaries.find((entry) => entry.id === task.parent_id)?.code ?? null,
    version: task.version,
    reports: reportRows.map((report) => presentReport(report, files.get(report.id))),
    periods: periods.map((period) => ({
      code: period.code,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      state: latestState(period.code),
      overdue: overdue.has(period.code),
    })),
    comments,
    may: {
      edit: isOffice(user),
      report: isLeaf && mayReport(user, task),
      review: isOffice(user),
      comment: mayComment(user),
    },
  };
}

/**
 * The reports missing at `now`, by lead department: for each task without sub-tasks, each period that
 * has ended without a submitted or accepted report. A department sees only its own.
 */
export async function listOverdue(db: Db, user: SessionUser, year: number, now = new Date()) {
  const plan = planDb(db);
  const tasks = (await summariseYear(plan, year)).filter(
    (task) =>
      task.childCount === 0 &&
      (isOffice(user) || user.role === 'committee' || task.leadDepartment === user.departmentCode),
  );
  const { periods } = await yearPeriods(plan, year);
  const reports =
    tasks.length === 0
      ? []
      : await plan
          .selectFrom('plan_reports')
          .select(['task_id', 'period', 'revision', 'state'])
          .where(
            'task_id',
            'in',
            tasks.map((task) => task.id),
          )
          .execute();
  const names = await termNames(plan, 'departments');
  const byDepartment = new Map<
    string,
    {
      taskId: number;
      code: string;
      title: TaskSummary['title'];
      period: { code: string; startsOn: string; endsOn: string };
    }[]
  >();
  for (const task of tasks) {
    const missing = overduePeriods(
      periods,
      reports.filter((report) => report.task_id === task.id),
      now,
    );
    for (const period of missing) {
      const items = byDepartment.get(task.leadDepartment) ?? [];
      items.push({
        taskId: task.id,
        code: task.code,
        title: task.title,
        period: { code: period.code, startsOn: period.startsOn, endsOn: period.endsOn },
      });
      byDepartment.set(task.leadDepartment, items);
    }
  }
  return {
    year,
    departments: [...byDepartment.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, items]) => ({ code, name: names.get(code) ?? { ko: code, en: code }, items })),
  };
}
