/**
 * Reads shared by the plan's commands and routes: tasks with their rolled-up progress, the status
 * list (defaults in code, overrides in the table), a year's reporting periods, departments' names,
 * and the public views of a year and of a task.
 */

import type { Kysely, Selectable } from 'kysely';
import { clock } from '../../../kernel/server/city/clock.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { describeFiles, type StoredFile } from '../../../kernel/server/files/index.ts';
import { termNames } from '../../../kernel/server/vocabularies/queries.ts';
import type { Bilingual } from '../../../kernel/shared/language.ts';
import type {
  Comment,
  Plans,
  PublicTask,
  PublicYear,
  Report,
  ReportFile,
  Status,
  TaskSummary,
} from '../contract.ts';
import {
  defaultPeriodsPerYear,
  type PeriodsPerYear,
  type ReportingPeriod,
  reportingPeriods,
  rollUpProgress,
} from './progress.ts';
import type { PlanTables } from './tables.ts';

type Reader = Kysely<PlanTables>;
/** The list an administrator starts from; a row in `plan_statuses` with the same code overrides one. */
export const defaultStatuses: readonly Status[] = [
  { code: 'not-started', name: { ko: '착수 전', en: 'Not started' }, progress: 0, sortOrder: 10, version: 0 },
  { code: 'started', name: { ko: '착수', en: 'Started' }, progress: 25, sortOrder: 20, version: 0 },
  {
    code: 'in-progress',
    name: { ko: '추진 중', en: 'In progress' },
    progress: 50,
    sortOrder: 30,
    version: 0,
  },
  {
    code: 'advanced',
    name: { ko: '마무리 단계', en: 'Nearly complete' },
    progress: 75,
    sortOrder: 40,
    version: 0,
  },
  { code: 'completed', name: { ko: '완료', en: 'Completed' }, progress: 100, sortOrder: 50, version: 0 },
];

