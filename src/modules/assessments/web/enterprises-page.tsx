/**
 * Municipal enterprises' closed yearly evaluations compared: a chart of the overall score by year for
 * each enterprise (followed by the chart's own table), a table with the section scores, and the
 * council's and task force's trainings.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { LineChart } from '../../../kernel/web/ui/chart.tsx';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Comparison, Training } from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { ScoreText } from './shared.tsx';

type Row = Comparison['rows'][number];

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const enterprises = [...new Set(comparison.rows.map((row) => row.enterprise))];
  const series = enterprises.map((enterprise) => ({
    key: enterprise,
    label: enterprise,
    points: comparison.rows
      .filter((row) => row.enterprise === enterprise && row.overall !== null)
      .map((row) => ({ x: row.year, y: row.overall as number })),
  }));
  const sectionTitles = comparison.rows[0]?.sections ?? [];
  const columns: Column<Row>[] = [
    { key: 'enterprise', header: t('enterprise'), rowHeader: true, cell: (row) => row.enterprise },
    { key: 'year', header: t('year'), numeric: true, cell: (row) => row.year },
    {
      key: 'overall',
      header: t('overallScore'),
      numeric: true,
      cell: (row) => <ScoreText score={row.overall} />,
    },
    ...sectionTitles.map((section, index) => ({
      key: section.key,
      header: section.title[language],
      numeric: true,
      cell: (row: Row) => <ScoreText score={row.sections[index]?.score ?? null} />,
    })),
  ];
  const trainingColumns: Column<Training>[] = [
    { key: 'title', header: t('trainingTitle'), rowHeader: true, cell: (row) => row.title },
    { key: 'body', header: t('body'), cell: (row) => t(`body_${row.body}`) },
    { key: 'heldOn', header: t('heldOn'), cell: (row) => row.heldOn },
    {
      key: 'participants',
      header: t('participants'),
      numeric: true,
      cell: (row) => formatNumber(row.participants),
    },
  ];
  return (
    <>
      <section className="section" aria-labelledby="comparison">
        <h2 id="comparison">{t('comparisonCaption')}</h2>
        {comparison.rows.length === 0 ? (
          <p>{t('noEvaluations')}</p>
        ) : (
          <>
            <LineChart title={t('chartTitle')} xLabel={t('year')} yLabel={t('chartY')} series={series} />
            <DataTable
              caption={t('comparisonCaption')}
              columns={columns}
              rows={comparison.rows}
              rowKey={(row) => `${row.enterprise}:${row.year}`}
            />
          </>
        )}
      </section>
      <section className="section" aria-labelledby="trainings">
        <h2 id="trainings">{t('trainingsTitle')}</h2>
        <DataTable
          caption={t('trainingsCaption')}
          columns={trainingColumns}
          rows={comparison.trainings}
          rowKey={(row) => String(row.id)}
          empty={t('noTrainings')}
        />
      </section>
    </>
  );
}

export default function EnterprisesPage() {
  const t = useText(assessmentsText);
  const state = useApiData<Comparison>('/assessments/enterprises');
  return (
    <Page title={t('enterprisesTitle')} lead={<p>{t('enterprisesLead')}</p>}>
      <Loaded state={state}>{(comparison) => <ComparisonView comparison={comparison} />}</Loaded>
    </Page>
  );
}
