/** A subject with the timeline of its assessments (a subject can be assessed again, e.g. yearly). */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatDateTime, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { AssessmentRow, Subject } from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { assessmentPath, workPath } from './paths.ts';
import { KindName, StepName } from './shared.tsx';

function Details({ subject }: { subject: Subject }) {
  const t = useText(assessmentsText);
  const details = subject.details;
  return (
    <dl className="definition-list">
      <dt>{t('kind')}</dt>
      <dd>
        <KindName kind={details.kind} />
      </dd>
      <dt>{t('department')}</dt>
      <dd>{subject.departmentCode}</dd>
      {details.kind === 'ordinance' ? (
        <>
          <dt>{t('number')}</dt>
          <dd>{details.number}</dd>
          <dt>{t('change')}</dt>
          <dd>{t(`change_${details.change}`)}</dd>
        </>
      ) : null}
      {details.kind === 'building' || details.kind === 'polling_station' ? (
        <>
          <dt>{t('address')}</dt>
          <dd>{details.address}</dd>
          <dt>{t('district')}</dt>
          <dd>{details.district}</dd>
        </>
      ) : null}
      {details.kind === 'event' ? (
        <>
          <dt>{t('date')}</dt>
          <dd>{details.date}</dd>
          <dt>{t('organiser')}</dt>
          <dd>{details.organiser}</dd>
        </>
      ) : null}
      {details.kind === 'enterprise' ? (
        <>
          <dt>{t('sector')}</dt>
          <dd>{details.sector}</dd>
        </>
      ) : null}
    </dl>
  );
}

export default function SubjectPage() {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const { id = '' } = useParams();
  const state = useApiData<{ subject: Subject; assessments: AssessmentRow[] }>(
    `/assessments/subjects/${encodeURIComponent(id)}`,
  );
  const columns: Column<AssessmentRow>[] = [
    {
      key: 'year',
      header: t('year'),
      rowHeader: true,
      cell: (row) => <Link to={assessmentPath(row.id)}>{row.year}</Link>,
    },
    { key: 'step', header: t('step'), cell: (row) => <StepName step={row.step} /> },
    {
      key: 'template',
      header: t('template'),
      cell: (row) =>
        t('templateVersion', { title: row.template.title[language], version: row.template.version }),
    },
    { key: 'created', header: t('date'), cell: (row) => formatDateTime(row.createdAt, language) },
  ];
  return (
    <Page title={state.data ? t('timelineTitle', { subject: state.data.subject.title }) : t('workTitle')}>
      <Loaded state={state}>
        {({ subject, assessments }) => (
          <>
            <Details subject={subject} />
            {subject.details.kind === 'ordinance' && subject.details.articles.length > 0 ? (
              <section className="section" aria-labelledby="subject-articles">
                <h2 id="subject-articles">{t('articles')}</h2>
                <dl className="definition-list">
                  {subject.details.articles.map((article) => (
                    <div key={article.number}>
                      <dt>{article.number}</dt>
                      <dd>{article.text}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
            <section className="section" aria-labelledby="subject-timeline">
              <h2 id="subject-timeline">{t('timelineCaption')}</h2>
              <DataTable
                caption={t('timelineCaption')}
                columns={columns}
                rows={assessments}
                rowKey={(row) => String(row.id)}
                empty={t('noAssessments')}
              />
            </section>
          </>
        )}
      </Loaded>
      <p>
        <Link to={workPath}>{t('backToWork')}</Link>
      </p>
    </Page>
  );
}