export async function listStatuses(db: Reader): Promise<Status[]> {
  const rows = await db.selectFrom('plan_statuses').selectAll().execute();
  const byCode = new Map(defaultStatuses.map((status) => [status.code, status]));
  for (const row of rows) {
    byCode.set(row.code, {
      code: row.code,
      name: { ko: row.name_ko, en: row.name_en },
      progress: row.progress,
      sortOrder: row.sort_order,
      version: row.version,
    });
  }
  return [...byCode.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}

export async function loadTask(db: Reader, id: number, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('plan_tasks').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const task = await query.executeTakeFirst();
  if (!task) throw notFound();
  return task;
}

export async function yearPeriods(
  db: Reader,
  year: number,
): Promise<{ perYear: PeriodsPerYear; periods: ReportingPeriod[] }> {
  const row = await db
    .selectFrom('plan_years')
    .select('periods_per_year')
    .where('year', '=', year)
    .executeTakeFirst();
  const perYear = (row?.periods_per_year ?? defaultPeriodsPerYear) as PeriodsPerYear;
  return { perYear, periods: reportingPeriods(year, perYear) };
}

type TaskSelection = Awaited<ReturnType<typeof loadTask>>;

/** Every task of `year` with its progress rolled up and its latest accepted status and budget. */
export async function summariseYear(db: Reader, year: number): Promise<TaskSummary[]> {
  const tasks = await db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('year', '=', year)
    .orderBy('code')
    .execute();
  return summarise(db, tasks);
}

export async function summarise(db: Reader, tasks: readonly TaskSelection[]): Promise<TaskSummary[]> {
  if (tasks.length === 0) return [];
  const ids = tasks.map((task) => task.id);
  const accepted = await db
    .selectFrom('plan_reports')
    .select(['task_id', 'status_code', 'progress', 'budget_executed'])
    .distinctOn('task_id')
    .where('state', '=', 'accepted')
    .where('task_id', 'in', ids)
    .orderBy('task_id')
    .orderBy('reviewed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map(accepted.map((report) => [report.task_id, report]));
  const progress = rollUpProgress(
    tasks.map((task) => ({
      id: task.id,
      parentId: task.parent_id,
      weight: task.weight,
      ownProgress: latest.get(task.id)?.progress ?? null,
    })),
  );
  const childCount = new Map<number, number>();
  for (const task of tasks) {
    if (task.parent_id !== null) childCount.set(task.parent_id, (childCount.get(task.parent_id) ?? 0) + 1);
  }
  return tasks.map((task) => ({
    id: task.id,
    year: task.year,
    code: task.code,
    parentId: task.parent_id,
    areaCode: task.area_code,
    title: { ko: task.title_ko, en: task.title_en },
    leadDepartment: task.lead_department,
    cooperatingDepartments: task.cooperating_departments,
    budgetPlanned: task.budget_planned === null ? null : Number(task.budget_planned),
    budgetExecuted: numberOrNull(latest.get(task.id)?.budget_executed),
    progress: progress.get(task.id) ?? 0,
    statusCode: latest.get(task.id)?.status_code ?? null,
    weight: task.weight,
    childCount: childCount.get(task.id) ?? 0,
    isPublic: task.is_public,
    isSample: task.is_sample,
  }));
}

function numberOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** The evidence files of each report, in the order attached; a report without files has no entry. */
export async function reportFiles(
  db: Reader,
  reportIds: readonly number[],
): Promise<Map<number, ReportFile[]>> {
  const files = new Map<number, ReportFile[]>();
  if (reportIds.length === 0) return files;
  const links = await db
    .selectFrom('plan_report_files')
    .select(['report_id', 'file_id'])
    .where('report_id', 'in', [...reportIds])
    .orderBy('report_id')
    .orderBy('position')
    .execute();
  const described = new Map(
    (await describeFiles(db as Kysely<object>, [...new Set(links.map((link) => link.file_id))])).map(
      (file) => [file.id, file],
    ),
  );
  for (const link of links) {
    const file = described.get(link.file_id);
    if (file) files.set(link.report_id, [...(files.get(link.report_id) ?? []), presentFile(file)]);
  }
  return files;
}

export function presentFile({ id, name, contentType, sizeBytes, createdAt }: StoredFile): ReportFile {
  return { id, name, contentType, sizeBytes, createdAt };
}

export function presentReport(
  row: Selectable<PlanTables['plan_reports']>,
  files: readonly ReportFile[] = [],
): Report {
  return {
    id: row.id,
    period: row.period,
    revision: row.revision,
    state: row.state,
    statusCode: row.status_code,
    progress: row.progress,
    narrative: row.narrative,
    budgetExecuted: numberOrNull(row.budget_executed),
    nextSteps: row.next_steps,
    evidenceLinks: row.evidence_links,
    files: [...files],
    submittedAt: new Date(row.submitted_at).toISOString(),
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
    reviewComment: row.review_comment,
  };
}

export async function listComments(
  db: Reader,
  target: { taskId: number } | { year: number },
): Promise<Comment[]> {
  let query = db.selectFrom('plan_comments').selectAll();
  query =
    'taskId' in target ? query.where('task_id', '=', target.taskId) : query.where('year', '=', target.year);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    answerTo: row.answer_to,
    authorRole: row.author_role,
    body: row.body,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

export async function listPlans(db: Reader): Promise<Plans> {
  const plans = await db.selectFrom('plan_basic_plans').selectAll().orderBy('edition').execute();
  const areas = await db.selectFrom('plan_areas').selectAll().orderBy('number').execute();
  const figures = await db
    .selectFrom('plan_figures as p')
    .innerJoin('seed_figures as f', 'f.id', 'p.figure_id')
    .select(['p.basic_plan', 'p.key', 'f.value', 'f.section', 'f.quote'])
    .orderBy('p.key')
    .execute();
  const years = await db
    .selectFrom('plan_tasks')
    .select('year')
    .distinct()
    .where('is_public', '=', true)
    .orderBy('year')
    .execute();
  return {
    plans: plans.map((plan) => ({
      code: plan.code,
      edition: plan.edition,
      name: { ko: plan.name_ko, en: plan.name_en },
      startYear: plan.start_year,
      endYear: plan.end_year,
      established: plan.established,
      basis: { ko: plan.basis_ko, en: plan.basis_en },
      sourceSection: plan.source_section,
      note: plan.note,
      areas: areas
        .filter((area) => area.basic_plan === plan.code)
        .map((area) => ({
          code: area.code,
          number: area.number,
          name: { ko: area.name_ko, en: area.name_en },
          note: area.note,
        })),
      figures: figures
        .filter((figure) => figure.basic_plan === plan.code)
        .map((figure) => ({
          key: figure.key,
          value: Number(figure.value),
          section: figure.section,
          quote: figure.quote,
        })),
    })),
    years: years.map((row) => row.year),
  };
}

function group(
  tasks: readonly TaskSummary[],
  keyOf: (task: TaskSummary) => string | null,
  nameOf: (code: string) => Bilingual,
) {
  const groups = new Map<string, TaskSummary[]>();
  for (const task of tasks) {
    const key = keyOf(task);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  return [...groups.entries()].map(([code, members]) => ({
    code,
    name: nameOf(code),
    taskCount: members.length,
    progress: weightedMean(members),
    budgetPlanned: members.reduce((sum, task) => sum + (task.budgetPlanned ?? 0), 0),
    budgetExecuted: members.reduce((sum, task) => sum + (task.budgetExecuted ?? 0), 0),
  }));
}

function weightedMean(tasks: readonly TaskSummary[]): number {
  const weight = tasks.reduce((sum, task) => sum + task.weight, 0);
  if (weight === 0) return 0;
  return Math.round((tasks.reduce((sum, task) => sum + task.progress * task.weight, 0) / weight) * 10) / 10;
}

/**
 * The public accountability view of a year's action plan: public tasks only. Groups and totals count
 * top-level tasks, so that a parent and its children are not counted twice.
 */
export async function publicYear(db: Reader, year: number): Promise<PublicYear | undefined> {
  const all = await summariseYear(db, year);
  const tasks = all.filter((task) => task.isPublic);
  if (tasks.length === 0) return undefined;
  const publicIds = new Set(tasks.map((task) => task.id));
  const roots = tasks.filter((task) => task.parentId === null || !publicIds.has(task.parentId));
  const [areas, departments, plan, statuses] = await Promise.all([
    db.selectFrom('plan_areas').selectAll().execute(),
    termNames(db, 'departments'),
    db
      .selectFrom('plan_basic_plans')
      .select(['code', 'name_ko', 'name_en'])
      .where('start_year', '<=', year)
      .where('end_year', '>=', year)
      .executeTakeFirst(),
    listStatuses(db),
  ]);
  const areaNames = new Map(areas.map((area) => [area.code, { ko: area.name_ko, en: area.name_en }]));
  const areaOrder = new Map(areas.map((area) => [area.code, area.number]));
  const byArea = group(
    roots,
    (task) => task.areaCode,
    (code) => areaNames.get(code) ?? { ko: code, en: code },
  );
  byArea.sort((a, b) => (areaOrder.get(a.code) ?? 0) - (areaOrder.get(b.code) ?? 0));
  const byDepartment = group(
    roots,
    (task) => task.leadDepartment,
    (code) => departments.get(code) ?? { ko: code, en: code },
  );
  byDepartment.sort((a, b) => a.code.localeCompare(b.code));
  return {
    year,
    basicPlan: plan ? { code: plan.code, name: { ko: plan.name_ko, en: plan.name_en } } : null,
    taskCount: tasks.length,
    progress: weightedMean(roots),
    budgetPlanned: roots.reduce((sum, task) => sum + (task.budgetPlanned ?? 0), 0),
    budgetExecuted: roots.reduce((sum, task) => sum + (task.budgetExecuted ?? 0), 0),
    byArea,
    byDepartment,
    tasks: tasks.map(({ isPublic: _public, ...task }) => task),
    departmentNames: Object.fromEntries(
      tasks.map((task) => [
        task.leadDepartment,
        departments.get(task.leadDepartment) ?? { ko: task.leadDepartment, en: task.leadDepartment },
      ]),
    ),
    areaNames: Object.fromEntries(areaNames),
    statuses,
  };
}

/** A public task's page: its summary, milestones and accepted reports as one timeline, its children. */
export async function publicTask(db: Reader, id: number): Promise<PublicTask | undefined> {
  const task = await db
    .selectFrom('plan_tasks')
    .selectAll()
    .where('id', '=', id)
    .where('is_public', '=', true)
    .executeTakeFirst();
  if (!task) return undefined;
  const summaries = await summariseYear(db, task.year);
  const summary = summaries.find((entry) => entry.id === id);
  if (!summary) return undefined;
  const reports = await db
    .selectFrom('plan_reports')
    .select(['period', 'progress', 'status_code', 'reviewed_at'])
    .where('task_id', '=', id)
    .where('state', '=', 'accepted')
    .orderBy('reviewed_at')
    .execute();
  const [statuses, departments, area] = await Promise.all([
    listStatuses(db),
    termNames(db, 'departments'),
    task.area_code
      ? db
          .selectFrom('plan_areas')
          .select(['name_ko', 'name_en'])
          .where('code', '=', task.area_code)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const statusName = (code: string) =>
    statuses.find((status) => status.code === code)?.name ?? { ko: code, en: code };
  const timeline: PublicTask['timeline'] = [
    ...task.milestones.map((milestone) => ({
      date: milestone.date,
      kind: 'milestone' as const,
      label: { ko: milestone.ko, en: milestone.en },
      period: null,
      progress: null,
      statusCode: null,
    })),
    ...reports.map((report) => ({
      date: clock().dateOf(report.reviewed_at ?? clock().now()),
      kind: 'report' as const,
      label: statusName(report.status_code),
      period: report.period,
      progress: report.progress,
      statusCode: report.status_code,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const { isPublic: _public, ...rest } = summary;
  const codes = [task.lead_department, ...task.cooperating_departments];
  return {
    ...rest,
    description:
      task.description_ko && task.description_en
        ? { ko: task.description_ko, en: task.description_en }
        : null,
    target: task.target_ko && task.target_en ? { ko: task.target_ko, en: task.target_en } : null,
    indicatorCodes: task.indicator_codes,
    areaName: area ? { ko: area.name_ko, en: area.name_en } : null,
    departmentNames: Object.fromEntries(
      codes.map((code) => [code, departments.get(code) ?? { ko: code, en: code }]),
    ),
    timeline,
    children: summaries
      .filter((entry) => entry.parentId === id && entry.isPublic)
      .map((entry) => ({ id: entry.id, code: entry.code, title: entry.title, progress: entry.progress })),
    statuses,
  };
}
