/**
 * A department's view of the ombudsman: the information requests and the recommendations addressed
 * to it, each with a form to answer (a request) or respond (a recommendation: accepted, partly or
 * not, why, what was done), and the printable recommendation letter. The department sees nothing else
 * of the case. Answers carry the case's version; a 409 is explained and the list read again. After its
 * answer, the department reports implementation as often as it has something to report (text, then
 * evidence files), until the ombudsman closes the follow-up; its reports are listed here, and items
 * past their due date are flagged.
 */
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError, api, apiBase } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { FileUploadForm, type StoredFileInfo, StoredFileList } from '../../../kernel/web/ui/file-upload.tsx';
import {
  Button,
  CheckboxField,
  DataTable,
  ErrorSummary,
  formatDateTime,
  formatNumber,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type departmentInboxSchema, recommendationResponses, type TransitionInput } from '../contract.ts';
import { sendTransition } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';
import { TextField } from './text-field.tsx';
import './ombudsman.css';

type Inbox = z.infer<typeof departmentInboxSchema>;
type Request = Inbox['informationRequests'][number];
type Recommendation = Inbox['recommendations'][number];
type Response = (typeof recommendationResponses)[number];

type Open =
  | { kind: 'request'; item: Request }
  | { kind: 'recommendation'; item: Recommendation }
  | { kind: 'report'; item: Recommendation };
type Report = Recommendation['reports'][number];

const reportsPath = (recommendationId: string) =>
  `/ombudsman/recommendations/${encodeURIComponent(recommendationId)}/reports`;

/** A due date, and "overdue" in words (not by colour alone) when the answer is late. */
function Due({ date, overdue }: { date: string | null; overdue: boolean }) {
  const t = useText(ombudsmanStaffText);
  if (!date) return overdue ? <strong className="overdue">{t('overdueFlag')}</strong> : null;
  return overdue ? <strong className="overdue">{t('dueWithFlag', { date })}</strong> : date;
}

/** Writes the report, then takes its evidence files one by one; "Finish" closes the form. */
function ReportForm({ item, onDone }: { item: Recommendation; onDone: () => void }) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields: ['body'] });
  const [body, setBody] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [files, setFiles] = useState<StoredFileInfo[]>([]);
  const sent = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (report) sent.current?.focus();
  }, [report]);
  const submit = form.submit(async () => {
    setReport(await api<Report>(reportsPath(item.id), { method: 'POST', body: { body } }));
  });
  if (report) {
    const filesPath = `${reportsPath(item.id)}/${report.id}/files`;
    return (
      <>
        <p ref={sent} tabIndex={-1} className="notice notice--success">
          {t('reportSent')}
        </p>
        <StoredFileList files={files} href={(file) => `${apiBase}${filesPath}/${file.id}`} />
        <FileUploadForm
          id="reportFile"
          path={filesPath}
          label={t('reportFile')}
          onUploaded={(file) => setFiles((current) => [...current, file])}
        />
        <Button onClick={onDone}>{t('reportFinish')}</Button>
      </>
    );
  }
  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <p className="pre-wrap">{item.body}</p>
      <TextField
        name="body"
        label={t('reportText')}
        value={body}
        onChange={setBody}
        error={form.errorFor('body')}
        multiline
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('reportSend')}
      </Button>
    </form>
  );
}

function ConflictNotice({ problem }: { problem: ApiError | null }) {
  const t = useText(ombudsmanStaffText);
  return problem?.status === 409 ? (
    <Notice tone="warning">
      <p>{t('conflictHelp')}</p>
    </Notice>
  ) : null;
}

interface ItemFormProps<Item> {
  item: Item;
  onDone: () => void;
  /** The case moved on meanwhile: the inbox is read again. */
  onConflict: () => void;
}

async function sendStep(caseId: string, input: TransitionInput, onConflict: () => void) {
  try {
    await sendTransition(caseId, input);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) onConflict();
    throw error;
  }
}

function AnswerForm({ item, onDone, onConflict }: ItemFormProps<Request>) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields: ['answer'] });
  const [answer, setAnswer] = useState('');
  const submit = form.submit(async () => {
    await sendStep(
      item.caseId,
      { action: 'answer_information', version: item.caseVersion, requestId: item.id, answer },
      onConflict,
    );
    onDone();
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <ConflictNotice problem={form.problem} />
      <p className="pre-wrap">{item.question}</p>
      <TextField
        name="answer"
        label={t('answer')}
        value={answer}
        onChange={setAnswer}
        error={form.errorFor('answer')}
        multiline
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('reply')}
      </Button>
    </form>
  );
}

