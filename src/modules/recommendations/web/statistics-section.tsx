/**
 * The tracker's statistics per source and per department: share accepted, share implemented and the
 * median days to answer, as tables (no chart: the table is the figure). A figure with nothing to take
 * it over reads "not recorded", never 0.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { DataTable, Loaded } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Statistics, StatisticsRow } from '../contract.ts';
import { traceText } from './trace-messages.ts';

function FigureTable({ caption, rows }: { caption: string; rows: readonly StatisticsRow[] }) {
  const t = useText(traceText);
  const language = useLanguage();
  const orNot = (value: number | null, key: 'percent' | 'days') =>
    value === null ? t('notRecordedValue') : t(key, { value: value.toLocaleString(language) });
  const order = (value: number | null) => (value === null ? -1 : value);
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { key: 'name', header: t('name'), cell: (row) => row.name[language], rowHeader: true },
        {
          key: 'records',
          header: t('records'),
          cell: (row) => row.records,
          numeric: true,
          sortValue: (row) => row.records,
        },
        { key: 'notRecorded', header: t('notRecorded'), cell: (row) => row.notRecorded, numeric: true },
        { key: 'answered', header: t('answered'), cell: (row) => row.answeredParts, numeric: true },
        {
          key: 'shareAccepted',
          header: t('shareAccepted'),
          cell: (row) => orNot(row.shareAccepted, 'percent'),
          numeric: true,
          sortValue: (row) => order(row.shareAccepted),
        },
        {
          key: 'shareImplemented',
          header: t('shareImplemented'),
          cell: (row) => orNot(row.shareImplemented, 'percent'),
          numeric: true,
          sortValue: (row) => order(row.shareImplemented),
        },
        {
          key: 'medianDays',
          header: t('medianDays'),
          cell: (row) => orNot(row.medianDaysToAnswer, 'days'),
          numeric: true,
          sortValue: (row) => order(row.medianDaysToAnswer),
        },
      ]}
    />
  );
}

export function StatisticsSection() {
  const t = useText(traceText);
  const state = useApiData<Statistics>('/recommendations/statistics');
  return (
    <section className="section" aria-labelledby="recommendation-statistics">
      <h2 id="recommendation-statistics">{t('statistics')}</h2>
      <p>{t('statisticsLead')}</p>
      <Loaded state={state}>
        {(figures) => (
          <>
            <FigureTable caption={t('bySource')} rows={[...figures.bySource, figures.total]} />
            <FigureTable caption={t('byDepartment')} rows={figures.byDepartment} />
          </>
        )}
      </Loaded>
    </section>
  );
}
