/**
 * What the city does towards one goal: the local agendas mapped to it, its targets, and every public
 * record of any module tagged with the goal or a target, grouped under the module's title.
 */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useWebModules } from '../../../kernel/web/module.ts';
import { NotFoundPage } from '../../../kernel/web/shell/status-pages.tsx';
import {
  type Column,
  DataTable,
  formatNumber,
  Loaded,
  Localized,
  Notice,
  Page,
} from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { GoalPage as GoalPageData } from '../contract.ts';
import { sdgText } from './messages.ts';
import { agendasPath, goalsPath } from './paths.ts';

type AgendaRow = GoalPageData['agendas'][number];
type TargetRow = GoalPageData['targets'][number];

function Records({ data }: { data: GoalPageData }) {
  const t = useText(sdgText);
  const language = useLanguage();
  const modules = useWebModules();
  if (data.modules.length === 0) return <Notice>{t('noRecords')}</Notice>;
  return (
    <>
      {data.modules.map((group) => {
        const module = modules.find((candidate) => candidate.name === group.module);
        const headingId = `records-${group.module}`;
        return (
          <section key={group.module} aria-labelledby={headingId}>
            <h3 id={headingId}>
              {t('recordsOfModule', {
                module: module ? module.title[language] : group.module,
                count: group.records.length,
              })}
            </h3>
            <ul>
              {group.records.map((record) => (
                <li key={`${record.recordType}/${record.recordId}`}>
                  <Link to={record.path}>
                    <Localized text={record.title} />
                  </Link>{' '}
                  <span className="meta">
                    {t('taggedWith', { terms: record.terms.join(', ') })}
                    {record.isSample ? ` (${t('sample')})` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export default function GoalPage() {
  const t = useText(sdgText);
  const language = useLanguage();
  const { goal = '' } = useParams();
  const state = useApiData<GoalPageData>(`/sdg/goals/${encodeURIComponent(goal)}`);
  if (isNotFound(state.error)) return <NotFoundPage />;
  const term = state.data?.goal;
  const title = term ? t('goalTitle', { goal: term.goal, name: term.name[language] }) : t('goal');
  const agendaColumns: Column<AgendaRow>[] = [
    { key: 'phase', header: t('phase'), cell: (row) => row.phaseName[language] },
    {
      key: 'agenda',
      header: t('agenda'),
      rowHeader: true,
      cell: (row) => (
        <Link to={`${agendasPath}#agenda-${row.number}`}>
          {row.number} {row.name[language]}
        </Link>
      ),
    },
    { key: 'tasks', header: t('tasks'), numeric: true, cell: (row) => formatNumber(row.tasks) },
    {
      key: 'indicators',
      header: t('indicators'),
      numeric: true,
      cell: (row) => formatNumber(row.indicators),
    },
  ];
  const targetColumns: Column<TargetRow>[] = [
    { key: 'code', header: t('target'), cell: (row) => row.code },
    {
      key: 'name',
      header: t('target'),
      rowHeader: true,
      cell: (row) => <Localized text={row.name} englishOnly={row.koMissing} />,
    },
    { key: 'records', header: t('recordCount'), numeric: true, cell: (row) => formatNumber(row.recordCount) },
  ];
  return (
    <Page title={title}>
      <p>
        <Link to={goalsPath}>{t('backToGoals')}</Link>
      </p>
      <Loaded state={state}>
        {(data) => (
          <>
            {data.goal.description ? (
              <p className="prose">
                <Localized text={data.goal.description} englishOnly={data.goal.koMissing} />
              </p>
            ) : null}
            <section className="section" aria-labelledby="goal-agendas">
              <h2 id="goal-agendas">{t('goalAgendasTitle')}</h2>
              <DataTable
                caption={t('goalAgendasCaption', { goal: data.goal.goal })}
                columns={agendaColumns}
                rows={data.agendas}
                rowKey={(row) => `${row.phase}-${row.number}`}
                empty={t('noAgendas')}
              />
            </section>
            <section className="section" aria-labelledby="goal-records">
              <h2 id="goal-records">{t('recordsTitle')}</h2>
              <Records data={data} />
            </section>
            <section className="section" aria-labelledby="goal-targets">
              <h2 id="goal-targets">{t('targetsTitle')}</h2>
              <DataTable
                caption={t('targetsCaption', { goal: data.goal.goal })}
                columns={targetColumns}
                rows={data.targets}
                rowKey={(row) => row.code}
              />
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
