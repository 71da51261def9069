/**
 * A closed year's results, for everyone: the self-assessment by area, the citizen committee's comments
 * on the report (as written, authors not named), the complementation actions with their state now, and
 * each indicator's value of the year. A year not closed has no results to show and says so.
 */

import { Link, useParams } from 'react-router';
import { cityTimeZone } from '../../../kernel/web/city.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { PublishedResults } from '../contract.ts';
import { indicatorPath, overviewPath } from './paths.ts';
import { indicatorsPublicationText } from './publication-messages.ts';
import { PublishedActionTable } from './published.tsx';

function Results({ results }: { results: PublishedResults }) {
  const t = useText(indicatorsPublicationText);
  const language = useLanguage();
  const { year } = results;
  const date = new Intl.DateTimeFormat(language === 'ko' ? 'ko-KR' : 'en-GB', {
    timeZone: cityTimeZone,
    dateStyle: 'long',
  }).format(new Date(results.closedAt));
  type Assessment = PublishedResults['assessments'][number];
  const assessmentColumns: Column<Assessment>[] = [
    { key: 'area', header: t('area'), rowHeader: true, cell: (row) => row.name[language] },
    { key: 'score', header: t('score'), numeric: true, cell: (row) => formatNumber(row.score) },
    { key: 'narrative', header: t('narrative'), cell: (row) => row.narrative },
  ];
  type Value = PublishedResults['values'][number];
  const valueColumns: Column<Value>[] = [
    { key: 'code', header: t('code'), rowHeader: true, cell: (row) => row.code },
    {
      key: 'name',
      header: t('name'),
      cell: (row) => <Link to={indicatorPath(row.code)}>{row.name[language]}</Link>,
    },
    {
      key: 'value',
      header: t('value', { year }),
      numeric: true,
      cell: (row) => (row.value === null ? t('noYearValue') : formatNumber(row.value)),
    },
  ];
  return (
    <Page title={t('resultsTitle', { year })} lead={<p>{t('resultsLead', { date })}</p>}>
      <p>
        <Link to={overviewPath}>{t('backToOverview')}</Link>
      </p>
      <section className="section" aria-labelledby="assessment">
        <h2 id="assessment">{t('assessmentTitle')}</h2>
        <DataTable
          caption={t('assessmentCaption', { year })}
          columns={assessmentColumns}
          rows={results.assessments}
          rowKey={(row) => row.areaCode}
          empty={t('noAssessment')}
        />
      </section>
      <section className="section" aria-labelledby="committee">
        <h2 id="committee">{t('committeeTitle')}</h2>
        <p>{t('committeeLead')}</p>
        {results.committeeComments.length === 0 ? (
          <p>{t('noComments')}</p>
        ) : (
          <ul className="prose">
            {results.committeeComments.map((comment) => (
              <li key={comment.createdAt}>{comment.body}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="actions">
        <h2 id="actions">{t('actionsTitle')}</h2>
        <PublishedActionTable
          caption={t('actionsCaption', { year })}
          actions={results.actions}
          withIndicator
        />
      </section>
      <section className="section" aria-labelledby="values">
        <h2 id="values">{t('valuesTitle')}</h2>
        <DataTable
          caption={t('valuesCaption', { year })}
          columns={valueColumns}
          rows={results.values}
          rowKey={(row) => row.code}
        />
      </section>
    </Page>
  );
}

export default function ResultsPage() {
  const t = useText(indicatorsPublicationText);
  const { year = '' } = useParams();
  const state = useApiData<PublishedResults>(`/indicators/results/${encodeURIComponent(year)}`);
  if (isNotFound(state.error)) {
    return (
      <Page title={t('notFoundTitle')}>
        <p>{t('notFoundBody')}</p>
        <p>
          <Link to={overviewPath}>{t('backToOverview')}</Link>
        </p>
      </Page>
    );
  }
  if (!state.data) {
    return (
      <Page title={t('resultsListTitle')}>
        <Loaded state={state}>{() => null}</Loaded>
      </Page>
    );
  }
  return <Results results={state.data} />;
}
