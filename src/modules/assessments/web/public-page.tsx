/**
 * The public page: the seed's figures with what closed assessments have added, and the summaries of
 * closed assessments (never an assessment in progress: the API has none to give).
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  type Column,
  DataTable,
  formatDateTime,
  formatNumber,
  Loaded,
  Page,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Figure, PublicSummary } from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { enterprisesPath, summaryPath } from './paths.ts';
import { KindName, ScoreText } from './shared.tsx';

export default function PublicPage() {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const state = useApiData<{ figures: Figure[]; summaries: PublicSummary[] }>('/assessments/public');
  const figureColumns: Column<Figure>[] = [
    { key: 'label', header: t('figure'), rowHeader: true, cell: (row) => row.label[language] },
    {
      key: 'historical',
      header: t('historical'),
      numeric: true,
      cell: (row) => formatNumber(row.historical),
    },
    { key: 'tracked', header: t('tracked'), numeric: true, cell: (row) => formatNumber(row.tracked) },
    { key: 'total', header: t('total'), numeric: true, cell: (row) => formatNumber(row.total) },
  ];
  const summaryColumns: Column<PublicSummary>[] = [
    {
      key: 'subject',
      header: t('subject'),
      rowHeader: true,
      cell: (row) => <Link to={summaryPath(row.id)}>{row.subjectTitle}</Link>,
    },
    { key: 'kind', header: t('kind'), cell: (row) => <KindName kind={row.subjectKind} /> },
    { key: 'year', header: t('year'), numeric: true, cell: (row) => row.year },
    {
      key: 'score',
      header: t('overallScore'),
      numeric: true,
      cell: (row) => <ScoreText score={row.overallScore} />,
    },
    { key: 'closed', header: t('closedAt'), cell: (row) => formatDateTime(row.closedAt, language) },
  ];
  return (
    <Page title={t('publicTitle')} lead={<p>{t('publicLead')}</p>}>
      <Loaded state={state}>
        {({ figures, summaries }) => (
          <>
            <section className="section" aria-labelledby="assessment-figures">
              <h2 id="assessment-figures">{t('figuresTitle')}</h2>
              <DataTable
                caption={t('figuresCaption')}
                columns={figureColumns}
                rows={figures}
                rowKey={(row) => row.id}
              />
            </section>
            <section className="section" aria-labelledby="assessment-summaries">
              <h2 id="assessment-summaries">{t('summariesTitle')}</h2>
              <DataTable
                caption={t('summariesCaption')}
                columns={summaryColumns}
                rows={summaries}
                rowKey={(row) => String(row.id)}
                empty={t('noSummaries')}
              />
            </section>
            <p>
              <Link to={enterprisesPath}>{t('enterprisesLink')}</Link>
            </p>
          </>
        )}
      </Loaded>
    </Page>
  );
}
