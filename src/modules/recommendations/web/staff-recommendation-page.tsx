/**
 * One recommendation for staff: its details and timeline, a form for each department part the caller
 * may answer (a department user answers only their own), and the other steps the transition table
 * opens to the caller now (start, progress, completion, closing with a typed reason).
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
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
import {
  type Answer,
  answers,
  type CloseReason,
  closeReasons,
  type RecommendationAction,
  type StaffRecommendation,
} from '../contract.ts';
import { recommendationsStaffText, recommendationsText } from './messages.ts';
import { recommendationPath } from './paths.ts';
import { RecommendationDetails } from './shared.tsx';
import { TraceSection } from './trace-section.tsx';
import './recommendations.css';

function AnswerForm({
  record,
  departmentCode,
  onDone,
}: {
  record: StaffRecommendation;
  departmentCode: string;
  onDone: (message: string) => void;
}) {
  const t = useText(recommendationsStaffText);
  const shared = useText(recommendationsText);
  const language = useLanguage();
  const form = useForm({ fields: ['answer', 'reasons'] as const });
  const [answer, setAnswer] = useState<Answer>('accepted');
  const [reasons, setReasons] = useState('');
  const name =
    record.departments.find((part) => part.code === departmentCode)?.name[language] ?? departmentCode;
  const headingId = `answer-${departmentCode}`;
  const onSubmit = form.submit(async () => {
    await api(`/recommendations/${record.id}/transitions`, {
      method: 'POST',
      body: { action: 'answer', version: record.version, departmentCode, answer, reasons },
    });
    onDone(t('answered'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('answerTitle', { department: name })}</h2>
      <ErrorSummary form={form} />
      <SelectField
        name="answer"
        label={t('answer')}
        value={answer}
        onChange={setAnswer}
        options={answers.map((value) => ({ value, label: shared(`answer_${value}`) }))}
        required
      />
      <TextField
        name="reasons"
        label={t('reasons')}
        value={reasons}
        onChange={setReasons}
        error={form.errorFor('reasons')}
        multiline
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('sendAnswer')}
      </Button>
    </form>
  );
}

function StepForm({
  record,
  action,
  onDone,
}: {
  record: StaffRecommendation;
  action: Exclude<RecommendationAction, 'answer'>;
  onDone: (message: string) => void;
}) {
  const t = useText(recommendationsStaffText);
  const shared = useText(recommendationsText);
  const form = useForm({ fields: ['note', 'reason'] as const });
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<CloseReason>('superseded');
  const noteRequired = action === 'report_progress' || action === 'complete';
  const onSubmit = form.submit(async () => {
    const trimmed = note.trim();
    await api(`/recommendations/${record.id}/transitions`, {
      method: 'POST',
      body: {
        action,
        version: record.version,
        ...(trimmed || noteRequired ? { note: trimmed } : {}),
        ...(action === 'close' ? { reason } : {}),
      },
    });
    setNote('');
    onDone(t('stepDone'));
  });
  const headingId = `step-${action}`;
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby={headingId}>
      <h3 id={headingId}>{shared(`action_${action}`)}</h3>
      <ErrorSummary form={form} />
      {action === 'close' ? (
        <SelectField
          name={`reason-${action}`}
          label={t('closeReason')}
          value={reason}
          onChange={setReason}
          options={closeReasons.map((value) => ({ value, label: shared(`reason_${value}`) }))}
          required
        />
      ) : null}
      <TextField
        name={`note-${action}`}
        label={t('note')}
        value={note}
        onChange={setNote}
        error={form.errorFor('note')}
        multiline
        required={noteRequired}
      />
      <Button type="submit" disabled={form.pending}>
        {t('take', { action: shared(`action_${action}`) })}
      </Button>
    </form>
  );
}

/** The ombudsman's anonymised summary: publishing it is what makes the recommendation public. */
function SummaryForm({ record, onDone }: { record: StaffRecommendation; onDone: (message: string) => void }) {
  const t = useText(recommendationsStaffText);
  const form = useForm({
    fields: ['summary.ko', 'summary.en'] as const,
    controls: { 'summary.ko': 'summary-ko', 'summary.en': 'summary-en' },
  });
  const [ko, setKo] = useState(record.publicSummary?.ko ?? '');
  const [en, setEn] = useState(record.publicSummary?.en ?? '');
  const onSubmit = form.submit(async () => {
    await api(`/recommendations/${record.id}/summary`, {
      method: 'POST',
      body: { version: record.version, summary: { ko, en } },
    });
    onDone(t('summaryPublished'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summaryTitle')}</h2>
      <p>{t('summaryLead')}</p>
      <ErrorSummary form={form} />
      <TextField
        name="summary-ko"
        label={t('summaryKo')}
        value={ko}
        onChange={setKo}
        error={form.errorFor('summary.ko')}
        multiline
        required
      />
      <TextField
        name="summary-en"
        label={t('summaryEn')}
        value={en}
        onChange={setEn}
        error={form.errorFor('summary.en')}
        multiline
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('publishSummary')}
      </Button>
    </form>
  );
}

export default function StaffRecommendationPage() {
  const t = useText(recommendationsStaffText);
  const shared = useText(recommendationsText);
  const { id = '' } = useParams();
  const state = useApiData<StaffRecommendation>(`/recommendations/staff/${encodeURIComponent(id)}`);
  const [done, setDone] = useState<string | null>(null);
  const onDone = (message: string) => {
    setDone(message);
    state.reload();
  };
  return (
    <Page title={shared('recordTitle')}>
      <LiveRegion>{done ? <Notice tone="success">{done}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(record) => (
          <>
            {record.isPublic ? (
              <p>
                <Link to={recommendationPath(record.id)}>{t('publicPage')}</Link>
              </p>
            ) : (
              <p className="meta">{t('notPublic')}</p>
            )}
            {record.publicBySource ? <p className="meta">{t('publicBySource')}</p> : null}
            {record.sourcePath ? (
              <p>
                <Link to={record.sourcePath}>{t('sourceRecord')}</Link>
              </p>
            ) : null}
            {record.publicSummary ? (
              <section className="section" aria-labelledby="published-summary">
                <h2 id="published-summary">{t('publishedSummary')}</h2>
                <p lang="ko">{record.publicSummary.ko}</p>
                <p lang="en">{record.publicSummary.en}</p>
              </section>
            ) : null}
            {record.canPublishSummary ? (
              <SummaryForm key={record.version} record={record} onDone={onDone} />
            ) : null}
            {record.answerableDepartments.map((code) => (
              <AnswerForm
                key={`${code}-${record.version}`}
                record={record}
                departmentCode={code}
                onDone={onDone}
              />
            ))}
            <section className="section" aria-labelledby="steps">
              <h2 id="steps">{t('stepsTitle')}</h2>
              {record.allowedActions.filter((action) => action !== 'answer').length === 0 ? (
                <p>{t('noSteps')}</p>
              ) : (
                record.allowedActions
                  .filter((action): action is Exclude<RecommendationAction, 'answer'> => action !== 'answer')
                  .map((action) => <StepForm key={action} record={record} action={action} onDone={onDone} />)
              )}
            </section>
            <RecommendationDetails record={record} timeline={<TraceSection record={record} staff />} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
