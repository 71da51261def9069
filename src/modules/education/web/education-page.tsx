/**
 * Human rights education for everyone: Table 3 with its bar chart (the table is the chart's data
 * table), coverage by year with the computed and stated rates, participants by year and group, and
 * the public programmes.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Group, Overview, ParticipantsRow } from '../contract.ts';
import { BarChart } from './bar-chart.tsx';
import { CoverageTable } from './coverage-table.tsx';
import { educationText } from './messages.ts';
import { programmePath } from './paths.ts';
import { ProgrammeTable } from './programme-table.tsx';

type Table3Row = { group: Group | undefined; row: ParticipantsRow | null; total: number };

function Table3({ data }: { data: Overview }) {
  const t = useText(educationText);
  const language = useLanguage();
  const { year, rows, total } = data.table3;
  if (year === null) return null;
  const groups = new Map(data.groups.map((group) => [group.code, group]));
  const tableRows: Table3Row[] = [
    ...rows.map((row) => ({ group: groups.get(row.groupCode), row, total })),
    { group: undefined, row: null, total },
  ];
  const columns: Column<Table3Row>[] = [
    {
      key: 'group',
      header: t('group'),
      rowHeader: true,
      cell: (entry) => (entry.row ? (entry.group?.name[language] ?? entry.row.groupCode) : t('total')),
    },
    { key: 'types', header: t('classTypes'), cell: (entry) => entry.group?.classTypes[language] ?? '' },
    {
      key: 'participants',
      header: t('participants'),
      numeric: true,
      cell: (entry) => formatNumber(entry.row ? entry.row.participants : entry.total),
    },
  ];
  return (
    <section className="section" aria-labelledby="table-3">
      <h2 id="table-3">{t('table3Title')}</h2>
      <p className="prose">{t('table3Lead', { year })}</p>
      <BarChart
        title={t('chartTitle', { year })}
        summary={t('chartSummary', {
          count: rows.length,
          max: formatNumber(Math.max(...rows.map((row) => row.participants))),
        })}
        bars={rows.map((row) => ({
          key: row.groupCode,
          label: groups.get(row.groupCode)?.name[language] ?? row.groupCode,
          value: row.participants,
        }))}
      />
      <DataTable
        caption={t('table3Caption', { year })}
        columns={columns}
        rows={tableRows}
        rowKey={(entry) => entry.row?.groupCode ?? 'total'}
      />
    </section>
  );
}

function ParticipantsTable({ data }: { data: Overview }) {
  const t = useText(educationText);
  const language = useLanguage();
  const groups = new Map(data.groups.map((group) => [group.code, group]));
  const columns: Column<ParticipantsRow>[] = [
    { key: 'year', header: t('year'), cell: (row) => String(row.year) },
    {
      key: 'group',
      header: t('group'),
      rowHeader: true,
      cell: (row) => groups.get(row.groupCode)?.name[language] ?? row.groupCode,
    },
    {
      key: 'participants',
      header: t('participants'),
      numeric: true,
      cell: (row) => formatNumber(row.participants),
    },
    {
      key: 'source',
      header: t('source'),
      cell: (row) =>
        row.source === 'sessions'
          ? t('sourceSessions')
          : // The seed names its tables in English ("Table 3"); Korean readers know them as 표 3.
            t('sourceSeed', {
              section: language === 'ko' ? row.source.replace(/^Table /, '표 ') : row.source,
            }),
    },
  ];
  return (
    <section className="section" aria-labelledby="by-year">
      <h2 id="by-year">{t('byYearTitle')}</h2>
      <DataTable
        caption={t('byYearCaption')}
        columns={columns}
        rows={data.participants}
        rowKey={(row) => `${row.year}:${row.groupCode}`}
      />
    </section>
  );
}

function Programmes({ data }: { data: Overview }) {
  const t = useText(educationText);
  return (
    <section className="section" aria-labelledby="programmes">
      <h2 id="programmes">{t('programmesTitle')}</h2>
      <ProgrammeTable
        groups={data.groups}
        programmes={data.programmes}
        caption={t('programmesCaption')}
        linkTo={programmePath}
      />
    </section>
  );
}

export default function EducationPage() {
  const t = useText(educationText);
  const state = useApiData<Overview>('/education');
  return (
    <Page title={t('title')} lead={<p>{t('lead')}</p>}>
      <Loaded state={state}>
        {(data) => (
          <>
            <Table3 data={data} />
            <section className="section" aria-labelledby="coverage">
              <h2 id="coverage">{t('coverageTitle')}</h2>
              <p className="prose">{t('coverageLead')}</p>
              <CoverageTable coverage={data.coverage} />
            </section>
            <ParticipantsTable data={data} />
            <Programmes data={data} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
