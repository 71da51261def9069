/**
 * A qualitative indicator's questionnaire through its public link: anonymous answers, then the results
 * so far as the public may see them. An open questionnaire takes one answer from this browser; an
 * invited one only through a personal link (`?invitation=`), whose token the page keeps in memory and
 * takes out of the address bar at once, so it is not left in the history, a bookmark or a screenshot.
 */
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
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
  const [search, setSearch] = useSearchParams();
  const [invitation] = useState(() => search.get('invitation') ?? undefined);
  useEffect(() => {
    if (!search.has('invitation')) return;
    const rest = new URLSearchParams(search);
    rest.delete('invitation');
    setSearch(rest, { replace: true });
  }, [search, setSearch]);
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
            {!questionnaire.open ? (
              <Notice>{t('closed')}</Notice>
            ) : thanks ? null : questionnaire.answered ? (
              <Notice>{t('answeredAlready')}</Notice>
            ) : questionnaire.access === 'invited' && !invitation ? (
              <Notice>{t('invitationNeeded')}</Notice>
            ) : (
              <>
                {questionnaire.access === 'invited' ? (
                  <p>{t('personalLink')}</p>
                ) : (
                  <p>{t('oncePerBrowser')}</p>
                )}
                <AnswerForm
                  path={
                    questionnaire.access === 'invited'
                      ? `/indicators/questionnaires/${token}/invited-responses`
                      : `/indicators/questionnaires/${token}/responses`
                  }
                  {...(questionnaire.access === 'invited' && invitation ? { invitation } : {})}
                  questions={questionnaire.questions}
                  onSent={() => {
                    setThanks(true);
                    setGeneration((count) => count + 1);
                  }}
                />
              </>
            )}
            <PublicResults token={token} generation={generation} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
