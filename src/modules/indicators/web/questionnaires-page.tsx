/**
 * Step (2) for qualitative indicators: the office writes the year's questionnaire (Likert, single and
 * multiple choice, free text; each question a fieldset, so a screen reader hears which question a
 * field belongs to), shares its public link, enters responses received on paper (the office, or the
 * responsible department), and reads the results: the public's view with small counts suppressed,
 * the free-text answers only staff see, and for the office the step that turns them into the
 * indicator's values of the year. Once answered, a questionnaire is no longer edited (the API says so).
 * The office chooses who may answer: anyone with the link (once per browser) or only those it invites,
 * each through a personal single-use link it issues here, sees once (a list and a CSV to download: only
 * the links' hashes are kept), counts as used and revokes while unused.
 */
import { useState } from 'react';
import { ApiError, api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  formatNumber,
  Group,
  LiveRegion,
  Loaded,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import {
  type Cycle,
  type IndicatorSummary,
  type IssuedInvitations,
  maximumInvitations,
  type QuestionKind,
  type Questionnaire,
  type QuestionnaireAccess,
  questionKinds,
  questionnaireAccesses,
} from '../contract.ts';
import { AnswerForm, PublicResults } from './answer-form.tsx';
import { indicatorOptions, useDataEntryIndicators } from './current-cycle.tsx';
import { indicatorsStepText } from './step-messages.ts';
import { StepPage, useIsOffice } from './step-page.tsx';

type Bilingual = { ko: string; en: string };
/** `key` keeps React's state with its question or option when one above is removed. */
type DraftOption = Bilingual & { key: number };
interface DraftQuestion {
  key: number;
  kind: QuestionKind;
  prompt: Bilingual;
  options: DraftOption[];
}

const isChoice = (kind: QuestionKind) => kind === 'single' || kind === 'multiple';
let nextKey = 0;
const blank = (): DraftOption => ({ key: nextKey++, ko: '', en: '' });
const newQuestion = (kind: QuestionKind = 'likert'): DraftQuestion => ({
  key: nextKey++,
  kind,
  prompt: { ko: '', en: '' },
  options: isChoice(kind) ? [blank(), blank()] : [],
});

function BilingualFields<Value extends Bilingual>({
  name,
  label,
  value,
  onChange,
  errorFor,
  multiline = false,
}: {
  name: string;
  label: string;
  value: Value;
  onChange: (value: Value) => void;
  errorFor: (name: string) => string | undefined;
  multiline?: boolean;
}) {
  const t = useText(indicatorsStepText);
  return (
    <>
      {(['ko', 'en'] as const).map((language) => (
        <TextField
          key={language}
          name={`${name}.${language}`}
          label={t(language === 'ko' ? 'inKorean' : 'inEnglish', { label })}
          value={value[language]}
          onChange={(text) => onChange({ ...value, [language]: text })}
          error={errorFor(`${name}.${language}`)}
          multiline={multiline}
          rows={multiline ? 2 : undefined}
          required
        />
      ))}
    </>
  );
}

function QuestionnaireEditor({
  year,
  code,
  current,
  onSaved,
}: {
  year: number;
  code: string;
  current: Questionnaire | null;
  onSaved: (message: string) => void;
}) {
  const t = useText(indicatorsStepText);
  const [title, setTitle] = useState<Bilingual>(current?.title ?? { ko: '', en: '' });
  const [access, setAccess] = useState<QuestionnaireAccess>(current?.access ?? 'open');
  const [questions, setQuestions] = useState<DraftQuestion[]>(() =>
    current
      ? current.questions.map((question) => ({
          key: nextKey++,
          kind: question.kind,
          prompt: question.prompt,
          options: question.options.map((option) => ({ ...option, key: nextKey++ })),
        }))
      : [newQuestion()],
  );
  const names = [
    'title.ko',
    'title.en',
    'access',
    'questions',
    ...questions.flatMap((question, index) => [
      `questions.${index}.prompt.ko`,
      `questions.${index}.prompt.en`,
      `questions.${index}.options`,
      ...question.options.flatMap((_, at) => [
        `questions.${index}.options.${at}.ko`,
        `questions.${index}.options.${at}.en`,
      ]),
    ]),
  ];
  const form = useForm({ fields: names, attach: { conflict: 'title.ko' } });
  const errorFor = (name: string) => form.errorFor(name);
  const change = (index: number, next: Partial<DraftQuestion>) =>
    setQuestions((all) => all.map((question, at) => (at === index ? { ...question, ...next } : question)));
  const onSubmit = form.submit(async () => {
    await api(`/indicators/cycles/${year}/questionnaires/${encodeURIComponent(code)}`, {
      method: 'PUT',
      body: {
        version: current?.version ?? 0,
        title,
        access,
        questions: questions.map(({ kind, prompt, options }) => ({
          kind,
          prompt,
          options: isChoice(kind) ? options.map(({ ko, en }) => ({ ko, en })) : [],
        })),
      },
    });
    onSaved(t('questionnaireSaved', { code }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <BilingualFields
        name="title"
        label={t('questionnaireTitle')}
        value={title}
        onChange={setTitle}
        errorFor={errorFor}
      />
      <SelectField
        name="access"
        label={t('accessLabel')}
        hint={t('accessHint')}
        value={access}
        onChange={setAccess}
        error={errorFor('access')}
        options={questionnaireAccesses.map((value) => ({ value, label: t(`access_${value}`) }))}
      />
      {questions.map((question, index) => {
        const number = index + 1;
        return (
          <Group key={question.key} name={`questions.${index}`} legend={t('questionLegend', { number })}>
            <SelectField
              name={`questions.${index}.kind`}
              label={t('questionKind', { number })}
              value={question.kind}
              onChange={(kind) =>
                change(index, {
                  kind,
                  options: isChoice(kind)
                    ? question.options.length > 0
                      ? question.options
                      : [blank(), blank()]
                    : [],
                })
              }
              options={questionKinds.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))}
            />
            <BilingualFields
              name={`questions.${index}.prompt`}
              label={t('questionPrompt', { number })}
              value={question.prompt}
              onChange={(prompt) => change(index, { prompt })}
              errorFor={errorFor}
              multiline
            />
            {isChoice(question.kind) ? (
              <Group
                name={`questions.${index}.options`}
                legend={t('optionsLegend', { number })}
                hint={t('optionsHint')}
                error={form.errorFor(`questions.${index}.options`)}
              >
                {question.options.map((option, at) => (
                  <div key={option.key} className="question-option">
                    <BilingualFields
                      name={`questions.${index}.options.${at}`}
                      label={t('optionLabel', { number, option: at + 1 })}
                      value={option}
                      onChange={(next) =>
                        change(index, {
                          options: question.options.map((entry, place) => (place === at ? next : entry)),
                        })
                      }
                      errorFor={errorFor}
                    />
                    <Button
                      variant="secondary"
                      onClick={() =>
                        change(index, { options: question.options.filter((_, place) => place !== at) })
                      }
                    >
                      {t('removeOption', { number, option: at + 1 })}
                    </Button>
                  </div>
                ))}
                <Button
                  variant="secondary"
                  onClick={() => change(index, { options: [...question.options, blank()] })}
                >
                  {t('addOption', { number })}
                </Button>
              </Group>
            ) : null}
            {questions.length > 1 ? (
              <Button
                variant="secondary"
                onClick={() => setQuestions((all) => all.filter((_, at) => at !== index))}
              >
                {t('removeQuestion', { number })}
              </Button>
            ) : null}
          </Group>
        );
      })}
      <p>
        <Button variant="secondary" onClick={() => setQuestions((all) => [...all, newQuestion()])}>
          {t('addQuestion')}
        </Button>
      </p>
      <Button type="submit" disabled={form.pending}>
        {t('saveQuestionnaire')}
      </Button>
    </form>
  );
}

/** The questionnaire's questions as written, for those who do not edit them. */
function QuestionList({ questionnaire }: { questionnaire: Questionnaire }) {
  const t = useText(indicatorsStepText);
  const language = useLanguage();
  return (
    <ol>
      {questionnaire.questions.map((question) => (
        <li key={question.id}>
          {question.prompt[language]} <span className="meta">({t(`kind_${question.kind}`)})</span>
          {question.options.length > 0 ? (
            <ul>
              {question.options.map((option) => (
                <li key={option.en}>{option[language]}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function AggregateForm({
  year,
  code,
  onDone,
}: {
  year: number;
  code: string;
  onDone: (text: string) => void;
}) {
  const t = useText(indicatorsStepText);
  const form = useForm<never>({ fields: [] });
  const onSubmit = form.submit(async () => {
    const { observations } = await api<{ observations: number }>(
      `/indicators/cycles/${year}/questionnaires/${encodeURIComponent(code)}/aggregate`,
      { method: 'POST' },
    );
    onDone(t('aggregated', { code, count: observations }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <p>{t('aggregateHint')}</p>
      <Button type="submit" disabled={form.pending}>
        {t('aggregate')}
      </Button>
    </form>
  );
}

/** Personal links as a CSV (UTF-8 with BOM, so a spreadsheet reads it), made in the browser: the server has no copy. */
function downloadLinks(links: readonly string[], fileName: string) {
  const csv = `\ufefflink\r\n${links.map((link) => `${link}\r\n`).join('')}`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/** The office's personal links of an invited questionnaire: counts, issuing, the links once, revoking. */
function Invitations({
  questionnaire,
  writable,
  onChanged,
}: {
  questionnaire: Questionnaire;
  writable: boolean;
  onChanged: (text: string) => void;
}) {
  const t = useText(indicatorsStepText);
  const base = `/indicators/cycles/${questionnaire.year}/questionnaires/${encodeURIComponent(questionnaire.code)}/invitations`;
  const [count, setCount] = useState('');
  const [issued, setIssued] = useState<string[]>([]);
  const [revoke, setRevoke] = useState('');
  const issueForm = useForm({ fields: ['count'] });
  const revokeForm = useForm({ fields: ['invitation'] });
  const allForm = useForm<never>({ fields: [] });
  const { issued: total, used, unused, revoked } = questionnaire.invitations;
  const onIssue = issueForm.submit(async () => {
    const { links } = await api<IssuedInvitations>(base, { method: 'POST', body: { count: Number(count) } });
    setIssued(links.map((entry) => new URL(entry.link, window.location.origin).href));
    setCount('');
    onChanged(t('invitationsIssued', { count: links.length }));
  });
  const onRevoke = revokeForm.submit(async () => {
    await api(`${base}/revoke`, { method: 'POST', body: { invitation: revoke } });
    setRevoke('');
    onChanged(t('invitationRevoked'));
  });
  const onRevokeAll = allForm.submit(async () => {
    const result = await api<{ revoked: number }>(`${base}/revoke`, {
      method: 'POST',
      body: { invitation: null },
    });
    onChanged(t('invitationsRevoked', { count: result.revoked }));
  });
  return (
    <section className="section" aria-labelledby="invitations">
      <h2 id="invitations">{t('invitationsTitle')}</h2>
      <p>{t('invitationsLead')}</p>
      <p>
        {t('invitationCounts', {
          issued: formatNumber(total),
          used: formatNumber(used),
          unused: formatNumber(unused),
          revoked: formatNumber(revoked),
        })}
      </p>
      {issued.length > 0 ? (
        <section aria-labelledby="issued-links">
          <h3 id="issued-links">{t('issuedTitle', { count: issued.length })}</h3>
          <Notice>{t('issuedOnce')}</Notice>
          <p>
            <Button
              variant="secondary"
              onClick={() =>
                downloadLinks(issued, `invitations-${questionnaire.year}-${questionnaire.code}.csv`)
              }
            >
              {t('downloadLinks')}
            </Button>
          </p>
          <ol className="invitation-links">
            {issued.map((link) => (
              <li key={link}>
                <code>{link}</code>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {writable ? (
        <>
          <form noValidate onSubmit={onIssue} className="form">
            <ErrorSummary form={issueForm} />
            <TextField
              name="count"
              label={t('invitationCount')}
              hint={t('invitationCountHint', { maximum: maximumInvitations })}
              value={count}
              onChange={setCount}
              error={issueForm.errorFor('count')}
              inputMode="numeric"
              required
            />
            <Button type="submit" disabled={issueForm.pending}>
              {t('issueInvitations')}
            </Button>
          </form>
          <form noValidate onSubmit={onRevoke} className="form">
            <ErrorSummary form={revokeForm} />
            <TextField
              name="invitation"
              label={t('revokeLabel')}
              hint={t('revokeHint')}
              value={revoke}
              onChange={setRevoke}
              error={revokeForm.errorFor('invitation')}
              required
            />
            <Button type="submit" variant="secondary" disabled={revokeForm.pending}>
              {t('revokeOne')}
            </Button>
          </form>
          {unused > 0 ? (
            <form noValidate onSubmit={onRevokeAll} className="form">
              <ErrorSummary form={allForm} />
              <Button type="submit" variant="secondary" disabled={allForm.pending}>
                {t('revokeAll', { count: formatNumber(unused) })}
              </Button>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function QuestionnaireResultsView({
  questionnaire,
  generation,
  office,
  onAggregated,
}: {
  questionnaire: Questionnaire;
  generation: number;
  office: boolean;
  onAggregated: (text: string) => void;
}) {
  const t = useText(indicatorsStepText);
  const language = useLanguage();
  const { results } = questionnaire;
  const texts = results.questions.filter((question) => question.kind === 'text');
  return (
    <section className="section" aria-labelledby="questionnaire-results">
      <h2 id="questionnaire-results">{t('resultsTitle')}</h2>
      <p>{t('responsesRecorded', { count: formatNumber(results.responses ?? 0) })}</p>
      <PublicResults token={questionnaire.token} generation={generation} />
      {texts.map((question) => (
        <section key={question.id} aria-labelledby={`texts-${question.id}`}>
          <h3 id={`texts-${question.id}`}>{t('textsTitle', { prompt: question.prompt[language] })}</h3>
          {question.texts.length === 0 ? (
            <p>{t('noTexts')}</p>
          ) : (
            <ul>
              {question.texts.map((text, index) => (
                // Answers carry no id, and the same words may come twice.
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is only ever read whole.
                <li key={index}>{text}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {office ? (
        <AggregateForm year={questionnaire.year} code={questionnaire.code} onDone={onAggregated} />
      ) : null}
    </section>
  );
}

function QuestionnaireView({ cycle, code }: { cycle: Cycle; code: string }) {
  const t = useText(indicatorsStepText);
  const office = useIsOffice();
  const state = useApiData<Questionnaire>(
    `/indicators/cycles/${cycle.year}/questionnaires/${encodeURIComponent(code)}`,
  );
  const [message, setMessage] = useState('');
  const [generation, setGeneration] = useState(0);
  const changed = (text: string) => {
    setMessage(text);
    setGeneration((count) => count + 1);
    state.reload();
  };
  const writable = office && (cycle.step === 'targets' || cycle.step === 'collection');
  const missing = state.error instanceof ApiError && state.error.status === 404;
  const live = <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>;
  if (missing) {
    return (
      <>
        {live}
        {writable ? (
          <section className="section" aria-labelledby="write-questionnaire">
            <h2 id="write-questionnaire">{t('writeQuestionnaire')}</h2>
            <QuestionnaireEditor year={cycle.year} code={code} current={null} onSaved={changed} />
          </section>
        ) : (
          <Notice>{t('noQuestionnaire')}</Notice>
        )}
      </>
    );
  }
  return (
    <>
      {live}
      <Loaded state={state}>
        {(questionnaire) => {
          const link = new URL(questionnaire.link, window.location.origin).href;
          const answered = (questionnaire.results.responses ?? 0) > 0;
          return (
            <>
              <section className="section" aria-labelledby="public-link">
                <h2 id="public-link">{t('publicLinkTitle')}</h2>
                <p>{t(questionnaire.open ? 'linkOpen' : 'linkClosed')}</p>
                <p>{t(questionnaire.access === 'invited' ? 'accessInvitedNote' : 'accessOpenNote')}</p>
                <p>
                  <a href={link}>{link}</a>
                </p>
              </section>
              {office && questionnaire.access === 'invited' ? (
                <Invitations questionnaire={questionnaire} writable={writable} onChanged={changed} />
              ) : null}
              <section className="section" aria-labelledby="write-questionnaire">
                <h2 id="write-questionnaire">{t('questionsTitle')}</h2>
                {writable && !answered ? (
                  <QuestionnaireEditor
                    key={questionnaire.version}
                    year={cycle.year}
                    code={code}
                    current={questionnaire}
                    onSaved={changed}
                  />
                ) : (
                  <>
                    {answered && office ? <Notice>{t('answeredNoEdit')}</Notice> : null}
                    <QuestionList questionnaire={questionnaire} />
                  </>
                )}
              </section>
              <section className="section" aria-labelledby="paper-response">
                <h2 id="paper-response">{t('paperTitle')}</h2>
                {questionnaire.open ? (
                  <>
                    <p>{t('paperLead')}</p>
                    <AnswerForm
                      path={`/indicators/cycles/${cycle.year}/questionnaires/${encodeURIComponent(code)}/responses`}
                      questions={questionnaire.questions}
                      submitLabel={t('paperSubmit')}
                      onSent={() => changed(t('paperRecorded'))}
                    />
                  </>
                ) : (
                  <Notice>{t('paperClosed')}</Notice>
                )}
              </section>
              <QuestionnaireResultsView
                questionnaire={questionnaire}
                generation={generation}
                office={office}
                onAggregated={changed}
              />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

const isQualitative = (indicator: IndicatorSummary) => indicator.kind === 'qualitative';

function Questionnaires({ cycle }: { cycle: Cycle }) {
  const t = useText(indicatorsStepText);
  const language = useLanguage();
  const { overview, indicators } = useDataEntryIndicators(isQualitative);
  const [code, setCode] = useState('');
  const chosen = code || indicators[0]?.code || '';
  return (
    <Loaded state={overview}>
      {() =>
        indicators.length === 0 ? (
          <Notice>{t('noQualitative')}</Notice>
        ) : (
          <>
            <SelectField
              name="code"
              label={t('qualitativeIndicator')}
              value={chosen}
              onChange={setCode}
              options={indicatorOptions(indicators, language)}
            />
            <QuestionnaireView key={chosen} cycle={cycle} code={chosen} />
          </>
        )
      }
    </Loaded>
  );
}

export default function QuestionnairesPage() {
  const t = useText(indicatorsStepText);
  return (
    <StepPage title={t('questionnairesTitle')} lead={t('questionnairesLead')}>
      {(cycle) => <Questionnaires cycle={cycle} />}
    </StepPage>
  );
}
