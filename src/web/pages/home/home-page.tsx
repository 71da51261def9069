/**
 * The front page: the platform and the city, a short introduction, a few headline figures read live
 * from `/figures` (each with its source section), and where to go next.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { figuresText, formatFigure, sectionName } from '../../../kernel/web/pages/figures/messages.ts';
import type { FigureList } from '../../../kernel/web/pages/figures/types.ts';
import { Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { homeText } from './messages.ts';

/** The figures the front page shows, by their id in the dataset, in this order. */
const headlineFigures = [
  'population',
  'action-plan-policy-tasks',
  'human-rights-indicators',
  'hr-education-participation-rate-2017',
];

export default function HomePage() {
  const t = useText(homeText);
  const tFigures = useText(figuresText);
  const language = useLanguage();
  const figures = useApiData<FigureList>('/figures');

  return (
    <Page
      title={t('title')}
      lead={
        <>
          <p>
            <strong>{t('city')}</strong> · {t('platform')}
          </p>
          <p>{t('intro')}</p>
        </>
      }
    >
      <section aria-labelledby="headline-figures" className="section">
        <h2 id="headline-figures">{t('figuresTitle')}</h2>
        <Loaded state={figures}>
          {(data) => {
            const byId = new Map(data.figures.map((figure) => [figure.id, figure]));
            const shown = headlineFigures.flatMap((id) => byId.get(id) ?? []);
            return (
              <ul className="card-list">
                {shown.map((figure) => (
                  <li key={figure.id} className="card">
                    <p className="figure-card__value">{formatFigure(figure.value, figure.unit, language)}</p>
                    <p className="figure-card__label">
                      {figure.label[language]}
                      {figure.year ? ` (${figure.year})` : ''}
                    </p>
                    <p className="meta">{t('source', { section: sectionName(tFigures, figure.section) })}</p>
                  </li>
                ))}
              </ul>
            );
          }}
        </Loaded>
        <p>
          <Link to="/figures">{t('allFigures')}</Link>
        </p>
      </section>
      <section aria-labelledby="explore" className="section">
        <h2 id="explore">{t('exploreTitle')}</h2>
        <ul className="card-list">
          <li className="card">
            <h3>
              <Link to="/vocabularies">{t('vocabularies')}</Link>
            </h3>
            <p>{t('vocabulariesText')}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/figures">{t('figures')}</Link>
            </h3>
            <p>{t('figuresText')}</p>
          </li>
          <li className="card">
            <h3>
              <a href="/api/v1/docs/">{t('apiDocs')}</a>
            </h3>
            <p>{t('apiDocsText')}</p>
          </li>
          <li className="card">
            <h3>
              <a href="/api/v1/open-data">{t('openData')}</a>
            </h3>
            <p>{t('openDataText')}</p>
          </li>
        </ul>
      </section>
    </Page>
  );
}
