/** A published self-assessment: the matrix with each cell's rating, narrative and evidence links. */
import { Link, useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { NotFoundPage } from '../../../kernel/web/shell/status-pages.tsx';
import { Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { Assessment, Framework } from '../contract.ts';
import { sdgText } from './messages.ts';
import { agenda2030Path } from './paths.ts';
import { EvidenceLinks, findCell, Matrix, Narrative, RatingLabel } from './shared.tsx';

export default function PublishedAssessmentPage() {
  const t = useText(sdgText);
  const language = useLanguage();
  const { year = '' } = useParams();
  const framework = useApiData<Framework>('/sdg/agenda-2030');
  const state = useApiData<Assessment>(`/sdg/agenda-2030/assessments/${encodeURIComponent(year)}`);
  if (isNotFound(state.error)) return <NotFoundPage />;
  return (
    <Page title={t('assessmentTitle', { year })} lead={<p>{t('assessmentLead')}</p>}>
      <p>
        <Link to={agenda2030Path}>{t('backToAgenda2030')}</Link>
      </p>
      <Loaded state={state}>
        {(assessment) =>
          framework.data ? (
            <Matrix
              caption={t('matrixCaption', { year: assessment.year })}
              categoryHeader={t('category')}
              categories={framework.data.categories}
              components={framework.data.components}
              cell={(category, component) => {
                const cell = findCell(assessment, category.code, component.code);
                if (!cell) return null;
                return (
                  <>
                    <p>{cell.rating ? <RatingLabel rating={cell.rating} /> : t('notRated')}</p>
                    <Narrative text={cell.narrative} />
                    <EvidenceLinks
                      evidence={cell.evidence}
                      label={t('cellName', {
                        category: category.name[language],
                        component: component.name[language],
                      })}
                    />
                  </>
                );
              }}
            />
          ) : null
        }
      </Loaded>
    </Page>
  );
}
