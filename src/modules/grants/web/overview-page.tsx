/**
 * The public page of grants: the two programmes with their published figures, Table 4 as the seed
 * prints it (with the text's different 2013 figure beside it), the published calls, the grants awarded,
 * and the downloads (Table 4, and the awards in the 360Giving layout).
 */
import { Link } from 'react-router';
import { apiBase } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  type Column,
  DataTable,
  formatDateTime,
  formatNumber,
  Loaded,
  Notice,
  Page,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Award, Overview } from '../contract.ts';
import { grantsText } from './messages.ts';
import { callPath } from './paths.ts';
import { Money } from './shared.tsx';
import './grants.css';

type ParticipationRow = Overview['participation'][number];

export default function OverviewPage() {
  const t = useText(grantsText);
  const language = useLanguage();
  const state = useApiData<Overview>('/grants');
  const table4: Column<ParticipationRow>[] = [
    { key: 'year', header: t('year'), rowHeader: true, cell: (row) => row.year },
    {
      key: 'neighbourhoods',
      header: t('neighbourhoods'),
      numeric: true,
      cell: (row) => (
        <>
          {formatNumber(row.neighbourhoods)}
          {row.textNeighbourhoods !== null && row.textNeighbourhoods !== row.neighbourhoods ? (
            <span className="meta"> ({t('textSays', { count: row.textNeighbourhoods })})</span>
          ) : null}
        </>
      ),
    },
    { key: 'support', header: t('supportUsd'), numeric: true, cell: (row) => formatNumber(row.supportUsd) },
  ];
  const awards: Column<Award>[] = [
    { key: 'title', header: t('grantTitle'), rowHeader: true, cell: (row) => row.title },
    { key: 'organisation', header: t('recipient'), cell: (row) => row.organisation },
    { key: 'call', header: t('programme'), cell: (row) => `${row.callTitle[language]} (${row.year})` },
    {
      key: 'amount',
      header: t('amount'),
      numeric: true,
      sortValue: (row) => row.amount,
      cell: (row) => <Money amount={row.amount} currency={row.currency} />,
    },
    { key: 'awarded', header: t('awardedOn'), cell: (row) => formatDateTime(row.awardedAt, language) },
  ];
  return (
    <Page title={t('overviewTitle')} lead={<p>{t('overviewLead')}</p>}>
      <Loaded state={state}>
        {(overview) => (
          <>
            <section className="section" aria-labelledby="grants-programmes">
              <h2 id="grants-programmes">{t('programmesTitle')}</h2>
              {overview.programmes.map((programme) => (
                <section key={programme.kind} aria-labelledby={`programme-${programme.kind}`}>
                  <h3 id={`programme-${programme.kind}`}>{programme.name[language]}</h3>
                  <ul>
                    <li>
                      {t('programmeSince', { year: programme.since, section: programme.sourceSection })}
                    </li>
                    {programme.programmesPerYear !== null ? (
                      <li>{t('programmesPerYear', { count: programme.programmesPerYear })}</li>
                    ) : null}
                    {programme.annualBudgetUsd !== null ? (
                      <li>
                        {t('programmeBudget', {
                          amount: formatNumber(programme.annualBudgetUsd),
                          years: programme.budgetUnchangedYears ?? '',
                        })}
                      </li>
                    ) : null}
                  </ul>
                </section>
              ))}
            </section>
            <section className="section" aria-labelledby="grants-table4">
              <h2 id="grants-table4">{t('table4Title')}</h2>
              <DataTable
                caption={t('table4Caption')}
                columns={table4}
                rows={overview.participation}
                rowKey={(row) => String(row.year)}
              />
              <p className="meta">{t('table4Discrepancy')}</p>
            </section>
            <section className="section" aria-labelledby="grants-calls">
              <h2 id="grants-calls">{t('callsTitle')}</h2>
              {overview.calls.length === 0 ? (
                <Notice>{t('noCalls')}</Notice>
              ) : (
                <ul className="grants-calls">
                  {overview.calls.map((call) => (
                    <li key={call.id}>
                      <Link to={callPath(call.id)}>{call.title[language]}</Link>{' '}
                      <span className="meta">
                        {t(`kind_${call.kind}`)} · {t('callDates', { from: call.opensOn, to: call.closesOn })}{' '}
                        · {call.isOpen ? t('callOpen') : t('callClosed')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="section" aria-labelledby="grants-awards">
              <h2 id="grants-awards">{t('awardsTitle')}</h2>
              <DataTable
                caption={t('awardsCaption')}
                columns={awards}
                rows={overview.awards}
                rowKey={(row) => row.id}
                rowId={(row) => `grant-${row.id}`}
                empty={t('noAwards')}
              />
            </section>
            <section className="section" aria-labelledby="grants-downloads">
              <h2 id="grants-downloads">{t('downloadsTitle')}</h2>
              <ul>
                <li>
                  <a href={`${apiBase}/open-data/neighbourhood-participation.csv`}>{t('downloadTable4')}</a>
                </li>
                <li>
                  <a href={`${apiBase}/grants/360giving.csv`}>{t('download360')}</a>
                </li>
              </ul>
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