function RespondForm({ item, onDone, onConflict }: ItemFormProps<Recommendation>) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields: ['response', 'reason', 'implementationEvidence', 'implemented'] });
  const [response, setResponse] = useState<Response>('accepted');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [implemented, setImplemented] = useState(false);
  const submit = form.submit(async () => {
    await sendStep(
      item.caseId,
      {
        action: 'respond_recommendation',
        version: item.caseVersion,
        recommendationId: item.id,
        response,
        implemented,
        ...(reason.trim() ? { reason } : {}),
        ...(evidence.trim() ? { implementationEvidence: evidence } : {}),
      },
      onConflict,
    );
    onDone();
  });
  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      <ConflictNotice problem={form.problem} />
      <p className="pre-wrap">{item.body}</p>
      <SelectField
        name="response"
        label={t('respondentResponse')}
        value={response}
        onChange={setResponse}
        options={recommendationResponses.map((value) => ({ value, label: t(`response_${value}`) }))}
        error={form.errorFor('response')}
        required
      />
      <TextField
        name="reason"
        label={t('responseReason')}
        value={reason}
        onChange={setReason}
        error={form.errorFor('reason')}
        multiline
      />
      <TextField
        name="implementationEvidence"
        label={t('implementationEvidence')}
        value={evidence}
        onChange={setEvidence}
        error={form.errorFor('implementationEvidence')}
        multiline
      />
      <CheckboxField
        name="implemented"
        label={t('implementedCheck')}
        checked={implemented}
        onChange={setImplemented}
        error={form.errorFor('implemented')}
      />
      <Button type="submit" disabled={form.pending}>
        {t('respond')}
      </Button>
    </form>
  );
}

