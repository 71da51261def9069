/**
 * The indicators by area, for everyone: first the figures the seed states for the whole set (labelled
 * as such, since the catalogue holds only the named selection), then per area the count Table 1
 * states, how many indicators it names, their status counts as the API gives them, and a table of the
 * named indicators, each linking to its page.
 */
import { Link } from 'react-router';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, DataTable, formatNumber, Loaded, Page } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Area, IndicatorSummary, Overview } from '../contract.ts';
import { indicatorsText } from './messages.ts';
import { indicatorPath } from './paths.ts';
import { PublishedYears } from './published.tsx';
import { OrNotRecorded, type ProgressMethod, ProgressName, useProgressMethod } from './shared.tsx';

type WholeSet = Overview['wholeSet'];

function WholeSetFigures({ wholeSet }: { wholeSet: WholeSet }) {
  const t = useText(indicatorsText);
  const figures = [
    { key: 'indicators', label: t('wholeSetIndicators'), figure: wholeSet.indicators },
    { key: 'areas', label: t('wholeSetAreas'), figure: wholeSet.areas },
    { key: 'tasks', label: t('wholeSetTasks'), figure: wholeSet.tasks },
    { key: 'achieved', label: t('wholeSetAchieved'), figure: wholeSet.achieved },
    { key: 'beingPursued', label: t('wholeSetPursued'), figure: wholeSet.beingPursued },
  ].filter((entry) => entry.figure !== null);
  if (figures.length === 0) return null;
  const section = figures[0]?.figure?.section ?? '';
  return (
    <section className="section" aria-labelledby="whole-set">
      <h2 id="whole-set">{t('wholeSetTitle')}</h2>
      <p className="prose">{t('wholeSetLead', { section })}</p>
      <ul className="card-list">
        {figures.map(({ key, label, figure }) => (
          <li key={key} className="card">
            <p className="figure-card__value">{formatNumber(figure?.value ?? 0)}</p>
            <p className="figure-card__label">{label}</p>
            {figure?.year ? <p className="meta">{t('figureYear', { year: figure.year })}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AreaSection({ area, method }: { area: Area; method: ProgressMethod | undefined }) {
  const t = useText(indicatorsText);
  const language = useLanguage();
  const headingId = `area-${area.code}`;
  const columns: Column<IndicatorSummary>[] = [
    { key: 'code', header: t('code'), cell: (row) => row.code },
    {
      key: 'name',
      header: t('name'),
      rowHeader: true,
      cell: (row) => <Link to={indicatorPath(row.code)}>{row.name[language]}</Link>,
    },
    {
      key: 'ohchr',
      header: t('ohchrType'),
      cell: (row) => <OrNotRecorded>{row.ohchrType ? t(`ohchr_${row.ohchrType}`) : null}</OrNotRecorded>,
    },
    {
      key: 'status',
      header: t('status'),
      cell: (row) => <OrNotRecorded>{row.status ? t(`status_${row.status}`) : null}</OrNotRecorded>,
    },
    {
      key: 'progress',
      header: t('progress'),
      cell: (row) => <ProgressName method={method} status={row.progress} />,
    },
  ];
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('areaHeading', { number: area.number, name: area.name[language] })}</h2>
      <dl className="definition-list">
        <dt>{t('statedCount')}</dt>
        <dd>{t('count', { count: formatNumber(area.statedIndicatorCount) })}</dd>
        <dt>{t('namedCount')}</dt>
        <dd>{t('count', { count: formatNumber(area.namedIndicatorCount) })}</dd>
        <dt>{t('statusCountsTitle')}</dt>
        <dd>
          {t('achieved')} {formatNumber(area.statusCounts.achieved)}, {t('beingPursued')}{' '}
          {formatNumber(area.statusCounts.beingPursued)}, {t('statusUnknown')}{' '}
          {formatNumber(area.statusCounts.unknown)}
        </dd>
      </dl>
      <DataTable
        caption={t('areaTableCaption', { name: area.name[language] })}
        columns={columns}
        rows={area.indicators}
        rowKey={(row) => row.code}
        empty={t('noNamedIndicators')}
      />
    </section>
  );
}

export default function OverviewPage() {
  const t = useText(indicatorsText);
  const state = useApiData<Overview>('/indicators');
  const method = useProgressMethod();
  return (
    <Page title={t('overviewTitle')} lead={<p>{t('overviewLead')}</p>}>
      <Loaded state={state}>
        {(data) => (
          <>
            <WholeSetFigures wholeSet={data.wholeSet} />
            {data.areas.map((area) => (
              <AreaSection key={area.code} area={area} method={method} />
            ))}
            <PublishedYears />
          </>
        )}
      </Loaded>
    </Page>
  );
}
