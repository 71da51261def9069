/**
 * The public tracker: every public recommendation, whatever issued it, with filters (source,
 * department, status, year) kept in the URL so a filtered view can be shared, and pages of 20. The
 * filter is a form with a button: choosing in a list changes nothing until the reader asks for it.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { Button, Loaded, Page, SelectField, TextField } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type RecommendationList, recommendationStatuses, sourceKinds } from '../contract.ts';
import { recommendationsText } from './messages.ts';
import { recommendationPath } from './paths.ts';
import { RecommendationCard, useDepartments } from './shared.tsx';
import { StatisticsSection } from './statistics-section.tsx';
import { traceText } from './trace-messages.ts';
import './recommendations.css';

const pageSize = 20;
const filterNames = ['source', 'department', 'status', 'right', 'targetGroup', 'sdg', 'year'] as const;
type Filters = Record<(typeof filterNames)[number], string>;

/** A vocabulary's terms, for a filter (rights, target groups, SDG goals). */
function useTerms(vocabulary: string) {
  const state = useApiData<{ terms: { code: string; name: { ko: string; en: string } }[] }>(
    `/vocabularies/${vocabulary}`,
  );
  return state.data?.terms ?? [];
}

function FilterForm({ current }: { current: Filters }) {
  const t = useText(recommendationsText);
  const language = useLanguage();
  const departments = useDepartments();
  const f = useText(traceText);
  const rights = useTerms('rights');
  const groups = useTerms('target-groups');
  const goals = useTerms('sdg-goals');
  const [, setSearch] = useSearchParams();
  const [chosen, setChosen] = useState(current);
  useEffect(() => setChosen(current), [current]);
  const set = (name: keyof Filters) => (value: string) => setChosen((was) => ({ ...was, [name]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of filterNames) {
      const value = chosen[name].trim();
      if (value) next.set(name, value);
    }
    setSearch(next);
  }

  return (
    <form noValidate onSubmit={apply} aria-labelledby="filter-title">
      <h2 id="filter-title">{t('filterTitle')}</h2>
      <div className="form-row">
        <SelectField
          name="source"
          label={t('source')}
          value={chosen.source}
          onChange={set('source')}
          empty={t('any')}
          options={sourceKinds.map((kind) => ({ value: kind, label: t(`source_${kind}`) }))}
        />
        <SelectField
          name="department"
          label={t('department')}
          value={chosen.department}
          onChange={set('department')}
          empty={t('any')}
          options={departments.map((department) => ({
            value: department.code,
            label: department.name[language],
          }))}
        />
        <SelectField
          name="status"
          label={t('status')}
          value={chosen.status}
          onChange={set('status')}
          empty={t('any')}
          options={recommendationStatuses.map((status) => ({ value: status, label: t(`status_${status}`) }))}
        />
        <SelectField
          name="right"
          label={f('filterRight')}
          value={chosen.right}
          onChange={set('right')}
          empty={t('any')}
          options={rights.map((term) => ({ value: term.code, label: term.name[language] }))}
        />
        <SelectField
          name="targetGroup"
          label={f('filterTargetGroup')}
          value={chosen.targetGroup}
          onChange={set('targetGroup')}
          empty={t('any')}
          options={groups.map((term) => ({ value: term.code, label: term.name[language] }))}
        />
        <SelectField
          name="sdg"
          label={f('filterSdg')}
          value={chosen.sdg}
          onChange={set('sdg')}
          empty={t('any')}
          options={goals.map((term) => ({ value: term.code, label: `${term.code}. ${term.name[language]}` }))}
        />
        <TextField
          name="year"
          label={t('year')}
          hint={t('yearHint')}
          inputMode="numeric"
          value={chosen.year}
          onChange={set('year')}
        />
        <div className="field">
          <Button type="submit">{t('show')}</Button>
        </div>
      </div>
    </form>
  );
}

export default function TrackerPage() {
  const t = useText(recommendationsText);
  const [search] = useSearchParams();
  const current = Object.fromEntries(filterNames.map((name) => [name, search.get(name) ?? ''])) as Filters;
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0);
  const query = new URLSearchParams();
  for (const name of filterNames) if (current[name]) query.set(name, current[name]);
  query.set('limit', String(pageSize));
  query.set('offset', String(offset));
  const state = useApiData<RecommendationList>(`/recommendations?${query}`);
  const pageLink = (to: number) => {
    const next = new URLSearchParams(search);
    if (to > 0) next.set('offset', String(to));
    else next.delete('offset');
    return `?${next}`;
  };

  return (
    <Page title={t('title')} lead={<p>{t('lead')}</p>}>
      <FilterForm current={current} />
      <Loaded state={state}>
        {(list) => (
          <section className="section" aria-labelledby="results">
            <h2 id="results">
              {list.total === 0
                ? t('countNone')
                : t('count', {
                    total: list.total,
                    from: list.offset + 1,
                    to: list.offset + list.items.length,
                  })}
            </h2>
            <ul className="recommendation-list">
              {list.items.map((item) => (
                <RecommendationCard key={item.id} item={item} to={recommendationPath(item.id)} />
              ))}
            </ul>
            {list.total > pageSize ? (
              <nav className="pager" aria-label={t('pages')}>
                {list.offset > 0 ? (
                  <Link to={pageLink(Math.max(0, list.offset - pageSize))}>{t('previous')}</Link>
                ) : null}
                {list.offset + list.items.length < list.total ? (
                  <Link to={pageLink(list.offset + pageSize)}>{t('next')}</Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        )}
      </Loaded>
      <StatisticsSection />
    </Page>
  );
}
