/**
 * The local agenda as the seed document gives it: Table 6 (Agenda 21, phases I–IV) and Table 7 (the
 * 5th Agenda, each agenda linked to the pages of the UN goals it serves), with Table 7's totals.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Agenda, Agendas, Phase } from '../contract.ts';
import { sdgText } from './messages.ts';
import { goalPath } from './paths.ts';

function Table6({ phases }: { phases: Phase[] }) {
  const t = useText(sdgText);
  const language = useLanguage();
  const columns: Column<Phase>[] = [
    {
      key: 'phase',
      header: t('phase'),
      rowHeader: true,
      cell: (row) => (
        <>
          {row.name[language]} ({t('period', { start: row.startYear, end: row.endYear })})
        </>
      ),
    },
    { key: 'aa', header: t('agendasAreas'), cell: (row) => `${row.statedAgendas}/${row.statedAreas}` },
    {
      key: 'systems',
      header: t('systems'),
      cell: (row) => (
        <ul className="sdg-cell-list">
          {row.systems.map((system) => (
            <li key={system.en}>{system[language]}</li>
          ))}
        </ul>
      ),
    },
    {
      key: 'areas',
      header: t('majorAreas'),
      cell: (row) => (
        <ul className="sdg-cell-list">
          {row.areas.map((area) => (
            <li key={area.code}>
              {t('areaWithCount', { name: area.name[language], count: area.statedAgendas ?? '' })}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('table6Caption')}
      columns={columns}
      rows={phases}
      rowKey={(row) => String(row.phase)}
    />
  );
}

type AgendaRow = Agenda & { areaName: string };

function Table7({ phase }: { phase: Phase }) {
  const t = useText(sdgText);
  const language = useLanguage();
  const rows: AgendaRow[] = phase.areas.flatMap((area) =>
    area.agendas.map((agenda) => ({ ...agenda, areaName: area.name[language] })),
  );
  const columns: Column<AgendaRow>[] = [
    // Every row names its area (the printed table names it once per group), so that a row read alone says it.
    { key: 'area', header: t('area'), cell: (row) => row.areaName },
    {
      key: 'agenda',
      header: t('agenda'),
      rowHeader: true,
      cell: (row) => `${row.number} ${row.name[language]}`,
    },
    { key: 'tasks', header: t('tasks'), numeric: true, cell: (row) => formatNumber(row.tasks) },
    {
      key: 'indicators',
      header: t('indicators'),
      numeric: true,
      cell: (row) => formatNumber(row.indicators),
    },
    {
      key: 'goals',
      header: t('unSdgs'),
      cell: (row) => (
        <ul className="sdg-cell-list">
          {row.unSdgs.map((goal) => (
            <li key={goal.goal}>
              <Link to={goalPath(goal.goal)}>
                {language === 'en' ? goal.label : `${goal.goal} ${goal.name.ko}`}
              </Link>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <>
      <DataTable
        caption={t('table7Caption', { start: phase.startYear, end: phase.endYear })}
        columns={columns}
        rows={rows}
        rowKey={(row) => String(row.number)}
        rowId={(row) => `agenda-${row.number}`}
      />
      <h3>{t('totalsTitle')}</h3>
      <dl className="definition-list">
        <dt>{t('totalAgendas')}</dt>
        <dd>{t('count', { count: formatNumber(phase.totals.agendas) })}</dd>
        <dt>{t('totalTasks')}</dt>
        <dd>{t('count', { count: formatNumber(phase.totals.tasks) })}</dd>
        <dt>{t('totalIndicators')}</dt>
        <dd>{t('count', { count: formatNumber(phase.totals.indicators) })}</dd>
      </dl>
    </>
  );
}

export default function AgendasPage() {
  const t = useText(sdgText);
  const state = useApiData<Agendas>('/sdg/agendas');
  return (
    <Page title={t('agendasTitle')} lead={<p>{t('agendasLead')}</p>}>
      <Loaded state={state}>
        {({ phases }) => (
          <>
            <section className="section" aria-labelledby="table-6">
              <h2 id="table-6">{t('table6Caption')}</h2>
              <Table6 phases={phases.filter((phase) => phase.sourceTable === 'Table 6')} />
            </section>
            {phases
              .filter((phase) => phase.sourceTable !== 'Table 6')
              .map((phase) => (
                <section key={phase.phase} className="section" aria-labelledby={`phase-${phase.phase}`}>
                  <h2 id={`phase-${phase.phase}`}>
                    {t('table7Caption', { start: phase.startYear, end: phase.endYear })}
                  </h2>
                  <Table7 phase={phase} />
                </section>
              ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}
