/**
 * One task for staff: its figures, its reporting periods (overdue ones marked), the history of every
 * report revision, and what the reader may do: the lead department reports, the office reviews the
 * report awaiting review (one at a time, oldest first), the committee comments and the office answers.
 */
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { Report, Status, TaskDetail } from '../contract.ts';
import { CommentThread } from './comments.tsx';
import { planStaffText, planText } from './messages.ts';
import { staffPath, taskPath } from './paths.ts';
import { EvidenceUploads, ReportFileLinks } from './report-files.tsx';
import { useFormats, useFormValues } from './shared.tsx';
import { TaskForm } from './task-form.tsx';
import './plan.css';

type Period = TaskDetail['periods'][number];

function ReportForm({
  task,
  statuses,
  onDone,
}: {
  task: TaskDetail;
  statuses: Status[];
  onDone: (message: string) => void;
}) {
  const t = useText(planStaffText);
  const language = useLanguage();
  const form = useForm({
    fields: ['period', 'statusCode', 'narrative', 'budgetExecuted', 'nextSteps', 'evidenceLinks'],
    attach: { plan_report_pending: 'period' },
  });
  const open = task.periods.find((period) => period.state === null || period.state === 'returned');
  const { values, bind } = useFormValues(
    {
      period: open?.code ?? '',
      statusCode: '',
      narrative: '',
      budgetExecuted: '',
      nextSteps: '',
      evidenceLinks: '',
    },
    (name) => form.errorFor(name as never),
  );
  const onSubmit = form.submit(async () => {
    const budget = values.budgetExecuted.trim();
    const report = await api<Report>(`/plan/staff/tasks/${task.id}/reports`, {
      method: 'POST',
      body: {
        period: values.period,
        statusCode: values.statusCode,
        narrative: values.narrative,
        budgetExecuted: budget === '' ? null : /^\d+$/.test(budget) ? Number(budget) : budget,
        nextSteps: values.nextSteps.trim() || null,
        evidenceLinks: values.evidenceLinks
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      },
    });
    onDone(t('submitted', { period: report.period }));
  });
  return (
    <section className="section" aria-labelledby="report-form">
      <h2 id="report-form">{t('reportTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          {...bind('period')}
          label={t('period')}
          options={task.periods.map((period) => ({
            value: period.code,
            label: `${period.code} (${period.startsOn} – ${period.endsOn})`,
          }))}
          required
        />
        <SelectField
          {...bind('statusCode')}
          label={t('status')}
          empty={t('choose')}
          options={statuses.map((status) => ({
            value: status.code,
            label: `${status.name[language]} (${status.progress}%)`,
          }))}
          required
        />
        <TextField {...bind('narrative')} label={t('narrative')} multiline rows={5} required />
        <TextField {...bind('budgetExecuted')} label={t('budgetExecuted')} inputMode="numeric" />
        <TextField {...bind('nextSteps')} label={t('nextSteps')} multiline rows={3} />
        <TextField
          {...bind('evidenceLinks')}
          label={t('evidence')}
          hint={t('evidenceHint')}
          multiline
          rows={2}
        />
        <p>{t('filesAfterSubmit')}</p>
        <Button type="submit" disabled={form.pending}>
          {t('submit')}
        </Button>
      </form>
    </section>
  );
}

function ReviewForm({ report, onDone }: { report: Report; onDone: (message: string) => void }) {
  const t = useText(planStaffText);
  const form = useForm({ fields: ['comment'], attach: { plan_report_not_submitted: 'comment' } });
  const [comment, setComment] = useState('');
  const send = (event: FormEvent) => {
    const decision = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value');
    return form.submit(async () => {
      await api<Report>(`/plan/staff/reports/${report.id}/review`, {
        method: 'POST',
        body: { decision, comment: comment.trim() || null },
      });
      onDone(t('reviewed'));
    })(event);
  };
  return (
    <section className="section" aria-labelledby="review-form">
      <h2 id="review-form">{t('reviewTitle')}</h2>
      <form noValidate onSubmit={send} className="form">
        <ErrorSummary form={form} />
        <TextField
          name="comment"
          label={t('returnComment', { period: report.period })}
          value={comment}
          onChange={setComment}
          multiline
          rows={3}
          error={form.errorFor('comment')}
        />
        <div className="inline-actions">
          <Button type="submit" value="accept" disabled={form.pending}>
            {t('accept', { period: report.period })}
          </Button>
          <Button type="submit" value="return" variant="secondary" disabled={form.pending}>
            {t('returnReport', { period: report.period })}
          </Button>
        </div>
      </form>
    </section>
  );
}

function TaskView({ task, onChanged }: { task: TaskDetail; onChanged: (message: string) => void }) {
  const t = useText(planStaffText);
  const p = useText(planText);
  const language = useLanguage();
  const format = useFormats();
  const statuses = useApiData<{ statuses: Status[] }>('/plan/staff/statuses');
  const list = statuses.data?.statuses ?? [];
  const awaiting = [...task.reports].reverse().find((report) => report.state === 'submitted');
  const periodColumns: Column<Period>[] = [
    {
      key: 'code',
      header: t('period'),
      rowHeader: true,
      cell: (period) => `${period.code} (${period.startsOn} – ${period.endsOn})`,
    },
    { key: 'state', header: t('state'), cell: (period) => t(`state_${period.state ?? 'none'}`) },
    { key: 'overdue', header: t('overdue'), cell: (period) => (period.overdue ? t('overdue') : '') },
  ];
  const reportColumns: Column<Report>[] = [
    { key: 'period', header: t('period'), rowHeader: true, cell: (report) => report.period },
    { key: 'revision', header: t('revision'), numeric: true, cell: (report) => report.revision },
    { key: 'state', header: t('state'), cell: (report) => t(`state_${report.state}`) },
    { key: 'status', header: t('status'), cell: (report) => format.status(list, report.statusCode) },
    {
      key: 'progress',
      header: t('progress'),
      numeric: true,
      cell: (report) => format.percent(report.progress),
    },
    { key: 'narrative', header: t('narrative'), cell: (report) => report.narrative },
    { key: 'next', header: t('nextSteps'), cell: (report) => report.nextSteps ?? '' },
    {
      key: 'evidence',
      header: t('evidence'),
      cell: (report) => (
        <ul>
          {report.evidenceLinks.map((link) => (
            <li key={link}>
              <a href={link} rel="noopener noreferrer">
                {link}
              </a>
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'files', header: t('evidenceFiles'), cell: (report) => <ReportFileLinks report={report} /> },
    {
      key: 'budget',
      header: t('budgetExecuted'),
      numeric: true,
      cell: (report) => format.won(report.budgetExecuted),
    },
    { key: 'comment', header: t('reviewComment'), cell: (report) => report.reviewComment ?? '' },
  ];
  return (
    <>
      <p>
        <Link to={`${staffPath}?year=${task.year}`}>{t('backToStaff')}</Link>
        {task.isPublic ? (
          <>
            {' · '}
            <Link to={taskPath(task.id)}>{t('publicPage')}</Link>
          </>
        ) : null}
      </p>
      <dl className="definition-list">
        <dt>{t('progress')}</dt>
        <dd>{format.percent(task.progress)}</dd>
        <dt>{t('status')}</dt>
        <dd>{format.status(list, task.statusCode)}</dd>
        <dt>{t('leadDepartment')}</dt>
        <dd>{task.leadDepartment}</dd>
        <dt>{p('cooperating')}</dt>
        <dd>{task.cooperatingDepartments.join(', ') || p('none')}</dd>
        <dt>{t('budgetPlanned')}</dt>
        <dd>{format.won(task.budgetPlanned)}</dd>
        <dt>{t('budgetExecuted')}</dt>
        <dd>{format.won(task.budgetExecuted)}</dd>
        {task.description ? (
          <>
            <dt>{p('description')}</dt>
            <dd>{task.description[language]}</dd>
          </>
        ) : null}
      </dl>
      {task.may.edit ? (
        <TaskForm key={task.version} year={task.year} task={task} onSaved={onChanged} />
      ) : null}
      <section className="section" aria-labelledby="periods">
        <h2 id="periods">{t('periodsCaption')}</h2>
        <DataTable
          caption={t('periodsCaption')}
          columns={periodColumns}
          rows={task.periods}
          rowKey={(period) => period.code}
        />
      </section>
      {task.may.report ? (
        <ReportForm key={task.reports.length} task={task} statuses={list} onDone={onChanged} />
      ) : null}
      {task.may.report ? <EvidenceUploads reports={task.reports} onChanged={onChanged} /> : null}
      {task.may.review && awaiting ? (
        <ReviewForm key={awaiting.id} report={awaiting} onDone={onChanged} />
      ) : null}
      <section className="section" aria-labelledby="reports">
        <h2 id="reports">{t('reportsCaption')}</h2>
        <DataTable
          caption={t('reportsCaption')}
          columns={reportColumns}
          rows={task.reports}
          rowKey={(report) => String(report.id)}
          empty={t('noReports')}
        />
      </section>
      <section className="section" aria-labelledby="comments">
        <h2 id="comments">{t('commentsTitle')}</h2>
        <CommentThread
          key={task.comments.length}
          comments={task.comments}
          postPath={`/plan/staff/tasks/${task.id}/comments`}
          mayComment={task.may.comment}
          office={task.may.edit}
          onDone={onChanged}
        />
      </section>
    </>
  );
}

export default function StaffTaskPage() {
  const t = useText(planStaffText);
  const p = useText(planText);
  const language = useLanguage();
  const { id = '' } = useParams();
  const state = useApiData<TaskDetail>(`/plan/staff/tasks/${encodeURIComponent(id)}`);
  const [message, setMessage] = useState('');
  const title = state.data
    ? t('taskTitle', { code: state.data.code, title: state.data.title[language] })
    : p('tasksTitle');
  return (
    <Page title={title}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      {isNotFound(state.error) ? (
        <Notice>{p('notFound')}</Notice>
      ) : (
        <Loaded state={state}>
          {(task) => (
            <TaskView
              task={task}
              onChanged={(text) => {
                setMessage(text);
                state.reload();
              }}
            />
          )}
        </Loaded>
      )}
    </Page>
  );
}
