/**
 * Every grant of access (appointments proposed, confirmed, ended, withdrawn), newest first: on the
 * members page, and beside a case's access log, where the standing ombudsman reviews who could read.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { DataTable, formatDateTime, Loaded } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Grant } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';

/** Every grant proposed, confirmed, ended and withdrawn, newest first. */
export function GrantHistory({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const t = useText(ombudsmanStaffText);
  const language = useLanguage();
  const state = useApiData<{ grants: Grant[] }>('/ombudsman/grants');
  return (
    <section className="section" aria-labelledby="grants-title">
      <Heading id="grants-title">{t('grantsTitle')}</Heading>
      <p>{t('grantsLead')}</p>
      <Loaded state={state}>
        {(data) => (
          <DataTable
            caption={t('grantsCaption', { count: data.grants.length })}
            rows={data.grants}
            rowKey={(row) => String(row.id)}
            empty={t('grantsEmpty')}
            columns={[
              {
                key: 'at',
                header: t('grantAt'),
                rowHeader: true,
                cell: (row) => formatDateTime(row.at, language),
              },
              { key: 'name', header: t('name'), cell: (row) => row.displayName },
              { key: 'action', header: t('grantAction'), cell: (row) => t(`grant_${row.action}`) },
              {
                key: 'grant',
                header: t('appointment'),
                cell: (row) =>
                  `${row.standing ? t('standingYes') : t('standingNo')} · ${row.appointedOn} – ${row.termEndsOn ?? ''}`,
              },
              { key: 'by', header: t('grantBy'), cell: (row) => row.actorName ?? t('systemActor') },
              { key: 'reason', header: t('endReason'), cell: (row) => row.reason ?? '' },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}
