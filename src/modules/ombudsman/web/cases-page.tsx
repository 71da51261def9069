/**
 * The office's case list: search (Korean and English, two-syllable words included) and filters by
 * stage, right, body, ombudsman and year, kept in the URL so that a filtered list can be bookmarked
 * and the back button returns to it. Twenty cases a page; no identity ever appears here.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { query } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import {
  Button,
  type Column,
  DataTable,
  formatDateTime,
  formatNumber,
  Loaded,
  Page,
  SelectField,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type caseListSchema, caseStatuses } from '../contract.ts';
import { ombudsmanText } from './messages.ts';
import { casePath } from './paths.ts';
import { StageName, useMembers } from './shared.tsx';
import { ombudsmanStaffText } from './staff-messages.ts';
import { TextField } from './text-field.tsx';
import './ombudsman.css';

type CaseList = z.infer<typeof caseListSchema>;
type CaseSummary = CaseList['cases'][number];

const pageSize = 20;
const filterNames = ['q', 'status', 'right', 'respondent', 'ombudsman', 'year'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

function filtersOf(search: URLSearchParams): Filters {
  return Object.fromEntries(filterNames.map((name) => [name, search.get(name) ?? ''])) as Filters;
}

export default function CasesPage() {
  const t = useText(ombudsmanStaffText);
  const publicText = useText(ombudsmanText);
  const language = useLanguage();
  const [search, setSearch] = useSearchParams();
  const applied = filtersOf(search);
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0);
  const [filters, setFilters] = useState<Filters>(applied);
  const state = useApiData<CaseList>(`/ombudsman/cases${query({ ...applied, limit: pageSize, offset })}`);
  const rights = useApiData<TermList>('/vocabularies/rights');
  const { members, nameOf } = useMembers();
  const change = (name: keyof Filters) => (value: string) =>
    setFilters((current) => ({ ...current, [name]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setSearch(query(filters));
  }

  const pageLink = (to: number) => query({ ...applied, offset: to || undefined }) || '?';

  // The Clear link and the back button change the URL: the inputs follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is what changes.
  useEffect(() => setFilters(filtersOf(search)), [search.toString()]);

  const columns: Column<CaseSummary>[] = [
    {
      key: 'receipt',
      header: t('receiptNumber'),
      rowHeader: true,
      sortValue: (row) => row.receiptNumber ?? '',
      cell: (row) => <Link to={casePath(row.id)}>{row.receiptNumber ?? t('ownMotion')}</Link>,
    },
    { key: 'summary', header: t('summary'), cell: (row) => row.summary },
    {
      key: 'respondent',
      header: t('respondent'),
      sortValue: (row) => row.respondent,
      cell: (row) => row.respondent,
    },
    {
      key: 'status',
      header: t('status'),
      sortValue: (row) => caseStatuses.indexOf(row.status),
      cell: (row) => <StageName status={row.status} />,
    },
    {
      key: 'received',
      header: t('receivedAt'),
      sortValue: (row) => row.receivedAt,
      cell: (row) => formatDateTime(row.receivedAt, language),
    },
    {
      key: 'assigned',
      header: t('assignedTo'),
      cell: (row) => row.assignedTo.map(nameOf).join(', '),
    },
  ];

  const years = Array.from({ length: 6 }, (_, index) => new Date().getFullYear() - index);

  return (
    <Page title={t('casesTitle')} lead={<p>{t('casesLead')}</p>}>
      <form className="filters" aria-label={t('filters')} onSubmit={apply}>
        <TextField
          name="q"
          type="search"
          label={t('search')}
          hint={t('searchHint')}
          value={filters.q}
          onChange={change('q')}
        />
        <div className="form-row">
          <SelectField
            name="status"
            label={t('status')}
            value={filters.status}
            onChange={change('status')}
            empty={t('any')}
            options={caseStatuses.map((status) => ({
              value: status,
              label: publicText(`statusShort_${status}`),
            }))}
          />
          <SelectField
            name="right"
            label={t('right')}
            value={filters.right}
            onChange={change('right')}
            empty={t('any')}
            options={(rights.data?.terms ?? []).map((term) => ({
              value: term.code,
              label: term.name[language],
            }))}
          />
          <TextField
            name="respondent"
            label={t('respondent')}
            value={filters.respondent}
            onChange={change('respondent')}
          />
          <SelectField
            name="ombudsman"
            label={t('ombudsman')}
            value={filters.ombudsman}
            onChange={change('ombudsman')}
            empty={t('any')}
            options={members.map((member) => ({ value: member.userId, label: member.displayName }))}
          />
          <SelectField
            name="year"
            label={t('year')}
            value={filters.year}
            onChange={change('year')}
            empty={t('any')}
            options={years.map((year) => ({ value: String(year), label: year }))}
          />
        </div>
        <div className="inline-actions">
          <Button type="submit">{t('apply')}</Button>
          <Link to="?">{t('clear')}</Link>
        </div>
      </form>
      <Loaded state={state}>
        {(data) => (
          <>
            <DataTable
              caption={t(data.more ? 'casesCaptionMore' : 'casesCaption', {
                total: formatNumber(data.total),
                from: data.total === 0 ? 0 : offset + 1,
                to: offset + data.cases.length,
              })}
              columns={columns}
              rows={data.cases}
              rowKey={(row) => row.id}
              empty={t('casesEmpty')}
            />
            {data.total > pageSize ? (
              <nav aria-label={t('pages')} className="inline-actions">
                {offset > 0 ? (
                  <Link to={pageLink(Math.max(0, offset - pageSize))}>{t('previousPage')}</Link>
                ) : null}
                {data.more || offset + pageSize < data.total ? (
                  <Link to={pageLink(offset + pageSize)}>{t('nextPage')}</Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
