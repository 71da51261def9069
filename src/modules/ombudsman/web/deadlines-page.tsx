/**
 * Deadlines and workload, for the office's overseers (officers and the standing ombudsman; the server
 * refuses others with a 403 that the page shows): what is past its deadline, counted in working days
 * with the clock paused while a department is asked, and how many cases each ombudsman holds. The
 * days allowed per stage are changed here by admins and officers (admins, who do not oversee cases,
 * see only those).
 */

import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
import {
  Button,
  DataTable,
  ErrorSummary,
  formatNumber,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { DeadlineSettings, overdueItemSchema, workloadSchema } from '../contract.ts';
import { caseStatuses } from '../contract.ts';
import { casePath } from './paths.ts';
import { StageName, useMembers } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';
import { TextField } from './text-field.tsx';
import './ombudsman.css';

type Overdue = z.infer<typeof overdueItemSchema>;
type Workload = z.infer<typeof workloadSchema>;
type DaysName = keyof DeadlineSettings;

const dayNames = [
  'daysToAssessment',
  'daysToDecision',
  'daysForDepartmentAnswer',
] as const satisfies readonly DaysName[];

/** What was typed, as the number the API expects; anything else is sent as typed, for the server to name. */
const asDays = (typed: string) => (/^\d+$/.test(typed.trim()) ? Number(typed.trim()) : typed);

function SettingsForm({ settings, onSaved }: { settings: DeadlineSettings; onSaved: () => void }) {
  const t = useText(ombudsmanStaffText);
  const form = useForm({ fields: dayNames });
  const [typed, setTyped] = useState<Record<DaysName, string>>(() => ({
    daysToAssessment: String(settings.daysToAssessment),
    daysToDecision: String(settings.daysToDecision),
    daysForDepartmentAnswer: String(settings.daysForDepartmentAnswer),
  }));

  const submit = form.submit(async () => {
    await api<DeadlineSettings>('/ombudsman/settings/deadlines', {
      method: 'PUT',
      body: Object.fromEntries(dayNames.map((name) => [name, asDays(typed[name])])),
    });
    onSaved();
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary form={form} />
      {dayNames.map((name) => (
        <TextField
          key={name}
          name={name}
          label={t(name)}
          hint={t('daysHint')}
          inputMode="numeric"
          className="input--short"
          value={typed[name]}
          onChange={(value) => setTyped((current) => ({ ...current, [name]: value }))}
          error={form.errorFor(name)}
          required
        />
      ))}
      <Button type="submit" disabled={form.pending}>
        {t('saveSettings')}
      </Button>
    </form>
  );
}

function Oversight() {
  const t = useText(ombudsmanStaffText);
  const overdue = useApiData<{ items: Overdue[]; uncoveredYears: number[] }>('/ombudsman/overdue');
  const workload = useApiData<Workload>('/ombudsman/workload');
  const { nameOf } = useMembers();

  return (
    <>
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('overdue')}</h2>
        <Loaded state={overdue}>
          {(data) => (
            <>
              {data.uncoveredYears.length > 0 ? (
                <Notice tone="warning">
                  <p>{t('uncoveredYears', { years: data.uncoveredYears.join(', ') })}</p>
                </Notice>
              ) : null}
              <DataTable
                caption={t('overdueCaption', { count: data.items.length })}
                rows={data.items}
                rowKey={(row) => `${row.caseId}-${row.kind}-${row.departmentCode ?? ''}`}
                empty={t('overdueEmpty')}
                columns={[
                  {
                    key: 'case',
                    header: t('caseLabel'),
                    rowHeader: true,
                    cell: (row) => (
                      <Link to={casePath(row.caseId)}>{row.receiptNumber ?? t('ownMotion')}</Link>
                    ),
                  },
                  {
                    key: 'kind',
                    header: t('kind'),
                    cell: (row) =>
                      `${t(`kind_${row.kind}`)}${row.departmentCode ? ` (${row.departmentCode})` : ''}`,
                  },
                  {
                    key: 'elapsed',
                    header: t('elapsed'),
                    numeric: true,
                    sortValue: (row) => row.elapsedDays,
                    cell: (row) => formatNumber(row.elapsedDays),
                  },
                  {
                    key: 'limit',
                    header: t('limit'),
                    numeric: true,
                    cell: (row) => formatNumber(row.limitDays),
                  },
                  { key: 'dueOn', header: t('dueOnColumn'), cell: (row) => row.dueOn ?? '' },
                  {
                    key: 'assigned',
                    header: t('assignedTo'),
                    cell: (row) => row.assignedTo.map(nameOf).join(', '),
                  },
                ]}
              />
            </>
          )}
        </Loaded>
      </section>

      <section className="section" aria-labelledby="workload-title">
        <h2 id="workload-title">{t('workload')}</h2>
        <Loaded state={workload}>
          {(data) => (
            <DataTable
              caption={t('workloadCaption')}
              rows={data.members}
              rowKey={(row) => row.userId}
              columns={[
                {
                  key: 'name',
                  header: t('name'),
                  rowHeader: true,
                  sortValue: (row) => row.displayName,
                  cell: (row) =>
                    row.standing ? t('standingMember', { name: row.displayName }) : row.displayName,
                },
                {
                  key: 'open',
                  header: t('openCases'),
                  numeric: true,
                  sortValue: (row) => row.openCases,
                  cell: (row) => formatNumber(row.openCases),
                },
                {
                  key: 'overdue',
                  header: t('overdueCases'),
                  numeric: true,
                  sortValue: (row) => row.overdueCases,
                  cell: (row) => formatNumber(row.overdueCases),
                },
                ...caseStatuses
                  .filter((status) => status !== 'closed')
                  .map((status) => ({
                    key: status,
                    header: <StageName status={status} />,
                    numeric: true,
                    cell: (row: Workload['members'][number]) => formatNumber(row.byStatus[status] ?? 0),
                  })),
              ]}
            />
          )}
        </Loaded>
      </section>
    </>
  );
}

export default function DeadlinesPage() {
  const t = useText(ombudsmanStaffText);
  const { user } = useSession();
  const settings = useApiData<DeadlineSettings>('/ombudsman/settings/deadlines');
  const [message, setMessage] = useState('');
  const role = user?.role;
  const editor = role === 'admin' || role === 'officer';

  return (
    <Page
      title={t('deadlinesTitle')}
      lead={<p>{t(role === 'admin' ? 'deadlinesLeadAdmin' : 'deadlinesLead')}</p>}
    >
      {role === 'admin' ? null : <Oversight />}

      <section className="section" aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settings')}</h2>
        <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
        <Loaded state={settings}>
          {(data) =>
            editor ? (
              <SettingsForm
                settings={data}
                onSaved={() => {
                  setMessage(t('settingsSaved'));
                  settings.reload();
                }}
              />
            ) : (
              <dl className="definition-list">
                <dt>{t('daysToAssessment')}</dt>
                <dd>{t('daysValue', { count: data.daysToAssessment })}</dd>
                <dt>{t('daysToDecision')}</dt>
                <dd>{t('daysValue', { count: data.daysToDecision })}</dd>
                <dt>{t('daysForDepartmentAnswer')}</dt>
                <dd>{t('daysValue', { count: data.daysForDepartmentAnswer })}</dd>
              </dl>
            )
          }
        </Loaded>
      </section>
    </Page>
  );
}
