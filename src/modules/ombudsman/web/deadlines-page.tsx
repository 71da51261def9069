/**
 * Deadlines and workload, for the office's overseers (officers and the standing ombudsman; the server
 * refuses others with a 403 that the page shows): what is past its deadline, counted in working days
 * with the clock paused while a department is asked, and how many cases each ombudsman holds.
 */

import { Link } from 'react-router';
import type { z } from 'zod';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { DeadlineSettings, overdueItemSchema, workloadSchema } from '../contract.ts';
import { caseStatuses } from '../contract.ts';
import { casePath } from './paths.ts';
import { StageName, useMembers } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';

type Overdue = z.infer<typeof overdueItemSchema>;
type Workload = z.infer<typeof workloadSchema>;

export default function DeadlinesPage() {
  const t = useText(ombudsmanStaffText);
  const overdue = useApiData<{ items: Overdue[] }>('/ombudsman/overdue');
  const workload = useApiData<Workload>('/ombudsman/workload');
  const settings = useApiData<DeadlineSettings>('/ombudsman/settings/deadlines');
  const { nameOf } = useMembers();

  return (
    <Page title={t('deadlinesTitle')} lead={<p>{t('deadlinesLead')}</p>}>
      <section aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('overdue')}</h2>
        <Loaded state={overdue}>
          {(data) => (
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
                  cell: (row) => <Link to={casePath(row.caseId)}>{row.receiptNumber ?? t('ownMotion')}</Link>,
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
                {
                  key: 'assigned',
                  header: t('assignedTo'),
                  cell: (row) => row.assignedTo.map(nameOf).join(', '),
                },
              ]}
            />
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

      <section className="section" aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settings')}</h2>
        <Loaded state={settings}>
          {(data) => (
            <dl className="definition-list">
              <dt>{t('daysToAssessment')}</dt>
              <dd>{t('daysValue', { count: data.daysToAssessment })}</dd>
              <dt>{t('daysToDecision')}</dt>
              <dd>{t('daysValue', { count: data.daysToDecision })}</dd>
              <dt>{t('daysForDepartmentAnswer')}</dt>
              <dd>{t('daysValue', { count: data.daysForDepartmentAnswer })}</dd>
            </dl>
          )}
        </Loaded>
      </section>
    </Page>
  );
}
