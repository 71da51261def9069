/**
 * Step (4): the assessment report of the cycle in progress, as the server generates it from the data
 * (an escaped HTML fragment), with a download of the whole document, the committee's comments, and
 * while the cycle is at the report a form to add one. Comments cannot be changed once sent.
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
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Report } from '../contract.ts';
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

function ReportView({ year }: { year: number }) {
  const t = useText(indicatorsStaffText);
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
                {report.comments.map((comment) => (
                  <li key={comment.id}>
                    <p className="meta">
                      {formatDateTime(comment.createdAt, language)} {comment.mine ? t('yourComment') : null}
                    </p>
                    <p>{comment.body}</p>
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
