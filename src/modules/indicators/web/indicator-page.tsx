/**
 * One indicator, for everyone: what it measures and who keeps it, its progress status with the inputs
 * and the method that reached it, its data as a chart with the same numbers in a table, filters per
 * disaggregation (blank = the total, kept in the URL so that a view can be shared), and the downloads.
 * An indicator without observations says so in words instead of drawing an empty chart.
 */
import { type FormEvent, Fragment, type ReactNode, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import type { TermList } from '../../../kernel/web/pages/vocabularies/types.ts';
import { LineChart } from '../../../kernel/web/ui/chart.tsx';
import {
  Button,
  type Column,
  DataTable,
  Field,
  formatNumber,
  Loaded,
  Notice,
  Page,
} from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { IndicatorDetail, Observation } from '../contract.ts';
import { breakdownLabel } from './current-cycle.tsx';
import { indicatorsText } from './messages.ts';
import { overviewPath } from './paths.ts';
import { indicatorsPublicationText } from './publication-messages.ts';
import { PublishedActionTable } from './published.tsx';
import { LinkedRecommendations } from './recommendations-section.tsx';
import { OrNotRecorded, ProgressName } from './shared.tsx';

type YearValue = { year: number; value: number } | null;

/** The chosen value per disaggregation column, from `?dimension=column=value` (absent = total). */
function chosenDimensions(search: URLSearchParams, columns: readonly string[]): Record<string, string> {
  const chosen: Record<string, string> = Object.fromEntries(columns.map((column) => [column, '']));
  for (const pair of search.getAll('dimension')) {
    const at = pair.indexOf('=');
    const column = pair.slice(0, at);
    if (at > 0 && column in chosen) chosen[column] = pair.slice(at + 1);
  }
  return chosen;
}

function DimensionFilter({ detail, chosen }: { detail: IndicatorDetail; chosen: Record<string, string> }) {
  const t = useText(indicatorsText);
  const [search, setSearch] = useSearchParams();
  const [draft, setDraft] = useState(chosen);
  const chosenKey = JSON.stringify(chosen);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for `chosen`, a new object each render.
  useEffect(() => setDraft(chosen), [chosenKey]);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(search);
    next.delete('dimension');
    for (const [column, value] of Object.entries(draft)) {
      if (value) next.append('dimension', `${column}=${value}`);
    }
    setSearch(next);
  }

  return (
    <form noValidate onSubmit={apply} aria-labelledby="filter-title">
      <h3 id="filter-title">{t('filterTitle')}</h3>
      <p className="field__hint">{t('filterHint')}</p>
      <div className="form-row">
        {Object.keys(chosen).map((column, index) => (
          <Field key={column} name={`dimension-${index}`} label={column}>
            {(control) => (
              <select
                {...control}
                value={draft[column] ?? ''}
                onChange={(event) => setDraft({ ...draft, [column]: event.target.value })}
              >
                <option value="">{t('total')}</option>
                {(detail.dimensionValues[column] ?? []).map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
        <div className="field">
          <Button type="submit">{t('show')}</Button>
        </div>
      </div>
    </form>
  );
}

/** Observations of one breakdown (series, unit, geo code) form one line of the chart. */
function lineKey(observation: Observation): string {
  return [observation.series, observation.unit, observation.geoCode].map((part) => part ?? '').join('|');
}

function IndicatorData({ detail }: { detail: IndicatorDetail }) {
  const t = useText(indicatorsText);
  const language = useLanguage();
  const [search] = useSearchParams();
  const columns = Object.keys(detail.dimensionValues);
  const chosen = chosenDimensions(search, columns);
  const params = new URLSearchParams();
  for (const [column, value] of Object.entries(chosen)) params.append('dimension', `${column}=${value}`);
  const query = params.toString();
  const code = detail.indicator.code;
  const state = useApiData<{ observations: Observation[]; truncated: boolean }>(
    `/indicators/${encodeURIComponent(code)}/observations${query ? `?${query}` : ''}`,
  );
  const name = detail.indicator.name[language];

  return (
    <>
      {columns.length > 0 ? <DimensionFilter detail={detail} chosen={chosen} /> : null}
      <Loaded state={state}>
        {({ observations, truncated }) => {
          if (observations.length === 0) return <Notice>{t('noDataForFilter')}</Notice>;
          const lines = new Map<string, Observation[]>();
          for (const observation of observations) {
            lines.set(lineKey(observation), [...(lines.get(lineKey(observation)) ?? []), observation]);
          }
          const series = [...lines.entries()].map(([key, members]) => {
            const first = members[0];
            const parts = [first?.series, first?.unit, first?.geoCode].filter(Boolean);
            return {
              key,
              label: parts.length > 0 ? parts.join(' · ') : t('value'),
              points: members.map((member) => ({ x: member.year, y: Number(member.value) })),
            };
          });
          return (
            <>
              {truncated ? <Notice tone="warning">{t('truncated')}</Notice> : null}
              <LineChart
                title={t('chartTitle', { name })}
                xLabel={t('year')}
                yLabel={detail.indicator.unit?.[language] ?? t('value')}
                series={series}
              />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function Metadata({ detail, departmentName }: { detail: IndicatorDetail; departmentName: string | null }) {
  const t = useText(indicatorsText);
  const language = useLanguage();
  const { indicator, area } = detail;
  const bilingual = (value: { ko: string; en: string } | null) => value?.[language] ?? null;
  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'code', label: t('code'), value: indicator.code },
    { key: 'nameKo', label: t('nameKo'), value: <span lang="ko">{indicator.name.ko}</span> },
    { key: 'nameEn', label: t('nameEn'), value: <span lang="en">{indicator.name.en}</span> },
    {
      key: 'area',
      label: t('area'),
      value: t('areaHeading', { number: area.number, name: area.name[language] }),
    },
    {
      key: 'ohchr',
      label: t('ohchrType'),
      value: indicator.ohchrType ? t(`ohchr_${indicator.ohchrType}`) : null,
    },
    { key: 'kind', label: t('kind'), value: indicator.kind ? t(`kind_${indicator.kind}`) : null },
    { key: 'unit', label: t('unit'), value: bilingual(indicator.unit) },
    { key: 'numerator', label: t('numerator'), value: bilingual(indicator.numerator) },
    { key: 'denominator', label: t('denominator'), value: bilingual(indicator.denominator) },
    {
      key: 'direction',
      label: t('direction'),
      value: indicator.direction ? t(`direction_${indicator.direction}`) : null,
    },
    { key: 'dataSource', label: t('dataSource'), value: bilingual(indicator.dataSource) },
    {
      key: 'periodicity',
      label: t('periodicity'),
      value: indicator.periodicity ? t(`periodicity_${indicator.periodicity}`) : null,
    },
    { key: 'department', label: t('responsibleDepartment'), value: departmentName },
    { key: 'task', label: t('task'), value: bilingual(indicator.task) },
    { key: 'status', label: t('status'), value: indicator.status ? t(`status_${indicator.status}`) : null },
    {
      key: 'tags',
      label: t('tags'),
      value:
        indicator.tags.length > 0 ? (
          <ul className="inline-actions">
            {indicator.tags.map((tag) => (
              <li key={`${tag.vocabulary}:${tag.code}`}>
                <Link
                  to={`/vocabularies/${encodeURIComponent(tag.vocabulary)}/${encodeURIComponent(tag.code)}`}
                >
                  {tag.code}
                </Link>
              </li>
            ))}
          </ul>
        ) : null,
    },
    { key: 'source', label: t('sourceSection'), value: indicator.sourceSection },
  ];
  return (
    <section className="section" aria-labelledby="metadata">
      <h2 id="metadata">{t('metadataTitle')}</h2>
      <dl className="definition-list">
        {rows.map((row) => (
          <Fragment key={row.key}>
            <dt>{row.label}</dt>
            <dd>
              <OrNotRecorded>{row.value}</OrNotRecorded>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

function ProgressSection({ detail }: { detail: IndicatorDetail }) {
  const t = useText(indicatorsText);
  const language = useLanguage();
  const { progress, progressMethod } = detail;
  type Rule = IndicatorDetail['progressMethod']['statuses'][number];
  const columns: Column<Rule>[] = [
    { key: 'status', header: t('progress'), rowHeader: true, cell: (row) => row.label[language] },
    { key: 'rule', header: t('progressRule'), cell: (row) => row.rule[language] },
  ];
  const yearValue = (value: YearValue) =>
    value ? t('yearValue', { year: value.year, value: formatNumber(value.value) }) : null;
  return (
    <section className="section" aria-labelledby="progress">
      <h2 id="progress">{t('progressTitle')}</h2>
      <p className="indicator-progress">
        <strong>
          <ProgressName method={progressMethod} status={progress.status} />
        </strong>
      </p>
      <dl className="definition-list">
        <dt>{t('baseline')}</dt>
        <dd>
          <OrNotRecorded>{yearValue(progress.baseline)}</OrNotRecorded>
        </dd>
        <dt>{t('target')}</dt>
        <dd>
          <OrNotRecorded>{yearValue(progress.target)}</OrNotRecorded>
        </dd>
        <dt>{t('progressLatest')}</dt>
        <dd>
          <OrNotRecorded>{yearValue(progress.latest)}</OrNotRecorded>
        </dd>
        <dt>{t('direction')}</dt>
        <dd>
          <OrNotRecorded>{progress.direction ? t(`direction_${progress.direction}`) : null}</OrNotRecorded>
        </dd>
        <dt>{t('progressMeasure')}</dt>
        <dd>
          <OrNotRecorded>{progress.measure === null ? null : formatNumber(progress.measure)}</OrNotRecorded>
        </dd>
      </dl>
      <h3>{t('progressMethodTitle')}</h3>
      <p className="prose">{progressMethod.text[language]}</p>
      <DataTable
        caption={t('progressStatusesCaption')}
        columns={columns}
        rows={progressMethod.statuses}
        rowKey={(row) => row.status}
      />
    </section>
  );
}

/** Values corrected after their year closed, each with its note (date, old value, reason). */
function CorrectionNotes({ detail }: { detail: IndicatorDetail }) {
  const t = useText(indicatorsPublicationText);
  const language = useLanguage();
  if (detail.corrections.length === 0) return null;
  return (
    <section className="section" aria-labelledby="corrections">
      <h2 id="corrections">{t('publicCorrections')}</h2>
      <p>{t('publicCorrectionsLead')}</p>
      <ul>
        {detail.corrections.map((correction) => (
          <li key={correction.correctedAt}>
            {t('publicCorrection', {
              year: correction.year,
              breakdown: breakdownLabel(correction, t('total')),
              value: formatNumber(Number(correction.newValue)),
              note: correction.note[language],
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The complementation actions for this indicator in closed years, with their state now. */
function PublishedActions({ detail }: { detail: IndicatorDetail }) {
  const t = useText(indicatorsPublicationText);
  if (detail.publishedActions.length === 0) return null;
  return (
    <section className="section" aria-labelledby="published-actions">
      <h2 id="published-actions">{t('publishedActions')}</h2>
      <PublishedActionTable
        caption={t('publishedActionsCaption')}
        actions={detail.publishedActions}
        withIndicator={false}
      />
    </section>
  );
}

function IndicatorView({ detail }: { detail: IndicatorDetail }) {
  const t = useText(indicatorsText);
  const language = useLanguage();
  const departments = useApiData<TermList>('/vocabularies/departments');
  const department = detail.indicator.responsibleDepartment;
  const departmentName =
    department === null
      ? null
      : (departments.data?.terms.find((term) => term.code === department)?.name[language] ?? department);
  return (
    <Page title={t('indicatorTitle', { code: detail.indicator.code, name: detail.indicator.name[language] })}>
      <p>
        <Link to={overviewPath}>{t('backToOverview')}</Link>
      </p>
      <Metadata detail={detail} departmentName={departmentName} />
      <ProgressSection detail={detail} />
      <section className="section" aria-labelledby="data">
        <h2 id="data">{t('dataTitle')}</h2>
        {detail.years.length === 0 ? <Notice>{t('noData')}</Notice> : <IndicatorData detail={detail} />}
      </section>
      <CorrectionNotes detail={detail} />
      <PublishedActions detail={detail} />
      <section className="section" aria-labelledby="downloads">
        <h2 id="downloads">{t('downloadsTitle')}</h2>
        <ul>
          <li>
            <a href={detail.downloads.csv} download>
              {t('downloadCsv')}
            </a>
          </li>
          <li>
            <a href={detail.downloads.json} download>
              {t('downloadJson')}
            </a>
          </li>
        </ul>
      </section>
      <LinkedRecommendations id={detail.indicator.code} />
    </Page>
  );
}

export default function IndicatorPage() {
  const t = useText(indicatorsText);
  const { code = '' } = useParams();
  const state = useApiData<IndicatorDetail>(`/indicators/${encodeURIComponent(code)}`);
  if (isNotFound(state.error)) {
    return (
      <Page title={t('notFoundTitle')}>
        <p>{t('notFoundBody')}</p>
        <p>
          <Link to={overviewPath}>{t('backToOverview')}</Link>
        </p>
      </Page>
    );
  }
  if (!state.data) {
    // The page's h1 is the indicator's name, known once it has loaded.
    return (
      <Page title={t('overviewTitle')}>
        <Loaded state={state}>{() => null}</Loaded>
      </Page>
    );
  }
  return <IndicatorView detail={state.data} />;
}
