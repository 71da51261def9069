/** The 17 UN goals, each with the number of local agendas mapped to it and of records tagged with it. */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { GoalsOverview } from '../contract.ts';
import { sdgText } from './messages.ts';
import { agenda2030Path, agendasPath, comparisonPath, goalPath } from './paths.ts';

type GoalRow = GoalsOverview['goals'][number];

export default function GoalsPage() {
  const t = useText(sdgText);
  const language = useLanguage();
  const state = useApiData<GoalsOverview>('/sdg/goals');
  const columns: Column<GoalRow>[] = [
    { key: 'goal', header: t('goal'), numeric: true, cell: (row) => row.goal },
    {
      key: 'name',
      header: t('goal'),
      rowHeader: true,
      cell: (row) => (
        <Link to={goalPath(row.goal)} lang={row.koMissing && language === 'ko' ? 'en' : undefined}>
          {row.name[language]}
        </Link>
      ),
    },
    {
      key: 'agendas',
      header: t('agendaCount'),
      numeric: true,
      sortValue: (row) => row.agendaCount,
      cell: (row) => formatNumber(row.agendaCount),
    },
    {
      key: 'records',
      header: t('recordCount'),
      numeric: true,
      sortValue: (row) => row.recordCount,
      cell: (row) => formatNumber(row.recordCount),
    },
  ];
  return (
    <Page title={t('goalsTitle')} lead={<p>{t('goalsLead')}</p>}>
      <Loaded state={state}>
        {({ goals }) => (
          <DataTable
            caption={t('goalsCaption')}
            columns={columns}
            rows={goals}
            rowKey={(row) => String(row.goal)}
          />
        )}
      </Loaded>
      <section className="section" aria-labelledby="sdg-more">
        <h2 id="sdg-more">{t('moreTitle')}</h2>
        <ul>
          <li>
            <Link to={agendasPath}>{t('agendasTitle')}</Link>
          </li>
          <li>
            <Link to={agenda2030Path}>{t('agenda2030Title')}</Link>
          </li>
          <li>
            <Link to={comparisonPath}>{t('comparisonTitle')}</Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
