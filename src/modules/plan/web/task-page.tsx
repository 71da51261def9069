/**
 * A task in public: progress, status, budget, departments, target and description, its sub-tasks,
 * and its timeline (milestones and accepted reports, oldest first) as an ordered list.
 */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { Loaded, Notice, Page } from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { PublicTask } from '../contract.ts';
import { planText } from './messages.ts';
import { taskPath, yearPath } from './paths.ts';
import { LinkedRecommendations } from './recommendations-section.tsx';
import { useFormats } from './shared.tsx';
import './plan.css';

function TaskView({ task }: { task: PublicTask }) {
  const t = useText(planText);
  const language = useLanguage();
  const format = useFormats();
  const name = (code: string) => task.departmentNames[code]?.[language] ?? code;
  return (
    <>
      <p>
        <Link to={yearPath(task.year)}>{t('backToYear', { year: task.year })}</Link>
      </p>
      <dl className="definition-list">
        <dt>{t('progress')}</dt>
        <dd>{format.percent(task.progress)}</dd>
        <dt>{t('status')}</dt>
        <dd>{format.status(task.statuses, task.statusCode)}</dd>
        <dt>{t('area')}</dt>
        <dd>{task.areaName ? task.areaName[language] : t('none')}</dd>
        <dt>{t('department')}</dt>
        <dd>{name(task.leadDepartment)}</dd>
        <dt>{t('cooperating')}</dt>
        <dd>
          {task.cooperatingDepartments.length ? task.cooperatingDepartments.map(name).join(', ') : t('none')}
        </dd>
        <dt>{t('budgetPlanned')}</dt>
        <dd>{format.won(task.budgetPlanned)}</dd>
        <dt>{t('budgetExecuted')}</dt>
        <dd>{format.won(task.budgetExecuted)}</dd>
        {task.target ? (
          <>
            <dt>{t('target')}</dt>
            <dd>{task.target[language]}</dd>
          </>
        ) : null}
        {task.indicatorCodes.length ? (
          <>
            <dt>{t('indicators')}</dt>
            <dd>{task.indicatorCodes.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {task.description ? (
        <section className="section" aria-labelledby="description">
          <h2 id="description">{t('description')}</h2>
          <p className="prose">{task.description[language]}</p>
        </section>
      ) : null}
      {task.children.length ? (
        <section className="section" aria-labelledby="sub-tasks">
          <h2 id="sub-tasks">{t('subTasks')}</h2>
          <ul>
            {task.children.map((child) => (
              <li key={child.id}>
                <Link to={taskPath(child.id)}>
                  {child.code} {child.title[language]}
                </Link>{' '}
                ({format.percent(child.progress)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="timeline">
        <h2 id="timeline">{t('timelineTitle')}</h2>
        {task.timeline.length === 0 ? (
          <p>{t('noTimeline')}</p>
        ) : (
          <ol className="plan-timeline">
            {task.timeline.map((entry) => (
              <li key={`${entry.kind}:${entry.date}:${entry.period ?? entry.label.en}`}>
                <span className="plan-timeline__date">{entry.date}</span>
                {entry.kind === 'milestone'
                  ? `${t('milestone')}: ${entry.label[language]}`
                  : t('reportEntry', {
                      period: entry.period ?? '',
                      status: entry.label[language],
                      progress: entry.progress ?? 0,
                    })}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export default function TaskPage() {
  const t = useText(planText);
  const language = useLanguage();
  const { id = '' } = useParams();
  const state = useApiData<PublicTask>(`/plan/tasks/${encodeURIComponent(id)}`);
  const title = state.data
    ? t('taskTitle', { code: state.data.code, title: state.data.title[language] })
    : t('tasksTitle');
  return (
    <Page title={title}>
      {isNotFound(state.error) ? (
        <Notice>{t('notFound')}</Notice>
      ) : (
        <Loaded state={state}>
          {(task) => (
            <>
              <TaskView task={task} />
              <LinkedRecommendations id={String(task.id)} />
            </>
          )}
        </Loaded>
      )}
    </Page>
  );
}
