/**
 * The admin's view of the audit trail: filters (kept in the URL, so a search can be shared and the
 * back button works), the entries newest first, paged by the server's cursor, and the hash-chain
 * check with its verdict said in words, not only in colour.
 */
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../../api.ts';
import { useLanguage, useText } from '../../i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  Field,
  formatDateTime,
  LiveRegion,
  Loaded,
  Page,
  useForm,
} from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { auditText } from './messages.ts';

interface TrailEntry {
  id: number;
  at: string;
  actorId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

type Verification =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; firstBrokenId: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' };

const filterNames = ['entityType', 'entityId', 'actorId'] as const;
type FilterName = (typeof filterNames)[number];

function VerifyChain() {
  const t = useText(auditText);
  const form = useForm({ fields: [] });
  const [result, setResult] = useState<Verification | null>(null);
  const submit = form.submit(async () => {
    setResult(null);
    setResult(await api<Verification>('/audit/verify', { fresh: true }));
  });
  return (
    <section aria-labelledby="verify-title" className="section">
      <h2 id="verify-title">{t('verifyTitle')}</h2>
      <form noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <Button type="submit" disabled={form.pending}>
          {t('verify')}
        </Button>
      </form>
      <LiveRegion>
        {form.pending ? <p>{t('verifying')}</p> : null}
        {result?.ok === true ? (
          <p className="notice notice--success">
            <span className="status-ok">{t('verifiedOk', { rows: result.rows })}</span>
          </p>
        ) : null}
        {result?.ok === false ? (
          <p className="notice notice--error">
            <span className="status-broken">
              {t('verifiedBroken', {
                rows: result.rows,
                id: result.firstBrokenId,
                reason: t(result.reason === 'hash_mismatch' ? 'reasonHash' : 'reasonPrev'),
              })}
            </span>
          </p>
        ) : null}
      </LiveRegion>
    </section>
  );
}

function Filters() {
  const t = useText(auditText);
  const [search, setSearch] = useSearchParams();
  const [values, setValues] = useState<Record<FilterName, string>>(() => ({
    entityType: search.get('entityType') ?? '',
    entityId: search.get('entityId') ?? '',
    actorId: search.get('actorId') ?? '',
  }));

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of filterNames) if (values[name].trim()) next.set(name, values[name].trim());
    const lang = search.get('lang');
    if (lang) next.set('lang', lang);
    setSearch(next);
  }

  const labels: Record<FilterName, string> = {
    entityType: t('entityType'),
    entityId: t('entityId'),
    actorId: t('actorId'),
  };

  return (
    <form noValidate onSubmit={apply}>
      <h2 id="filters-title">{t('filtersTitle')}</h2>
      <div className="form-row">
        {filterNames.map((name) => (
          <Field
            key={name}
            name={name}
            label={labels[name]}
            hint={name === 'entityType' ? t('entityTypeHint') : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={values[name]}
                onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
              />
            )}
          </Field>
        ))}
      </div>
      <Button type="submit">{t('search')}</Button>
      <Button
        variant="secondary"
        onClick={() => {
          setValues({ entityType: '', entityId: '', actorId: '' });
          setSearch({});
        }}
      >
        {t('clear')}
      </Button>
    </form>
  );
}

function Changes({ entry }: { entry: TrailEntry }) {
  const t = useText(auditText);
  if (entry.before == null && entry.after == null) return null;
  return (
    <details>
      <summary>{t('showChanges', { id: entry.id })}</summary>
      {entry.before == null ? null : (
        <>
          <p>{t('before')}</p>
          <pre className="changes">{JSON.stringify(entry.before, null, 2)}</pre>
        </>
      )}
      {entry.after == null ? null : (
        <>
          <p>{t('after')}</p>
          <pre className="changes">{JSON.stringify(entry.after, null, 2)}</pre>
        </>
      )}
    </details>
  );
}

export default function AuditPage() {
  const t = useText(auditText);
  const language = useLanguage();
  const [search] = useSearchParams();
  const filters = {
    entityType: search.get('entityType') ?? undefined,
    entityId: search.get('entityId') ?? undefined,
    actorId: search.get('actorId') ?? undefined,
  };
  const before = search.get('before') ?? undefined;
  const trail = useApiData<{ entries: TrailEntry[]; nextBefore: number | null }>(
    `/audit/trail${query({ ...filters, before })}`,
  );
  // Names for the actors' ids; the trail itself keeps only ids.
  const users = useApiData<{ users: { id: string; displayName: string }[] }>('/users');
  const names = new Map(users.data?.users.map((user) => [user.id, user.displayName]));

  const columns: Column<TrailEntry>[] = [
    { key: 'id', header: '#', numeric: true, rowHeader: true, cell: (entry) => entry.id },
    { key: 'at', header: t('at'), cell: (entry) => formatDateTime(entry.at, language) },
    { key: 'action', header: t('action'), cell: (entry) => <code>{entry.action}</code> },
    {
      key: 'entity',
      header: t('entity'),
      cell: (entry) => (
        <span className="breakable">
          <code>{entry.entityType}</code> {entry.entityId}
        </span>
      ),
    },
    {
      key: 'actor',
      header: t('actor'),
      cell: (entry) => (entry.actorId ? (names.get(entry.actorId) ?? entry.actorId) : t('system')),
    },
    { key: 'ip', header: t('ip'), cell: (entry) => entry.ip ?? '' },
    { key: 'changes', header: t('changes'), cell: (entry) => <Changes entry={entry} /> },
  ];

  function pageLink(cursor: number | null): string {
    const params = new URLSearchParams(search);
    if (cursor === null) params.delete('before');
    else params.set('before', String(cursor));
    return `?${params}`;
  }

  return (
    <Page title={t('title')} lead={<p>{t('lead')}</p>}>
      <VerifyChain />
      <section aria-labelledby="filters-title" className="section">
        <Filters />
      </section>
      <Loaded state={trail}>
        {(data) => (
          <>
            <DataTable
              caption={t('caption')}
              columns={columns}
              rows={data.entries}
              rowKey={(entry) => String(entry.id)}
              empty={t('empty')}
            />
            <p className="inline-actions">
              {before ? <Link to={pageLink(null)}>{t('newest')}</Link> : null}
              {data.nextBefore ? <Link to={pageLink(data.nextBefore)}>{t('older')}</Link> : null}
            </p>
          </>
        )}
      </Loaded>
    </Page>
  );
}
