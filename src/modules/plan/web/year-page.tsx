/**
 * A year's action plan in public: the headline figures, progress by area and by department and the
 * budget planned against executed (each a bar chart with its table), then every public task with its
 * progress and status, each linking to its timeline.
 */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, Loaded, Notice, Page } from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { ProgressGroup, PublicYear } from '../contract.ts';
import { BarChart } from './bar-chart.tsx';
import { planText } from './messages.ts';
import { plansPath, taskPath } from './paths.ts';
import { useFormats } from './shared.tsx';
import './plan.css';

type Task = PublicYear['tasks'][number];

function ProgressChart({
  id,
  title,
  itemLabel,
  groups,
}: {
  id: string;
  title: string;
  itemLabel: string;
  groups: ProgressGroup[];
}) {
  const t = useText(planText);
  const language = useLanguage();
  const format = useFormats();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <BarChart
        title={title}
        itemLabel={itemLabel}
        series={[t('progressAxis')]}
        max={100}
        format={format.percent}
        bars={groups.map((group) => ({
          key: group.code,
          label: group.name[language],
          values: [group.progress],
        }))}
      />
    </section>
  );
}

function YearView({ view }: { view: PublicYear }) {
  const t = useText(planText);
  const language = useLanguage();
  const format = useFormats();
  const figures = [
    { key: 'tasks', label: t('taskCount'), value: String(view.taskCount) },
    { key: 'progress', label: t('averageProgress'), value: format.percent(view.progress) },
    { key: 'planned', label: t('budgetPlanned'), value: format.won(view.budgetPlanned) },
    { key: 'executed', label: t('budgetExecuted'), value: format.won(view.budgetExecuted) },
  ];
  const columns: Column<Task>[] = [
    { key: 'code', header: t('code'), cell: (task) => task.code, sortValue: (task) => task.code },
    {
      key: 'title',
      header: t('title'),
      rowHeader: true,
      cell: (task) => (
        <>
          <Link to={taskPath(task.id)}>{task.title[language]}</Link>
          {task.isSample ? <span className="meta"> {t('sample')}</span> : null}
        </>
      ),
    },
    {
      key: 'area',
      header: t('area'),
      cell: (task) =>
        task.areaCode ? (view.areaNames[task.areaCode]?.[language] ?? task.areaCode) : t('none'),
    },
    {
      key: 'department',
      header: t('department'),
      cell: (task) => view.departmentNames[task.leadDepartment]?.[language] ?? task.leadDepartment,
    },
    { key: 'status', header: t('status'), cell: (task) => format.status(view.statuses, task.statusCode) },
    {
      key: 'progress',
      header: t('progress'),
      numeric: true,
      cell: (task) => format.percent(task.progress),
      sortValue: (task) => task.progress,
    },
    {
      key: 'planned',
      header: t('budgetPlanned'),
      numeric: true,
      cell: (task) => format.won(task.budgetPlanned),
    },
    {
      key: 'executed',
      header: t('budgetExecuted'),
      numeric: true,
      cell: (task) => format.won(task.budgetExecuted),
    },
  ];
  return (
    <>
      {view.basicPlan ? <p>{t('basicPlanOf', { name: view.basicPlan.name[language] })}</p> : null}
      <ul className="card-list">
        {figures.map((figure) => (
          <li key={figure.key} className="card">
            <p className="figure-card__value">{figure.value}</p>
            <p className="figure-card__label">{figure.label}</p>
          </li>
        ))}
      </ul>
      <ProgressChart id="by-area" title={t('byAreaTitle')} itemLabel={t('area')} groups={view.byArea} />
      <ProgressChart
        id="by-department"
        title={t('byDepartmentTitle')}
        itemLabel={t('department')}
        groups={view.byDepartment}
      />
      <section className="section" aria-labelledby="budget">
        <h2 id="budget">{t('budgetTitle')}</h2>
        <BarChart
          title={t('budgetTitle')}
          itemLabel={t('area')}
          series={[t('budgetPlanned'), t('budgetExecuted')]}
          format={(value) => format.won(value)}
          bars={view.byArea.map((group) => ({
            key: group.code,
            label: group.name[language],
            values: [group.budgetPlanned, group.budgetExecuted],
          }))}
        />
      </section>
      <section className="section" aria-labelledby="tasks">
        <h2 id="tasks">{t('tasksTitle')}</h2>
        <DataTable
          caption={t('tasksTitle')}
          columns={columns}
          rows={view.tasks}
          rowKey={(task) => String(task.id)}
        />
      </section>
    </>
  );
}

export default function YearPage() {
  const t = useText(planText);
  const { year = '' } = useParams();
  const state = useApiData<PublicYear>(`/plan/years/${encodeURIComponent(year)}`);
  return (
    <Page title={t('yearTitle', { year })} lead={<p className="prose">{t('yearLead')}</p>}>
      <p>
        <Link to={plansPath}>{t('backToPlans')}</Link>
      </p>
      {isNotFound(state.error) ? (
        <Notice>{t('notFound')}</Notice>
      ) : (
        <Loaded state={state}>{(view) => <YearView view={view} />}</Loaded>
      )}
    </Page>
  );
}
