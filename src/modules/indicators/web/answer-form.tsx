/**
 * What the public questionnaire page and the staff's questionnaire page share: the answer form (Likert
 * 1–5 and single choice as radio buttons, multiple choice as checkboxes, free text), and the results
 * as the public sees them, with every count under five shown only as "fewer than 5" and no free text.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Field,
  formatNumber,
  Group,
  Loaded,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Question, QuestionnaireResults, QuestionResult } from '../contract.ts';
import { questionnaireText } from './questionnaire-messages.ts';

type AnswerValue = number | number[] | string;
const likert = [1, 2, 3, 4, 5];

function QuestionInput({
  question,
  name,
  value,
  onChange,
  error,
}: {
  question: Question;
  name: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error: string | undefined;
}) {
  const t = useText(questionnaireText);
  const language = useLanguage();
  const legend = question.prompt[language];
  if (question.kind === 'text') {
    return (
      <TextField
        name={name}
        label={legend}
        value={typeof value === 'string' ? value : ''}
        onChange={onChange}
        error={error}
        multiline
        rows={3}
      />
    );
  }
  const choices =
    question.kind === 'likert'
      ? likert.map((score) => ({ value: score, label: String(score) }))
      : question.options.map((option, index) => ({ value: index, label: option[language] }));
  const multiple = question.kind === 'multiple';
  const hint = question.kind === 'likert' ? t('likertHint') : multiple ? t('multipleHint') : undefined;
  return (
    <Group name={name} legend={legend} hint={hint} error={error}>
      {choices.map((choice) => {
        const checked = multiple
          ? Array.isArray(value) && value.includes(choice.value)
          : value === choice.value;
        return (
          <Field key={choice.value} name={`${name}-${choice.value}`} label={choice.label} inline>
            {(control) => (
              <input
                {...control}
                name={`question-${question.id}`}
                type={multiple ? 'checkbox' : 'radio'}
                checked={checked}
                onChange={() => {
                  if (!multiple) return onChange(choice.value);
                  const chosen = Array.isArray(value) ? value : [];
                  onChange(
                    chosen.includes(choice.value)
                      ? chosen.filter((entry) => entry !== choice.value)
                      : [...chosen, choice.value].sort(),
                  );
                }}
              />
            )}
          </Field>
        );
      })}
    </Group>
  );
}

/**
 * The answers to one questionnaire, sent to `path`: the public link's, or the staff's for a response
 * received on paper.
 */
export function AnswerForm({
  path,
  questions,
  onSent,
  submitLabel,
  invitation,
}: {
  path: string;
  questions: readonly Question[];
  onSent: () => void;
  submitLabel?: string;
  /** A personal link's token, sent with the answers to an invited questionnaire. */
  invitation?: string;
}) {
  const t = useText(questionnaireText);
  const [answers, setAnswers] = useState<Record<number, AnswerValue>>({});
  // The server names an answer by its place among those sent, so the order sent is kept.
  const [sent, setSent] = useState<number[]>([]);
  const form = useForm({ fields: sent.map((_, index) => `answers.${index}.value`) });
  const answered = (id: number) => {
    const value = answers[id];
    return value !== undefined && !(Array.isArray(value) && value.length === 0) && value !== '';
  };
  const onSubmit = form.submit(async () => {
    const order = questions.map((question) => question.id).filter(answered);
    setSent(order);
    await api(path, {
      method: 'POST',
      body: {
        ...(invitation ? { invitation } : {}),
        answers: order.map((id) => ({ question: id, value: answers[id] })),
      },
    });
    setAnswers({});
    onSent();
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      {questions.map((question) => {
        const at = sent.indexOf(question.id);
        const name = at >= 0 ? `answers.${at}.value` : `question-${question.id}`;
        return (
          <QuestionInput
            key={question.id}
            question={question}
            name={name}
            value={answers[question.id]}
            onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
            error={at >= 0 ? form.errorFor(name) : undefined}
          />
        );
      })}
      <Button type="submit" disabled={form.pending}>
        {submitLabel ?? t('submit')}
      </Button>
    </form>
  );
}

/** The results as the public sees them: the API suppresses every count from one to four. */
export function PublicResults({ token, generation }: { token: string; generation: number }) {
  const t = useText(questionnaireText);
  const language = useLanguage();
  const state = useApiData<QuestionnaireResults>(`/indicators/questionnaires/${token}/results#${generation}`);
  type Row = QuestionResult['counts'][number];
  const columns: Column<Row>[] = [
    { key: 'option', header: t('option'), rowHeader: true, cell: (row) => row.label[language] },
    {
      key: 'count',
      header: t('count'),
      numeric: true,
      cell: (row) => (row.count === null ? t('fewer') : formatNumber(row.count)),
    },
  ];
  return (
    <section className="section" aria-labelledby="results">
      <h2 id="results">{t('resultsTitle')}</h2>
      <p>{t('resultsLead')}</p>
      <Loaded state={state}>
        {(results) => (
          <>
            <p>
              {t('responses', {
                count: results.responses === null ? t('fewer') : formatNumber(results.responses),
              })}
            </p>
            {results.questions.map((question) => (
              <section key={question.id} aria-labelledby={`result-${question.id}`}>
                <h3 id={`result-${question.id}`}>{question.prompt[language]}</h3>
                {question.kind === 'text' ? (
                  <p>{t('textNotShown')}</p>
                ) : (
                  <>
                    {question.kind === 'likert' ? (
                      <p>
                        {t('mean', {
                          mean:
                            question.mean !== null
                              ? question.mean
                              : question.answered === 0
                                ? t('noAnswers')
                                : t('fewer'),
                        })}
                      </p>
                    ) : null}
                    <DataTable
                      caption={t('countsCaption', { prompt: question.prompt[language] })}
                      columns={columns}
                      rows={question.counts}
                      rowKey={(row) => row.label.en}
                    />
                  </>
                )}
              </section>
            ))}
          </>
        )}
      </Loaded>
    </section>
  );
}
