/**
 * A qualitative indicator's questionnaire through its public link: anonymous answers, then the results
 * so far as the public may see them.
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { LiveRegion, Loaded, Notice, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { PublicQuestionnaire } from '../contract.ts';
import { AnswerForm, PublicResults } from './answer-form.tsx';
import { questionnaireText } from './questionnaire-messages.ts';

export default function QuestionnairePage() {
  const t = useText(questionnaireText);
  const language = useLanguage();
  const { token = '' } = useParams();
  const state = useApiData<PublicQuestionnaire>(`/indicators/questionnaires/${encodeURIComponent(token)}`);
  const [thanks, setThanks] = useState(false);
  const [generation, setGeneration] = useState(0);
  const title = state.data ? t('title', { title: state.data.title[language] }) : t('title', { title: '…' });
  return (
    <Page
      title={title}
      lead={
        state.data ? (
          <p>
            {t('lead', {
              year: state.data.year,
              code: state.data.code,
              indicator: state.data.indicatorName[language],
            })}
          </p>
        ) : null
      }
    >
      <LiveRegion>{thanks ? <Notice tone="success">{t('thanks')}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(questionnaire) => (
          <>
            {questionnaire.open ? (
              <AnswerForm
                path={`/indicators/questionnaires/${token}/responses`}
                questions={questionnaire.questions}
                onSent={() => {
                  setThanks(true);
                  setGeneration((count) => count + 1);
                }}
              />
            ) : (
              <Notice>{t('closed')}</Notice>
            )}
            <PublicResults token={token} generation={generation} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
