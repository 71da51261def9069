/**
 * The admin's view of the mail outbox: every message queued, being sent, sent or failed, with the
 * SMTP server's last answer, newest first, filtered by status (kept in the URL). A failed message can
 * be sent again; what happened is said in a live region and the table is read again.
 */
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type OutboxPage as OutboxData, type OutboxEntry, outboxStatuses } from '../../../shared/mail.ts';
import { api, query } from '../../api.ts';
import { useLanguage, useText } from '../../i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  formatDateTime,
  LiveRegion,
  Loaded,
  Page,
  SelectField,
} from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { outboxText } from './outbox-messages.ts';

type Status = (typeof outboxStatuses)[number];
const isStatus = (value: string | null): value is Status =>
  value !== null && (outboxStatuses as readonly string[]).includes(value);

export default function OutboxPage() {
  const t = useText(outboxText);
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('status');
  const status = isStatus(asked) ? asked : undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const outbox = useApiData<OutboxData>(`/notifications/outbox${query({ status, page })}`);
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);

  const statusName = (value: Status) => t(`status_${value}`);
  const go = (next: { status?: Status | undefined; page?: number }) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === 1) params.delete(key);
      else params.set(key, String(value));
    }
    setSearch(params);
  };

  async function retry(entry: OutboxEntry) {
    setPending(true);
    setMessage('');
    try {
      await api(`/notifications/outbox/${encodeURIComponent(entry.id)}/retry`, { method: 'POST' });
      outbox.reload(() => setMessage(t('retried', { recipient: entry.recipient ?? entry.id })));
    } finally {
      setPending(false);
    }
  }

  const columns: Column<OutboxEntry>[] = [
    {
      key: 'createdAt',
      header: t('createdAt'),
      rowHeader: true,
      cell: (entry) => formatDateTime(entry.createdAt, language),
    },
    {
      key: 'kind',
      header: t('kind'),
      cell: (entry) =>
        entry.kind === 'digest' ? (
          t('digestOf', { date: entry.digestDate ?? '' })
        ) : (
          <code>{entry.notificationKind}</code>
        ),
    },
    { key: 'recipient', header: t('recipient'), cell: (entry) => entry.recipient ?? t('noRecipient') },
    { key: 'status', header: t('status'), cell: (entry) => statusName(entry.status) },
    { key: 'attempts', header: t('attempts'), numeric: true, cell: (entry) => entry.attempts },
    {
      key: 'when',
      header: t('when'),
      cell: (entry) =>
        entry.sentAt
          ? t('sentAt', { at: formatDateTime(entry.sentAt, language) })
          : entry.nextAttemptAt && entry.status !== 'failed'
            ? t('nextAttemptAt', { at: formatDateTime(entry.nextAttemptAt, language) })
            : '',
    },
    {
      key: 'lastError',
      header: t('lastError'),
      cell: (entry) => (entry.lastError ? <span className="breakable">{entry.lastError}</span> : ''),
    },
    {
      key: 'action',
      header: t('action'),
      cell: (entry) =>
        entry.status === 'failed' ? (
          <Button
            variant="secondary"
            disabled={pending}
            aria-label={t('retryNamed', { recipient: entry.recipient ?? entry.id })}
            onClick={() => void retry(entry)}
          >
            {t('retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Page title={t('title')} lead={<p>{t('lead')}</p>}>
      <SelectField
        name="status"
        label={t('filter')}
        value={status ?? ''}
        empty={t('allStatuses')}
        options={outboxStatuses.map((value) => ({ value, label: statusName(value) }))}
        onChange={(value) => go({ status: isStatus(value) ? value : undefined, page: 1 })}
      />
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <Loaded state={outbox}>
        {(data) => (
          <>
            <DataTable
              caption={t('caption', { total: data.total })}
              columns={columns}
              rows={data.entries}
              rowKey={(entry) => entry.id}
              empty={t('empty')}
            />
            <p className="inline-actions">
              {data.page > 1 ? (
                <Link
                  to={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(data.page - 1) })}`}
                >
                  {t('newer')}
                </Link>
              ) : null}
              {data.page * data.pageSize < data.total ? (
                <Link
                  to={`?${new URLSearchParams({ ...(status ? { status } : {}), page: String(data.page + 1) })}`}
                >
                  {t('older')}
                </Link>
              ) : null}
            </p>
          </>
        )}
      </Loaded>
    </Page>
  );
}
