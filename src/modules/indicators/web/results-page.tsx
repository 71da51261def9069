/**
 * Step (6) of Table 2, the collection of results: for the chosen year, each indicator's final value
 * beside its target and the value before, with its progress; how many complementation actions are
 * planned, in progress, done or cancelled; and their implementation results (status, notes,
 * cancellation reasons). Read by the office, departments (their own actions) and the committee.
 */
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { type Column, formatNumber, Loaded } from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { actionStates, type CycleResults } from '../contract.ts';
import { ActionTable } from './actions-page.tsx';
import { indicatorsCycleText } from './cycle-messages.ts';
import { ProgressName, useProgressMethod } from './shared.tsx';
import { indicatorsStepText } from './step-messages.ts';
import { StepPage, TableSection } from './step-page.tsx';

type Row = CycleResults['indicators'][number];

function Results({ year }: { year: number }) {
  const c = useText(indicatorsCycleText);
  const step = useText(indicatorsStepText);
  const method = useProgressMethod();
  const language = useLanguage();
  const state = useApiData<CycleResults>(`/indicators/cycles/${year}/results`);
  const number = (value: number) => formatNumber(value);
  const columns: Column<Row>[] = [
    { key: 'code', header: c('code'), rowHeader: true, cell: (row) => row.code },
    { key: 'indicator', header: c('indicator'), cell: (row) => row.name[language] },
    {
      key: 'target',
      header: c('target'),
      cell: (row) =>
        row.target === null
          ? c('none')
          : row.target.year === null
            ? number(row.target.value)
            : c('targetValue', { value: number(row.target.value), year: row.target.year }),
    },
    {
      key: 'value',
      header: c('finalValue', { year }),
      numeric: true,
      cell: (row) => (row.value === null ? c('none') : number(row.value)),
    },
    {
      key: 'previous',
      header: c('previous'),
      cell: (row) =>
        row.previous === null
          ? c('none')
          : c('previousValue', { value: number(row.previous.value), year: row.previous.year }),
    },
    {
      key: 'progress',
      header: c('progress'),
      cell: (row) => <ProgressName method={method} status={row.progress} />,
    },
  ];
  type Count = { state: (typeof actionStates)[number]; count: number };
  const countColumns: Column<Count>[] = [
    { key: 'state', header: c('status'), rowHeader: true, cell: (row) => step(`status_${row.state}`) },
    { key: 'count', header: c('count'), numeric: true, cell: (row) => number(row.count) },
  ];
  return (
    <Loaded state={state}>
      {(results) => (
        <>
          <TableSection
            id="final-values"
            caption={c('valuesCaption', { year })}
            columns={columns}
            rows={results.indicators}
            rowKey={(row) => row.code}
          />
          <TableSection
            id="action-counts"
            caption={c('countsCaption', { year })}
            columns={countColumns}
            rows={actionStates.map((state) => ({ state, count: results.actionCounts[state] ?? 0 }))}
            rowKey={(row) => row.state}
          />
          <ActionTable year={year} actions={results.actions} caption={c('implementationCaption', { year })} />
        </>
      )}
    </Loaded>
  );
}

export default function ResultsPage() {
  const c = useText(indicatorsCycleText);
  return (
    <StepPage title={c('resultsTitle')} lead={c('resultsLead')}>
      {(cycle) => <Results year={cycle.year} />}
    </StepPage>
  );
}
