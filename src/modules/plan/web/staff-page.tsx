/**
 * The action plan for staff: a year's tasks the reader may see (a department its own), the overdue
 * reports by department, and for the office a form to add a task and the task file's upload and
 * downloads.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, apiBase } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Field,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { ImportResult, TaskSummary, YearSettings } from '../contract.ts';
import { CommentThread } from './comments.tsx';
import { planStaffText } from './messages.ts';
import { staffTaskPath } from './paths.ts';
import { useFormats } from './shared.tsx';
import { StatusesSection } from './statuses-section.tsx';
import { TaskForm } from './task-form.tsx';
import './plan.css';

type Overdue = {
  departments: {
    code: string;
    name: { ko: string; en: string };
    items: {
      taskId: number;
      code: string;
      title: { ko: string; en: string };
      period: { code: string; endsOn: string };
    }[];
  }[];
};

function TaskFiles({ year, onImported }: { year: number; onImported: (message: string) => void }) {
  const t = useText(planStaffText);
  const form = useForm({ fields: ['file'], attach: { invalid_workbook: 'file', payload_too_large: 'file' } });
  const [file, setFile] = useState<File | null>(null);
  const onSubmit = form.submit(async () => {
    const isWorkbook = file?.name.toLowerCase().endsWith('.xlsx') ?? false;
    const type = isWorkbook
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv';
    const result = await api<ImportResult>(`/plan/staff/years/${year}/tasks/import`, {
      method: 'POST',
      body: new Blob(file ? [file] : [], { type }),
    });
    onImported(t('imported', { created: result.created, updated: result.updated }));
  });
  return (
    <section className="section" aria-labelledby="task-files">
      <h2 id="task-files">{t('importTitle')}</h2>
      <p className="prose">{t('importLead')}</p>
      <ul>
        <li>
          <a href={`${apiBase}/plan/staff/years/${year}/tasks.csv`} download>
            {t('downloadCsv', { year })}
          </a>
        </li>
        <li>
          <a href={`${apiBase}/plan/staff/years/${year}/tasks.xlsx`} download>
            {t('downloadXlsx', { year })}
          </a>
        </li>
      </ul>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <Field name="file" label={t('file')} error={form.errorFor('file')} required>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Button type="submit" disabled={form.pending}>
          {t('upload')}
        </Button>
      </form>
    </section>
  );
}

const periodChoices = ['1', '2', '4', '12'] as const;

function YearSettingsForm({
  settings,
  onSaved,
}: {
  settings: YearSettings;
  onSaved: (message: string) => void;
}) {
  const t = useText(planStaffText);
  const form = useForm({ fields: ['periodsPerYear', 'review'] });
  const [periods, setPeriods] = useState(String(settings.periodsPerYear) as (typeof periodChoices)[number]);
  const [reviewKo, setReviewKo] = useState(settings.review?.ko ?? '');
  const [reviewEn, setReviewEn] = useState(settings.review?.en ?? '');
  const onSubmit = form.submit(async () => {
    const review = reviewKo.trim() || reviewEn.trim() ? { ko: reviewKo, en: reviewEn } : null;
    await api(`/plan/staff/years/${settings.year}`, {
      method: 'PUT',
      body: { periodsPerYear: Number(periods), review, version: settings.version },
    });
    onSaved(t('yearSaved', { year: settings.year }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <SelectField
        name="periodsPerYear"
        label={t('periodsPerYear')}
        value={periods}
        onChange={setPeriods}
        options={periodChoices.map((choice) => ({ value: choice, label: t(`perYear_${choice}`) }))}
        error={form.errorFor('periodsPerYear')}
        required
      />
      <TextField
        name="review"
        label={t('reviewKo')}
        value={reviewKo}
        onChange={setReviewKo}
        multiline
        rows={4}
        error={form.errorFor('review')}
      />
      <TextField
        name="reviewEn"
        label={t('reviewEn')}
        value={reviewEn}
        onChange={setReviewEn}
        multiline
        rows={4}
      />
      <Button type="submit" disabled={form.pending}>
        {t('saveYear')}
      </Button>
    </form>
  );
}

function YearReview({ year, onSaved }: { year: number; onSaved: (message: string) => void }) {
  const t = useText(planStaffText);
  const language = useLanguage();
  const { user } = useSession();
  const state = useApiData<YearSettings>(`/plan/staff/years/${year}`);
  const office = user?.role === 'officer' || user?.role === 'admin';
  const saved = (message: string) => {
    onSaved(message);
    state.reload();
  };
  return (
    <section className="section" aria-labelledby="year-review">
      <h2 id="year-review">{t('yearTitle', { year })}</h2>
      <Loaded state={state}>
        {(settings) => (
          <>
            <p>
              {t('periodsPerYear')}: {t(`perYear_${settings.periodsPerYear}`)}
            </p>
            {office ? (
              <YearSettingsForm key={settings.version} settings={settings} onSaved={saved} />
            ) : (
              <p className="prose">{settings.review ? settings.review[language] : t('noReview')}</p>
            )}
            <h3>{t('reviewCommentsTitle')}</h3>
            <CommentThread
              key={settings.comments.length}
              comments={settings.comments}
              postPath={`/plan/staff/years/${year}/comments`}
              mayComment={office || user?.role === 'committee'}
              office={office}
              onDone={saved}
            />
          </>
        )}
      </Loaded>
    </section>
  );
}

function OverdueList({ year }: { year: number }) {
  const t = useText(planStaffText);
  const language = useLanguage();
  const state = useApiData<Overdue>(`/plan/staff/years/${year}/overdue`);
  type Item = Overdue['departments'][number]['items'][number];
  const columns: Column<Item>[] = [
    {
      key: 'task',
      header: t('code'),
      rowHeader: true,
      cell: (item) => <Link to={staffTaskPath(item.taskId)}>{`${item.code} ${item.title[language]}`}</Link>,
    },
    { key: 'period', header: t('period'), cell: (item) => item.period.code },
    { key: 'ends', header: t('endsOn'), cell: (item) => item.period.endsOn },
  ];
  return (
    <section className="section" aria-labelledby="overdue">
      <h2 id="overdue">{t('overdueTitle')}</h2>
      <Loaded state={state}>
        {({ departments }) =>
          departments.length === 0 ? (
            <p>{t('noOverdue')}</p>
          ) : (
            departments.map((department) => (
              <DataTable
                key={department.code}
                caption={t('overdueCaption', { department: department.name[language] })}
                columns={columns}
                rows={department.items}
                rowKey={(item) => `${item.taskId}:${item.period.code}`}
              />
            ))
          )
        }
      </Loaded>
    </section>
  );
}

export default function StaffPage() {
  const t = useText(planStaffText);
  const language = useLanguage();
  const format = useFormats();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year')) || new Date().getFullYear();
  const [yearText, setYearText] = useState(String(year));
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);
  const state = useApiData<{ tasks: TaskSummary[] }>(`/plan/staff/years/${year}/tasks`);
  const office = user?.role === 'officer' || user?.role === 'admin';
  const changed = (text: string) => {
    setMessage(text);
    state.reload();
    setVersion((count) => count + 1);
  };
  const columns: Column<TaskSummary>[] = [
    { key: 'code', header: t('code'), cell: (task) => task.code, sortValue: (task) => task.code },
    {
      key: 'title',
      header: t('task'),
      rowHeader: true,
      cell: (task) => <Link to={staffTaskPath(task.id)}>{task.title[language]}</Link>,
    },
    { key: 'lead', header: t('leadDepartment'), cell: (task) => task.leadDepartment },
    { key: 'progress', header: t('progress'), numeric: true, cell: (task) => format.percent(task.progress) },
  ];
  return (
    <Page title={t('staffTitle')} lead={<p>{t('staffLead')}</p>}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <form
        noValidate
        className="form form-row"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ year: yearText.trim() });
        }}
      >
        <TextField
          name="year"
          label={t('year')}
          value={yearText}
          onChange={setYearText}
          inputMode="numeric"
          className="input--short"
        />
        <Button type="submit" variant="secondary">
          {t('show')}
        </Button>
      </form>
      <section className="section" aria-labelledby="year-tasks">
        <h2 id="year-tasks">{t('tasksCaption', { year })}</h2>
        <Loaded state={state}>
          {({ tasks }) => (
            <DataTable
              caption={t('tasksCaption', { year })}
              columns={columns}
              rows={tasks}
              rowKey={(task) => String(task.id)}
              empty={t('noTasks')}
            />
          )}
        </Loaded>
      </section>
      <OverdueList key={`${year}:${version}`} year={year} />
      <YearReview key={`review:${year}`} year={year} onSaved={changed} />
      {office ? <TaskForm year={year} onSaved={changed} /> : null}
      {office ? <TaskFiles year={year} onImported={changed} /> : null}
      {user?.role === 'admin' ? <StatusesSection onSaved={changed} /> : null}
    </Page>
  );
}
