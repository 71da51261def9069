/**
 * The Human Rights Cities Agenda 2030 framework as the draft gives it (seven categories, four
 * components), the scale assessors rate a cell on, and the city's published self-assessments.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { formatDateTime, Loaded, Notice, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Framework } from '../contract.ts';
import { ratingScale } from '../ratings.ts';
import { sdgText } from './messages.ts';
import { publishedAssessmentPath } from './paths.ts';

export default function Agenda2030Page() {
  const t = useText(sdgText);
  const language = useLanguage();
  const state = useApiData<Framework>('/sdg/agenda-2030');
  return (
    <Page title={t('agenda2030Title')} lead={<p>{t('agenda2030Lead')}</p>}>
      <Loaded state={state}>
        {(framework) => (
          <>
            <section className="section" aria-labelledby="a2030-published">
              <h2 id="a2030-published">{t('publishedTitle')}</h2>
              {framework.assessments.length === 0 ? (
                <Notice>{t('noPublished')}</Notice>
              ) : (
                <ul>
                  {framework.assessments.map((assessment) => (
                    <li key={assessment.year}>
                      <Link to={publishedAssessmentPath(assessment.year)}>
                        {t('assessmentLink', { year: assessment.year })}
                      </Link>{' '}
                      <span className="meta">
                        ({t('publishedOn', { date: formatDateTime(assessment.publishedAt, language) })})
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="section" aria-labelledby="a2030-categories">
              <h2 id="a2030-categories">{t('categoriesTitle')}</h2>
              <ol>
                {framework.categories.map((category) => (
                  <li key={category.code}>{category.name[language]}</li>
                ))}
              </ol>
            </section>
            <section className="section" aria-labelledby="a2030-components">
              <h2 id="a2030-components">{t('componentsTitle')}</h2>
              <dl className="definition-list">
                {framework.components.map((component) => (
                  <div key={component.code}>
                    <dt>{component.name[language]}</dt>
                    <dd>{component.description[language]}</dd>
                  </div>
                ))}
              </dl>
            </section>
            <section className="section" aria-labelledby="a2030-scale">
              <h2 id="a2030-scale">{t('scaleTitle')}</h2>
              <ol>
                {ratingScale.map((entry) => (
                  <li key={entry.rating}>{entry.label[language]}</li>
                ))}
              </ol>
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
