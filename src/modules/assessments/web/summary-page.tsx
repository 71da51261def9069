/** One closed assessment for the public: what was assessed, what was recommended, what changed. */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { Loaded, Notice, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { PublicSummary } from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { publicPath } from './paths.ts';
import { KindName, ResponseName, ScoreText } from './shared.tsx';

function Summary({ summary }: { summary: PublicSummary }) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  return (
    <>
      {summary.isSample ? <Notice tone="warning">{t('sampleMark')}</Notice> : null}
      <section className="section" aria-labelledby="what-assessed">
        <h2 id="what-assessed">{t('whatAssessed')}</h2>
        <dl className="definition-list">
          <dt>{t('kind')}</dt>
          <dd>
            <KindName kind={summary.subjectKind} />
          </dd>
          <dt>{t('year')}</dt>
          <dd>{summary.year}</dd>
          <dt>{t('template')}</dt>
          <dd>
            {t('templateVersion', {
              title: summary.template.title[language],
              version: summary.template.version,
            })}
          </dd>
          <dt>{t('overallScore')}</dt>
          <dd>
            <ScoreText score={summary.overallScore} />
          </dd>
        </dl>
        {summary.summary ? <p className="prose">{summary.summary}</p> : null}
      </section>
      <section className="section" aria-labelledby="what-recommended">
        <h2 id="what-recommended">{t('whatRecommended')}</h2>
        {summary.recommendations.length === 0 ? (
          <p>{t('noRecommendations')}</p>
        ) : (
          <ol>
            {summary.recommendations.map((recommendation) => (
              <li key={recommendation.text}>
                <p>{recommendation.text}</p>
                <p className="meta">
                  <ResponseName response={recommendation.response} />
                  {recommendation.reason ? ` · ${t('reasonLabel', { reason: recommendation.reason })}` : null}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="section" aria-labelledby="what-changed">
        <h2 id="what-changed">{t('whatChanged')}</h2>
        {summary.revisions.length === 0 ? (
          <p>{t('noRevisions')}</p>
        ) : (
          <ul>
            {summary.revisions.map((revision) => (
              <li key={`${revision.revisedOn}:${revision.description}`}>
                <time dateTime={revision.revisedOn}>{revision.revisedOn}</time>: {revision.description}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default function SummaryPage() {
  const t = useText(assessmentsText);
  const { id = '' } = useParams();
  const state = useApiData<PublicSummary>(`/assessments/public/${encodeURIComponent(id)}`);
  return (
    <Page title={state.data ? t('summaryTitle', { subject: state.data.subjectTitle }) : t('publicTitle')}>
      <Loaded state={state}>{(summary) => <Summary summary={summary} />}</Loaded>
      <p>
        <Link to={publicPath}>{t('backToPublic')}</Link>
      </p>
    </Page>
  );
}
