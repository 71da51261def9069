/**
 * One programme for the office: its sessions (instructors included), a form that records a session,
 * and the upload of an attendance sheet (CSV or .xlsx). A refused sheet is reported as the server
 * reports it: one table row per row and column of the file, and the file field marked invalid.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Field,
  formatNumber,
  LiveRegion,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { ImportResult, Overview, ProgrammeDetail } from '../contract.ts';
import { educationStaffText, educationText } from './messages.ts';
import { programmePath, staffPath } from './paths.ts';
import { ProgrammeForm } from './programme-form.tsx';
import { ProgrammeLoader, SessionTable } from './programme-page.tsx';

const sessionFields = ['heldOn', 'place', 'instructor', 'participants'] as const;
type SessionField = (typeof sessionFields)[number];
const emptySession: Record<SessionField, string> = {
  heldOn: '',
  place: '',
  instructor: '',
  participants: '',
};

/** The server names a problem in the sheet `sheet.<row>` or `sheet.<row>.<column>`. */
const sheetIssue = /^sheet\.(\d+)(?:\.(.*))?$/;
type Issue = { row: number; column: string | null; message: string };

function SessionForm({ id, onSaved }: { id: string; onSaved: (message: string) => void }) {
  const t = useText(educationStaffText);
  const form = useForm({ fields: sessionFields });
  const [values, setValues] = useState(emptySession);
  const change = (name: SessionField) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const onSubmit = form.submit(async () => {
    const count = values.participants.trim();
    await api(`/education/programmes/${encodeURIComponent(id)}/sessions`, {
      method: 'POST',
      body: {
        heldOn: values.heldOn.trim(),
        place: values.place,
        instructor: values.instructor,
        participants: count === '' ? undefined : Number(count.replace(/,/g, '')),
      },
    });
    onSaved(t('recorded', { date: values.heldOn.trim() }));
    setValues(emptySession);
  });
  return (
    <section className="section" aria-labelledby="record-session">
      <h2 id="record-session">{t('recordTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <TextField
          name="heldOn"
          label={t('heldOn')}
          hint={t('heldOnHint')}
          inputMode="numeric"
          value={values.heldOn}
          onChange={change('heldOn')}
          error={form.errorFor('heldOn')}
          required
        />
        <TextField
          name="place"
          label={t('place')}
          value={values.place}
          onChange={change('place')}
          error={form.errorFor('place')}
          required
        />
        <TextField
          name="instructor"
          label={t('instructor')}
          value={values.instructor}
          onChange={change('instructor')}
          error={form.errorFor('instructor')}
          required
        />
        <TextField
          name="participants"
          label={t('participants')}
          inputMode="numeric"
          value={values.participants}
          onChange={change('participants')}
          error={form.errorFor('participants')}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('record')}
        </Button>
      </form>
    </section>
  );
}

function SheetForm({ id, onSaved }: { id: string; onSaved: (message: string) => void }) {
  const t = useText(educationStaffText);
  const form = useForm({
    fields: ['file'] as const,
    attach: { payload_too_large: 'file', unsupported_media_type: 'file' },
  });
  const [file, setFile] = useState<File | null>(null);
  const issues: Issue[] = (form.problem?.errors ?? []).flatMap((error) => {
    const match = sheetIssue.exec(error.field);
    return match ? [{ row: Number(match[1]), column: match[2] ?? null, message: error.message }] : [];
  });
  const fileError =
    issues.length > 0 ? t('fileProblems', { count: formatNumber(issues.length) }) : form.errorFor('file');
  const summaryErrors = [
    ...form.errors.filter((error) => error.name !== undefined),
    ...(fileError && !form.errorFor('file') ? [{ name: 'file', message: fileError }] : []),
  ];
  const onSubmit = form.submit(async () => {
    const isWorkbook = file?.name.toLowerCase().endsWith('.xlsx') ?? false;
    const type = isWorkbook
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv';
    // Without a file an empty one is sent: the server says what is missing, in its own words.
    const result = await api<ImportResult>(`/education/programmes/${encodeURIComponent(id)}/attendance`, {
      method: 'POST',
      body: new Blob(file ? [file] : [], { type }),
    });
    onSaved(
      t('imported', {
        count: formatNumber(result.imported),
        participants: formatNumber(result.participants),
      }),
    );
  });
  const columns: Column<Issue>[] = [
    {
      key: 'row',
      header: t('row'),
      rowHeader: true,
      numeric: true,
      cell: (issue) => formatNumber(issue.row),
    },
    { key: 'column', header: t('column'), cell: (issue) => issue.column ?? t('wholeRow') },
    { key: 'problem', header: t('problem'), cell: (issue) => issue.message },
  ];
  return (
    <section className="section" aria-labelledby="upload-sheet">
      <h2 id="upload-sheet">{t('importTitle')}</h2>
      <p className="prose">{t('importLead')}</p>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={{ problem: form.problem, errors: summaryErrors }} />
        <Field name="file" label={t('file')} hint={t('fileHint')} error={fileError} required>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Button type="submit" disabled={form.pending}>
          {t('upload')}
        </Button>
        {issues.length > 0 ? (
          <DataTable
            caption={t('issuesCaption')}
            columns={columns}
            rows={issues}
            rowKey={(issue) => `${issue.row}:${issue.column ?? ''}:${issue.message}`}
          />
        ) : null}
      </form>
    </section>
  );
}

function EditForm({ detail, onSaved }: { detail: ProgrammeDetail; onSaved: (message: string) => void }) {
  const t = useText(educationStaffText);
  const language = useLanguage();
  const overview = useApiData<Overview>('/education');
  const { programme } = detail;
  if (!overview.data) return null;
  return (
    <ProgrammeForm
      // A saved edit brings a new version: start the form again from what the server holds.
      key={programme.version}
      groups={overview.data.groups}
      programme={programme}
      heading={t('editProgramme')}
      submitLabel={t('saveProgramme')}
      onSubmit={async (body) => {
        await api(`/education/programmes/${encodeURIComponent(programme.id)}`, {
          method: 'PUT',
          body: { ...body, version: programme.version, tags: detail.tags },
        });
        onSaved(t('programmeSaved', { title: body.title[language] }));
      }}
    />
  );
}

function ProgrammeView({ detail, reload }: { detail: ProgrammeDetail; reload: () => void }) {
  const t = useText(educationStaffText);
  const shared = useText(educationText);
  const language = useLanguage();
  const { user } = useSession();
  const mayEdit = user?.role === 'admin' || user?.role === 'officer';
  const [saved, setSaved] = useState<string | null>(null);
  const onSaved = (message: string) => {
    setSaved(message);
    reload();
  };
  const { programme } = detail;
  return (
    <Page
      title={t('programmeTitle', { title: programme.title[language] })}
      lead={<p>{shared('programmeLead', { group: detail.group.name[language] })}</p>}
    >
      <LiveRegion>{saved ? <Notice tone="success">{saved}</Notice> : null}</LiveRegion>
      <p>
        <Link to={staffPath}>{t('backToStaff')}</Link>
        {programme.isPublic ? (
          <>
            {' · '}
            <Link to={programmePath(programme.id)}>{t('publicPage')}</Link>
          </>
        ) : null}
      </p>
      <section className="section" aria-labelledby="sessions">
        <h2 id="sessions">{shared('sessionsTitle')}</h2>
        <SessionTable detail={detail} withInstructor />
      </section>
      {mayEdit ? (
        <>
          <SessionForm id={programme.id} onSaved={onSaved} />
          <SheetForm id={programme.id} onSaved={onSaved} />
          <EditForm detail={detail} onSaved={onSaved} />
        </>
      ) : null}
    </Page>
  );
}

export default function StaffProgrammePage() {
  const t = useText(educationStaffText);
  const { id = '' } = useParams();
  return (
    <ProgrammeLoader
      path={`/education/staff/programmes/${encodeURIComponent(id)}`}
      fallbackTitle={t('staffTitle')}
    >
      {(detail, reload) => <ProgrammeView detail={detail} reload={reload} />}
    </ProgrammeLoader>
  );
}
