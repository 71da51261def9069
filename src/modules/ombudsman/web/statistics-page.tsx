/**
 * The ombudsman's annual statistics, for everyone: one table of the main figures per year, and per
 * year the breakdowns by right, kind of body and outcome. Counts from case records of one to four come
 * from the server as suppressed and are shown as "<5", spelt out; a figure nobody recorded (2018's
 * recommendations) says so in words; nothing is charted, so there is no picture whose numbers a screen
 * reader could not reach.
 */

import { type Statistic, statisticOrder } from '../../../kernel/shared/statistic.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import {
  type Column,
  DataTable,
  formatNumber,
  Loaded,
  Page,
  StatisticText,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type AnnualStatistics, closedReasons, decisionOutcomes, respondentTypes } from '../contract.ts';
import { ombudsmanText } from './messages.ts';
import { isOneOf } from './one-of.ts';

/** What a case's outcome is counted as: its decision, else why it closed, else still open. */
const outcomes = [...decisionOutcomes, ...closedReasons, 'open'] as const;

type Year = AnnualStatistics['years'][number];

interface Breakdown {
  key: string;
  count: Statistic;
}

function BreakdownTable({
  caption,
  values,
  label,
}: {
  caption: string;
  values: Record<string, Statistic>;
  label: (key: string) => string;
}) {
  const t = useText(ombudsmanText);
  const rows: Breakdown[] = Object.entries(values).map(([key, count]) => ({ key, count }));
  if (rows.length === 0) return null;
  const columns: Column<Breakdown>[] = [
    { key: 'category', header: t('category'), rowHeader: true, cell: (row) => label(row.key) },
    {
      key: 'count',
      header: t('count'),
      numeric: true,
      sortValue: (row) => statisticOrder(row.count),
      cell: (row) => <StatisticText value={row.count} />,
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />;
}

export default function StatisticsPage() {
  const t = useText(ombudsmanText);
  const language = useLanguage();
  const state = useApiData<AnnualStatistics>('/ombudsman/statistics');
  const rights = useApiData<TermList>('/vocabularies/rights');
  const rightName = (code: string) =>
    rights.data?.terms.find((term) => term.code === code)?.name[language] ?? code;
  const respondentLabel = (key: string) => (isOneOf(respondentTypes, key) ? t(`respondentType_${key}`) : key);
  const outcomeLabel = (key: string) => (isOneOf(outcomes, key) ? t(`outcome_${key}`) : key);

  const columns: Column<Year>[] = [
    {
      key: 'year',
      header: t('year'),
      rowHeader: true,
      sortValue: (row) => row.year,
      cell: (row) => row.year,
    },
    { key: 'source', header: t('source'), cell: (row) => t(`statisticsSource_${row.source}`) },
    ...(
      [
        'counsellingSessions',
        'casesRegistered',
        'recommendationsIssued',
        'recommendationsAccepted',
        'recommendationsImplemented',
      ] as const
    ).map(
      (key): Column<Year> => ({
        key,
        header: t(key),
        numeric: true,
        sortValue: (row) => statisticOrder(row[key]),
        cell: (row) => <StatisticText value={row[key]} />,
      }),
    ),
    {
      key: 'median',
      header: t('medianDaysToClose'),
      numeric: true,
      cell: (row) =>
        row.medianDaysToClose === null ? '–' : t('days', { count: formatNumber(row.medianDaysToClose) }),
    },
  ];

  return (
    <Page title={t('statisticsTitle')} lead={<p>{t('statisticsLead')}</p>}>
      <Loaded state={state}>
        {(data) => (
          <>
            <DataTable
              caption={t('statisticsYearsCaption')}
              columns={columns}
              rows={data.years}
              rowKey={(row) => String(row.year)}
              empty={t('statisticsEmpty')}
            />
            {data.years
              .filter(
                (year) =>
                  Object.keys(year.byRight).length +
                    Object.keys(year.byRespondentType).length +
                    Object.keys(year.byOutcome).length >
                    0 || year.note,
              )
              .map((year) => (
                <section key={year.year} className="section" aria-labelledby={`year-${year.year}`}>
                  <h2 id={`year-${year.year}`}>{t('yearDetails', { year: year.year })}</h2>
                  {year.note ? (
                    <p>
                      {t('note')}: {year.note}
                    </p>
                  ) : null}
                  <BreakdownTable
                    caption={t('byRightCaption', { year: year.year })}
                    values={year.byRight}
                    label={rightName}
                  />
                  <BreakdownTable
                    caption={t('byRespondentCaption', { year: year.year })}
                    values={year.byRespondentType}
                    label={respondentLabel}
                  />
                  <BreakdownTable
                    caption={t('byOutcomeCaption', { year: year.year })}
                    values={year.byOutcome}
                    label={outcomeLabel}
                  />
                </section>
              ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}
