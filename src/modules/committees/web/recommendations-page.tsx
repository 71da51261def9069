/**
 * The committee's recommendations and their answers. A department sees those addressed to it and
 * answers each (accepted, partly accepted, rejected with reasons; implementation reported); the
 * secretariat and members follow them all. A recommendation stays open until the answer closes it.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type Recommendation, responses } from '../contract.ts';
import { committeesText } from './messages.ts';
import { meetingPath } from './paths.ts';
import { departmentOf, RecommendationState } from './shared.tsx';

type Response = (typeof responses)[number];

function AnswerForm({
  recommendation,
  onAnswered,
}: {
  recommendation: Recommendation;
  onAnswered: () => void;
}) {
  const t = useText(committeesText);
  const form = useForm({ fields: ['response', 'reason', 'implementation'] });
  const [response, setResponse] = useState<Response>(recommendation.response ?? 'accepted');
  const [reason, setReason] = useState(recommendation.responseReason ?? '');
  const [implementation, setImplementation] = useState(recommendation.implementation ?? '');
  const [implemented, setImplemented] = useState(false);
  const [done, setDone] = useState(false);
  const prefix = `answer-${recommendation.id}`;
  const submit = form.submit(async () => {
    await api(`/committees/recommendations/${recommendation.id}/answer`, {
      method: 'PUT',
      body: { response, reason, implementation, implemented, version: recommendation.version },
    });
    setDone(true);
    onAnswered();
  });
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('answer')}>
      <ErrorSummary form={form} />
      <SelectField
        name={`${prefix}-response`}
        label={t('response')}
        value={response}
        onChange={setResponse}
        options={responses.map((value) => ({ value, label: t(`response_${value}`) }))}
        error={form.errorFor('response')}
        required
      />
      <TextField
        name={`${prefix}-reason`}
        label={t('reason')}
        value={reason}
        onChange={setReason}
        error={form.errorFor('reason')}
        multiline
        rows={3}
      />
      <TextField
        name={`${prefix}-implementation`}
        label={t('implementation')}
        value={implementation}
        onChange={setImplementation}
        error={form.errorFor('implementation')}
        multiline
        rows={3}
      />
      <CheckboxField
        name={`${prefix}-implemented`}
        label={t('implemented')}
        checked={implemented}
        onChange={setImplemented}
      />
      <Button type="submit" disabled={form.pending}>
        {t('answer')}
      </Button>
      <LiveRegion>{done ? <Notice tone="success">{t('answered')}</Notice> : null}</LiveRegion>
    </form>
  );
}

export default function RecommendationsPage() {
  const t = useText(committeesText);
  const language = useLanguage();
  const { user } = useSession();
  const [openOnly, setOpenOnly] = useState(false);
  const list = useApiData<{ recommendations: Recommendation[] }>(
    `/committees/recommendations${openOnly ? '?open=true' : ''}`,
  );
  return (
    <Page title={t('recommendationsTitle')} lead={<p>{t('recommendationsLead')}</p>}>
      <CheckboxField name="openOnly" label={t('openOnly')} checked={openOnly} onChange={setOpenOnly} />
      <Loaded state={list}>
        {(data) =>
          data.recommendations.length === 0 ? (
            <Notice>{t('noRecommendations')}</Notice>
          ) : (
            <ul className="result-list">
              {data.recommendations.map((recommendation) => (
                <li key={recommendation.id}>
                  <h2>
                    {t('recommendationHeading', {
                      department: departmentOf(recommendation, language),
                      meeting: recommendation.meetingTitle,
                    })}
                  </h2>
                  <p>{recommendation.body}</p>
                  <RecommendationState recommendation={recommendation} />
                  {user?.role !== 'department' ? (
                    <p>
                      <Link to={meetingPath(recommendation.meetingId)}>{recommendation.meetingTitle}</Link>
                    </p>
                  ) : null}
                  {user?.role === 'department' && recommendation.open ? (
                    <AnswerForm recommendation={recommendation} onAnswered={list.reload} />
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
