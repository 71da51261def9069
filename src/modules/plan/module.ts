/**
 * The human rights basic plans and the annual action plan (seed sections 1.1 and 1.3): the plans and
 * the six areas from the dataset, policy tasks with weighted roll-up of progress, department progress
 * reports reviewed by the office, committee comments, the public accountability pages, CSV and .xlsx
 * import and export. Open dataset: `action-plan-tasks`.
 */
import { datasetColumn, type Headline, type ServerModule } from '../../kernel/server/module.ts';
import { containsPattern } from '../../kernel/server/search.ts';
import { registerCli } from './server/cli.ts';
import { seedPlan } from './server/commands/seed-plan.ts';
import { linkableTasks } from './server/linkable.ts';
import { messages } from './server/messages.ts';
import { notificationKinds } from './server/notifications.ts';
import { listPlans, publicYear, summariseYear } from './server/queries.ts';
import { planRoutes } from './server/routes.ts';
import { planDb } from './server/tables.ts';
import { planWork } from './server/work.ts';

export const planModule: ServerModule = {
  name: 'plan',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  work: planWork,
  routes: planRoutes,
  notificationKinds,
  seed: seedPlan,
  seedTables: ['plan_figures'],
  cli: registerCli,
  // Recommendations link to the tasks that implement them (and show their accepted reports).
  linkable: { task: linkableTasks },
  openData: [
    {
      id: 'action-plan-tasks',
      title: { ko: '인권도시 연차별 시행계획 정책과제', en: 'Policy tasks of the annual action plan' },
      description: {
        ko: '연도별 시행계획의 공개 정책과제: 분야, 주관·협조 부서, 예산(계획·집행), 승인된 보고에 따른 상태와 진척도(하위 과제에서 가중 합산).',
        en: "The public policy tasks of each year's action plan: area, lead and cooperating departments, budget planned and executed, status and progress from accepted reports (rolled up from sub-tasks by weight).",
      },
      source: '1.3',
      columns: [
        datasetColumn('year', '시행계획 연도', 'Action plan year'),
        datasetColumn('code', '과제 코드', 'Task code'),
        datasetColumn('parent_code', '상위 과제 코드', 'Parent task code'),
        datasetColumn('area', '분야 코드', 'Area code'),
        datasetColumn('title_ko', '과제명(한국어)', 'Title (Korean)', 'ko'),
        datasetColumn('title_en', '과제명(영어)', 'Title (English)'),
        datasetColumn('lead_department', '주관 부서 코드', 'Lead department code'),
        datasetColumn(
          'cooperating_departments',
          '협조 부서 코드(세미콜론으로 구분)',
          'Cooperating department codes (semicolon-separated)',
        ),
        datasetColumn('budget_planned', '계획 예산(원)', 'Budget planned (KRW)'),
        datasetColumn('budget_executed', '집행 예산(원)', 'Budget executed (KRW)'),
        datasetColumn('status', '상태 코드', 'Status code'),
        datasetColumn('progress', '진척도(%)', 'Progress (%)'),
        datasetColumn('is_sample', '예시 자료 여부', 'Sample record'),
      ],
      async rows(db) {
        const plan = planDb(db);
        const years = await plan.selectFrom('plan_tasks').select('year').distinct().orderBy('year').execute();
        const rows: Record<string, unknown>[] = [];
        for (const { year } of years) {
          const tasks = (await summariseYear(plan, year)).filter((task) => task.isPublic);
          const codeOf = new Map(tasks.map((task) => [task.id, task.code]));
          for (const task of tasks) {
            rows.push({
              year,
              code: task.code,
              parent_code: task.parentId === null ? null : (codeOf.get(task.parentId) ?? null),
              area: task.areaCode,
              title_ko: task.title.ko,
              title_en: task.title.en,
              lead_department: task.leadDepartment,
              cooperating_departments: task.cooperatingDepartments.join(';'),
              budget_planned: task.budgetPlanned,
              budget_executed: task.budgetExecuted,
              status: task.statusCode,
              progress: task.progress,
              is_sample: task.isSample,
            });
          }
        }
        return rows;
      },
      // A hundred and more tasks: the table lists them; bars of each one's progress would say nothing.
      report: { part: 'systems', order: 30, chart: false },
    },
  ],
  async headlines(db): Promise<Headline[]> {
    const { years } = await listPlans(planDb(db));
    const latest = years[years.length - 1];
    if (latest === undefined) return [];
    const view = await publicYear(planDb(db), latest);
    if (!view) return [];
    return [
      {
        id: 'plan-action-plan-tasks',
        label: { ko: `${latest}년 시행계획 공개 과제 수`, en: `Public tasks of the ${latest} action plan` },
        value: view.taskCount,
        unit: { ko: '개', en: 'tasks' },
        asOf: String(latest),
        path: `/plan/${latest}`,
        order: 30,
      },
      {
        id: 'plan-action-plan-progress',
        label: {
          ko: `${latest}년 시행계획 평균 진척도`,
          en: `Average progress of the ${latest} action plan`,
        },
        value: view.progress,
        unit: { ko: '%', en: '%' },
        asOf: String(latest),
        path: `/plan/${latest}`,
        order: 31,
      },
    ];
  },
  async publicSearch(db, query, limit) {
    const needle = containsPattern(query);
    const rows = await planDb(db)
      .selectFrom('plan_tasks')
      .select(['id', 'year', 'code', 'title_ko', 'title_en'])
      .where('is_public', '=', true)
      .where((eb) => eb.or([eb('title_ko', 'ilike', needle), eb('title_en', 'ilike', needle)]))
      .orderBy('year', 'desc')
      .orderBy('code')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      recordType: 'task',
      title: { ko: row.title_ko, en: row.title_en },
      summary: {
        ko: `${row.year}년 시행계획 과제 ${row.code}`,
        en: `Task ${row.code} of the ${row.year} action plan`,
      },
      path: `/plan/tasks/${row.id}`,
    }));
  },
};
