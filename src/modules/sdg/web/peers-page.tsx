/**
 * The office's peer cities: follow a city by its platform's address (its feed is fetched and checked
 * before anything is stored; a refusal does not say which check failed, but the administrator sees
 * why a refresh was refused), fetch a feed again, or stop
 * following a city.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  formatDateTime,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Peer } from '../contract.ts';
import { comparisonPath } from './paths.ts';
import { sdgStaffText } from './staff-messages.ts';

function AddPeerForm({ onAdded }: { onAdded: (message: string) => void }) {
  const t = useText(sdgStaffText);
  const form = useForm({ fields: ['baseUrl'], attach: { sdg_peer_exists: 'baseUrl' } });
  const [baseUrl, setBaseUrl] = useState('');
  const onSubmit = form.submit(async () => {
    await api('/network/peers', { method: 'POST', body: { baseUrl } });
    onAdded(t('added', { url: baseUrl }));
    setBaseUrl('');
  });
  return (
    <section className="section" aria-labelledby="add-peer">
      <h2 id="add-peer">{t('addTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <TextField
          name="baseUrl"
          type="text"
          inputMode="url"
          autoComplete="url"
          label={t('baseUrl')}
          hint={t('baseUrlHint')}
          value={baseUrl}
          onChange={setBaseUrl}
          error={form.errorFor('baseUrl')}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('addSubmit')}
        </Button>
      </form>
    </section>
  );
}

export default function PeersPage() {
  const t = useText(sdgStaffText);
  const language = useLanguage();
  const state = useApiData<{ peers: Peer[] }>('/network/peers');
  const actions = useForm<never>({ fields: [] });
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    state.reload();
  };
  const act = (peer: Peer, kind: 'refresh' | 'remove') =>
    actions.submit(async () => {
      if (kind === 'refresh') {
        await api(`/network/peers/${peer.id}/refresh`, { method: 'POST' });
        done(t('refreshed', { url: peer.baseUrl }));
      } else {
        await api(`/network/peers/${peer.id}`, { method: 'DELETE' });
        done(t('removed', { url: peer.baseUrl }));
      }
    });
  const columns: Column<Peer>[] = [
    { key: 'url', header: t('baseUrl'), rowHeader: true, cell: (row) => row.baseUrl },
    { key: 'city', header: t('cityCode'), cell: (row) => row.cityCode ?? '' },
    {
      key: 'fetched',
      header: t('fetchedAt'),
      cell: (row) => (row.fetchedAt ? formatDateTime(row.fetchedAt, language) : t('neverFetched')),
    },
    {
      // Only the administrator's list carries why a fetch was refused; the caller is told less.
      key: 'failure',
      header: t('lastFailure'),
      cell: (row) =>
        row.lastFailure
          ? t('lastFailureText', {
              at: formatDateTime(row.lastFailure.at, language),
              code: row.lastFailure.code,
              detail: row.lastFailure.detail,
            })
          : '',
    },
    {
      key: 'actions',
      header: t('actions'),
      cell: (row) => (
        <form
          noValidate
          className="inline-actions"
          onSubmit={(event) => {
            // Both actions are submit buttons of the row's form; the button pressed names the action.
            const submitter = (event.nativeEvent as SubmitEvent).submitter;
            return act(row, submitter?.getAttribute('value') === 'remove' ? 'remove' : 'refresh')(event);
          }}
        >
          <Button
            type="submit"
            value="refresh"
            variant="secondary"
            aria-label={t('refreshLabel', { url: row.baseUrl })}
            disabled={actions.pending}
          >
            {t('refresh')}
          </Button>
          <Button
            type="submit"
            value="remove"
            variant="danger"
            aria-label={t('removePeerLabel', { url: row.baseUrl })}
            disabled={actions.pending}
          >
            {t('removePeer')}
          </Button>
        </form>
      ),
    },
  ];
  return (
    <Page title={t('peersTitle')} lead={<p>{t('peersLead')}</p>}>
      <p>
        <Link to={comparisonPath}>{t('comparisonLink')}</Link>
      </p>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <ErrorSummary form={actions} />
      <Loaded state={state}>
        {({ peers }) => (
          <DataTable
            caption={t('peersCaption')}
            columns={columns}
            rows={peers}
            rowKey={(row) => String(row.id)}
            empty={t('noPeers')}
          />
        )}
      </Loaded>
      <AddPeerForm onAdded={done} />
    </Page>
  );
}
