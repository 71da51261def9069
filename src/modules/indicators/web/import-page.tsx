/**
 * Uploading an indicator's data as Open SDG CSV: the office for any indicator, a department for the
 * indicators assigned to it (the server decides; the list offers only those). A refused file is
 * reported as the server reports it, one row per line and column, with the file field marked; with
 * "skip wrong lines" the good lines go in and the skipped ones are listed the same way.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  Field,
  formatNumber,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { ImportIssue, ImportResult, Overview } from '../contract.ts';
import { indicatorPath } from './paths.ts';
import { indicatorsStaffText } from './staff-messages.ts';

/** The server names a problem in the file `csv.<line>` or `csv.<line>.<column>`. */
const fileIssue = /^csv\.(\d+)(?:\.(.*))?$/;

function IssueTable({ caption, issues }: { caption: string; issues: readonly ImportIssue[] }) {
  const t = useText(indicatorsStaffText);
  const columns: Column<ImportIssue>[] = [
    { key: 'line', header: t('line'), rowHeader: true, numeric: true, cell: (row) => formatNumber(row.line) },
    { key: 'column', header: t('column'), cell: (row) => row.column ?? t('wholeLine') },
    { key: 'problem', header: t('problem'), cell: (row) => row.message },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={issues}
      rowKey={(row) => `${row.line}:${row.column ?? ''}:${row.code}`}
    />
  );
}

export default function ImportPage() {
  const t = useText(indicatorsStaffText);
  const language = useLanguage();
  const { user } = useSession();
  const state = useApiData<Overview>('/indicators');
  const form = useForm({
    fields: ['code', 'file'],
    attach: {
      forbidden: 'code',
      not_found: 'code',
      indicators_year_locked: 'file',
      payload_too_large: 'file',
    },
  });
  const [code, setCode] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<{ code: string; outcome: ImportResult } | null>(null);

  // Problems in the file become one row each in a table, and one message on the file field.
  const issues: ImportIssue[] = (form.problem?.errors ?? []).flatMap((error) => {
    const match = fileIssue.exec(error.field);
    return match
      ? [{ line: Number(match[1]), column: match[2] ?? null, code: error.code, message: error.message }]
      : [];
  });
  const fileError =
    issues.length > 0 ? t('fileProblems', { count: formatNumber(issues.length) }) : form.errorFor('file');
  const summaryErrors = [
    ...form.errors.filter((error) => error.name !== undefined),
    ...(fileError && !form.errorFor('file') ? [{ name: 'file', message: fileError }] : []),
  ];

  const indicators = (state.data?.areas ?? [])
    .flatMap((area) => area.indicators)
    .filter(
      (indicator) =>
        user?.role !== 'department' ||
        (user.departmentCode !== null && indicator.responsibleDepartment === user.departmentCode),
    );
  const chosen = code || indicators[0]?.code || '';

  const onSubmit = form.submit(async () => {
    setResult(null);
    // Without a file an empty one is sent: the server says what is missing, in its own words.
    const outcome = await api<ImportResult>(
      `/indicators/${encodeURIComponent(chosen)}/observations${skipInvalid ? '?skipInvalid=true' : ''}`,
      { method: 'POST', body: new Blob(file ? [file] : [], { type: 'text/csv' }) },
    );
    setResult({ code: chosen, outcome });
  });

  return (
    <Page title={t('importTitle')} lead={<p>{t('importLead')}</p>}>
      <LiveRegion>
        {result ? (
          <Notice tone="success">
            <p>{t('imported', { count: formatNumber(result.outcome.imported) })}</p>
            {result.outcome.replacedYears.length > 0 ? (
              <p>{t('replacedYears', { years: result.outcome.replacedYears.join(', ') })}</p>
            ) : null}
            <p>
              <Link to={indicatorPath(result.code)}>{t('viewIndicator')}</Link>
            </p>
          </Notice>
        ) : null}
      </LiveRegion>
      {result && result.outcome.skipped.length > 0 ? (
        <IssueTable caption={t('skippedCaption')} issues={result.outcome.skipped} />
      ) : null}
      <Loaded state={state}>
        {() => {
          if (indicators.length === 0) return <Notice>{t('noIndicators')}</Notice>;
          return (
            <form noValidate onSubmit={onSubmit} className="form">
              <ErrorSummary form={{ problem: form.problem, errors: summaryErrors }} />
              <SelectField
                name="code"
                label={t('indicator')}
                value={chosen}
                onChange={setCode}
                options={indicators.map((indicator) => ({
                  value: indicator.code,
                  label: `${indicator.code} ${indicator.name[language]}`,
                }))}
                error={form.errorFor('code')}
                required
              />
              <Field name="file" label={t('file')} hint={t('fileHint')} error={fileError} required>
                {(control) => (
                  <input
                    {...control}
                    type="file"
                    accept=".csv,text/csv"
                    onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                  />
                )}
              </Field>
              <CheckboxField
                name="skipInvalid"
                label={t('skipInvalid')}
                hint={t('skipInvalidHint')}
                checked={skipInvalid}
                onChange={setSkipInvalid}
              />
              <Button type="submit" disabled={form.pending}>
                {t('importSubmit')}
              </Button>
              {issues.length > 0 ? <IssueTable caption={t('issuesCaption')} issues={issues} /> : null}
            </form>
          );
        }}
      </Loaded>
    </Page>
  );
}
