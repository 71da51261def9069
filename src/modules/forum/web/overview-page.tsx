/**
 * The forum for everyone: Table 5 drawn as a chart (followed, as every chart is, by a table of its
 * numbers), then Table 5 itself cell by cell as the seed prints it, with its note, and every edition
 * with its dates and whether it takes registrations.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { LineChart } from '../../../kernel/web/ui/chart.tsx';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { EditionSummary, Overview, Table5, Table5Row } from '../contract.ts';
import { forumText } from './messages.ts';
import { editionPagePath, unPagePath } from './paths.ts';
import { EditionDates } from './shared.tsx';
import './forum.css';

function Growth({ table }: { table: Table5 }) {
  const t = useText(forumText);
  const language = useLanguage();
  const series = (
    [
      ['participants', t('participants')],
      ['speakers', t('speakers')],
      ['speakersKorean', t('speakersKorean')],
      ['speakersInternational', t('speakersInternational')],
    ] as const
  ).map(([key, label]) => ({
    key,
    label,
    points: table.rows.map((row) => ({ x: row.year, y: row[key].value })),
  }));
  const columns: Column<Table5Row>[] = [
    { key: 'year', header: t('year'), rowHeader: true, cell: (row) => row.year },
    {
      key: 'participants',
      header: t('participants'),
      numeric: true,
      cell: (row) => row.participants.asWritten,
    },
    { key: 'speakers', header: t('speakers'), numeric: true, cell: (row) => row.speakers.asWritten },
    {
      key: 'korean',
      header: t('speakersKorean'),
      numeric: true,
      cell: (row) => row.speakersKorean.asWritten,
    },
    {
      key: 'international',
      header: t('speakersInternational'),
      numeric: true,
      cell: (row) => row.speakersInternational.asWritten,
    },
  ];
  return (
    <section className="section" aria-labelledby="growth">
      <h2 id="growth">{t('growthTitle')}</h2>
      <LineChart title={t('chartTitle')} xLabel={t('year')} yLabel={t('people')} series={series} />
      <DataTable
        caption={t('tableCaption')}
        columns={columns}
        rows={table.rows}
        rowKey={(row) => String(row.year)}
      />
      {table.note.text.en ? (
        <div className="forum-note">
          <h3>{t('tableNote')}</h3>
          <p>{table.note.text[language]}</p>
          {language === 'en' ? null : (
            <p className="meta">
              {t('tableNoteSource')}: <span lang="en">{table.note.text.en}</span>
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}

function Editions({ editions }: { editions: EditionSummary[] }) {
  const t = useText(forumText);
  const columns: Column<EditionSummary>[] = [
    {
      key: 'edition',
      header: t('edition'),
      rowHeader: true,
      cell: (row) => <Link to={editionPagePath(row.year)}>{t('editionName', { year: row.year })}</Link>,
    },
    { key: 'dates', header: t('dates'), cell: (row) => <EditionDates edition={row} /> },
    {
      key: 'registration',
      header: t('registration'),
      cell: (row) =>
        row.registration.open
          ? `${t('registrationOpen')}${
              row.registration.placesLeft === null
                ? ''
                : ` (${t('placesLeft', { count: formatNumber(row.registration.placesLeft) })})`
            }`
          : t('registrationClosed'),
    },
  ];
  return (
    <section className="section" aria-labelledby="editions">
      <h2 id="editions">{t('editionsTitle')}</h2>
      <DataTable
        caption={t('editionsTitle')}
        columns={columns}
        rows={[...editions].reverse()}
        rowKey={(row) => String(row.year)}
      />
    </section>
  );
}

export default function OverviewPage() {
  const t = useText(forumText);
  const state = useApiData<Overview>('/forum');
  return (
    <Page
      title={t('overviewTitle')}
      lead={
        <>
          <p>{t('overviewLead')}</p>
          <p>
            <Link to={unPagePath}>{t('unTitle')}</Link>
          </p>
        </>
      }
    >
      <Loaded state={state}>
        {(data) => (
          <>
            <Growth table={data.table5} />
            <Editions editions={data.editions} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