export default function InboxPage() {
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  const state = useApiData<Inbox>('/ombudsman/inbox');
  const [open, setOpen] = useState<Open | null>(null);
  const [message, setMessage] = useState('');
  const receipt = (item: { receiptNumber: string | null }) => item.receiptNumber ?? t('ownMotion');

  function done(text: string) {
    setOpen(null);
    setMessage(text);
    state.reload();
  }

  return (
    <Page title={t('inboxTitle')} lead={<p>{t('inboxLead')}</p>}>
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <Loaded state={state}>
        {(data) => (
          <>
            <DataTable
              caption={t('requestsCaption', { count: data.informationRequests.length })}
              rows={data.informationRequests}
              rowKey={(row) => row.id}
              empty={t('requestsEmpty')}
              columns={[
                { key: 'case', header: t('caseLabel'), rowHeader: true, cell: receipt },
                {
                  key: 'question',
                  header: t('question'),
                  cell: (row) => <span className="pre-wrap">{row.question}</span>,
                },
                {
                  key: 'due',
                  header: t('dueOn'),
                  sortValue: (row) => row.dueOn,
                  cell: (row) => <Due date={row.dueOn} overdue={row.overdue} />,
                },
                {
                  key: 'answer',
                  header: t('answer'),
                  cell: (row) =>
                    row.answer === null ? (
                      <Button
                        variant="secondary"
                        aria-label={t('replyTo', { receipt: receipt(row) })}
                        onClick={() => setOpen({ kind: 'request', item: row })}
                      >
                        {t('reply')}
                      </Button>
                    ) : (
                      <span className="pre-wrap">{row.answer}</span>
                    ),
                },
              ]}
            />
            <DataTable
              caption={t('recommendationsInboxCaption', { count: data.recommendations.length })}
              rows={data.recommendations}
              rowKey={(row) => row.id}
              empty={t('recommendationsEmpty')}
              columns={[
                { key: 'case', header: t('caseLabel'), rowHeader: true, cell: receipt },
                {
                  key: 'body',
                  header: t('body'),
                  cell: (row) => <span className="pre-wrap">{row.body}</span>,
                },
                {
                  key: 'issued',
                  header: t('issuedAt'),
                  cell: (row) => (row.issuedAt ? formatDateTime(row.issuedAt, language) : t('notIssued')),
                },
                {
                  key: 'due',
                  header: t('dueOn'),
                  cell: (row) => <Due date={row.dueOn} overdue={row.overdue} />,
                },
                {
                  key: 'letter',
                  header: t('letter'),
                  cell: (row) => (
                    <a
                      href={`${apiBase}/ombudsman/cases/${row.caseId}/documents/recommendation/${row.id}?lang=${language}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t('letter')} {receipt(row)}
                    </a>
                  ),
                },
                {
                  key: 'response',
                  header: t('response'),
                  cell: (row) =>
                    row.response === null ? (
                      <Button
                        variant="secondary"
                        aria-label={t('respondTo', { receipt: receipt(row) })}
                        onClick={() => setOpen({ kind: 'recommendation', item: row })}
                      >
                        {t('respond')}
                      </Button>
                    ) : (
                      `${t(`response_${row.response}`)}${row.implemented ? ` (${t('implemented')})` : ''}`
                    ),
                },
                {
                  key: 'reports',
                  header: t('reports'),
                  cell: (row) =>
                    row.closedAt && row.closedOutcome ? (
                      t('followUpClosed', {
                        outcome: t(`closedOutcome_${row.closedOutcome}`),
                        time: formatDateTime(row.closedAt, language),
                      })
                    ) : row.response === null ? (
                      formatNumber(row.reports.length)
                    ) : (
                      <Button
                        variant="secondary"
                        aria-label={t('reportImplementationFor', { receipt: receipt(row) })}
                        onClick={() => setOpen({ kind: 'report', item: row })}
                      >
                        {t('reportImplementation')}
                      </Button>
                    ),
                },
              ]}
            />
            <SentReports recommendations={data.recommendations} receipt={receipt} />
          </>
        )}
      </Loaded>
      {open ? (
        <OpenItem
          key={open.item.id}
          open={open}
          onCancel={() => setOpen(null)}
          onDone={done}
          onConflict={state.reload}
        />
      ) : null}
    </Page>
  );
}

function OpenItem({
  open,
  onCancel,
  onDone,
  onConflict,
}: {
  open: Open;
  onCancel: () => void;
  onDone: (message: string) => void;
  onConflict: () => void;
}) {
  const t = useText(ombudsmanStaffText);
  const receipt = open.item.receiptNumber ?? t('ownMotion');
  const title =
    open.kind === 'request'
      ? t('replyTo', { receipt })
      : open.kind === 'report'
        ? t('reportImplementationFor', { receipt })
        : t('respondTo', { receipt });
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by a button in a table row: take the reader to the form.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="section" aria-labelledby="open-item-title">
      <h2 id="open-item-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {open.kind === 'request' ? (
        <AnswerForm item={open.item} onDone={() => onDone(t('answered'))} onConflict={onConflict} />
      ) : open.kind === 'report' ? (
        <ReportForm item={open.item} onDone={() => onDone(t('reportDone'))} />
      ) : (
        <RespondForm item={open.item} onDone={() => onDone(t('responded'))} onConflict={onConflict} />
      )}
      <Button variant="secondary" onClick={onCancel}>
        {t('cancel')}
      </Button>
    </section>
  );
}

/** Every implementation report the department sent, per recommendation, oldest first. */
function SentReports({
  recommendations,
  receipt,
}: {
  recommendations: readonly Recommendation[];
  receipt: (item: { receiptNumber: string | null }) => string;
}) {
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  const reported = recommendations.filter((item) => item.reports.length > 0);
  if (reported.length === 0) return null;
  return (
    <section className="section" aria-labelledby="sent-reports-title">
      <h2 id="sent-reports-title">{t('reportsSection')}</h2>
      {reported.map((item) => (
        <section key={item.id} aria-labelledby={`sent-${item.id}`}>
          <h3 id={`sent-${item.id}`}>{t('caseTitle', { receipt: receipt(item) })}</h3>
          <ol className="report-list">
            {item.reports.map((report) => (
              <li key={report.id}>
                <p className="meta">
                  {t('reportBy', {
                    name: report.authorName,
                    time: formatDateTime(report.createdAt, language),
                  })}
                </p>
                <p className="pre-wrap">{report.body}</p>
                {report.files.length > 0 ? (
                  <StoredFileList
                    files={report.files}
                    href={(file) => `${apiBase}${reportsPath(item.id)}/${report.id}/files/${file.id}`}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
