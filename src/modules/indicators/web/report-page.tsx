/**
 * Step (4): the assessment report of the cycle in progress, as the server generates it from the data
 * (an escaped HTML fragment), with a download of the whole document, the committee's comments, and
 * while the cycle is at the report a form to add one. Comments cannot be changed once sent. The
 * office answers them (each answer shown under its comment, with who and when) until the year closes.
 */
import { useState } from 'react';
import { api, apiBase } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  formatDateTime,
  LiveRegion,
  Loaded,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Report } from '../contract.ts';
import { indicatorsCycleText } from './cycle-messages.ts';
import { indicatorsStaffText } from './staff-messages.ts';
import { StepPage } from './step-page.tsx';

function CommentForm({ year, onSent }: { year: number; onSent: () => void }) {
  const t = useText(indicatorsStaffText);
  const form = useForm({ fields: ['body'] });
  const [body, setBody] = useState('');
  const onSubmit = form.submit(async () => {
    await api(`/indicators/cycles/${year}/report/comments`, { method: 'POST', body: { body } });
    setBody('');
    onSent();
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <TextField
        name="body"
        label={t('newComment')}
        value={body}
        onChange={setBody}
        error={form.errorFor('body')}
        multiline
        rows={4}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('sendComment')}
      </Button>
    </form>
  );
}

/** The office answers one of the committee's comments, chosen from the list. */
function AnswerForm({
  year,
  comments,
  onSent,
}: {
  year: number;
  comments: Report['comments'];
  onSent: () => void;
}) {
  const c = useText(indicatorsCycleText);
  const form = useForm({ fields: ['comment', 'answer'], attach: { not_found: 'comment' } });
  const firstOpen = comments.find((comment) => comment.answers.length === 0) ?? comments[0];
  const [commentId, setCommentId] = useState(String(firstOpen?.id ?? ''));
  const [answer, setAnswer] = useState('');
  const number = comments.findIndex((comment) => String(comment.id) === commentId) + 1;
  const onSubmit = form.submit(async () => {
    await api(`/indicators/cycles/${year}/report/comments/${commentId}/answers`, {
      method: 'POST',
      body: { answer },
    });
    setAnswer('');
    onSent();
  });
  return (
    <section className="section" aria-labelledby="answer-comment">
      <h3 id="answer-comment">{c('answerFormTitle')}</h3>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="comment"
          label={c('commentToAnswer')}
          value={commentId}
          onChange={setCommentId}
          options={comments.map((comment, index) => ({
            value: String(comment.id),
            label: c('commentOption', {
              number: index + 1,
              excerpt: comment.body.length > 60 ? `${comment.body.slice(0, 60)}…` : comment.body,
            }),
          }))}
          error={form.errorFor('comment')}
          required
        />
        <TextField
          name="answer"
          label={c('answerLabel', { number })}
          value={answer}
          onChange={setAnswer}
          error={form.errorFor('answer')}
          multiline
          rows={4}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {c('sendAnswer')}
        </Button>
      </form>
    </section>
  );
}

function ReportView({ year }: { year: number }) {
  const t = useText(indicatorsStaffText);
  const c = useText(indicatorsCycleText);
  const language = useLanguage();
  const state = useApiData<Report>(`/indicators/cycles/${year}/report`);
  const [message, setMessage] = useState('');
  if (state.error?.code === 'indicators_report_not_issued') return <Notice>{t('reportNotIssued')}</Notice>;
  return (
    <Loaded state={state}>
      {(report) => (
        <>
          <p>
            <a href={`${apiBase}/indicators/cycles/${year}/report.html?lang=${language}`} download>
              {t('downloadReport')}
            </a>
          </p>
          {/* The server escapes every value it puts in the report. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: generated and escaped by the server. */}
          <div className="report" dangerouslySetInnerHTML={{ __html: report.html }} />
          <section className="section" aria-labelledby="comments">
            <h2 id="comments">{t('commentsTitle')}</h2>
            <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
            {report.comments.length === 0 ? (
              <p>{t('noComments')}</p>
            ) : (
              <ul className="report-comments">
                {report.comments.map((comment, index) => (
                  <li key={comment.id}>
                    <p className="meta">
                      {c('commentNumber', { number: index + 1 })}:{' '}
                      {formatDateTime(comment.createdAt, language)} {comment.mine ? t('yourComment') : null}
                    </p>
                    <p>{comment.body}</p>
                    {comment.answers.length === 0 ? (
                      <p className="meta">{c('noAnswer')}</p>
                    ) : (
                      <ul className="comment-answers" aria-label={c('answersTitle')}>
                        {comment.answers.map((answer) => (
                          <li key={answer.id}>
                            <p className="meta">
                              {c('answerBy', {
                                name: answer.author,
                                at: formatDateTime(answer.createdAt, language),
                              })}
                            </p>
                            <p>{answer.body}</p>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {report.mayComment ? (
              <CommentForm
                year={year}
                onSent={() => {
                  setMessage(t('commentSent'));
                  state.reload();
                }}
              />
            ) : (
              <Notice>{t('commentsClosed')}</Notice>
            )}
            {report.mayAnswer && report.comments.length > 0 ? (
              <AnswerForm
                year={year}
                comments={report.comments}
                onSent={() => {
                  setMessage(c('answerSent'));
                  state.reload();
                }}
              />
            ) : null}
          </section>
        </>
      )}
    </Loaded>
  );
}

export default function ReportPage() {
  const t = useText(indicatorsStaffText);
  return (
    <StepPage title={t('reportTitle')} lead={t('reportLead')}>
      {(cycle) => <ReportView year={cycle.year} />}
    </StepPage>
  );
}
