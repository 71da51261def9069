/**
 * Step (2) by form: a department (or the office) enters an indicator's values for the cycle's year,
 * the total and any breakdown, each row with last year's value beside it and a comment field; the
 * server's rules (required, range, a large change needs a comment) come back on the fields they
 * concern. Below, the completeness of each department's indicators for the year.
 */
import { useState } from 'react';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  formatDateTime,
  Group,
  LiveRegion,
  Loaded,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { type ApiData, useApiData } from '../../../kernel/web/use-api.ts';
import type { Completeness, EntryRow, ValueEntry } from '../contract.ts';
import {
  breakdownLabel,
  indicatorOptions,
  useDataEntryIndicators,
  useSavedByColumn,
} from './current-cycle.tsx';
import { indicatorsCycleText } from './cycle-messages.ts';
import { indicatorsStaffText } from './staff-messages.ts';
import { StepPage } from './step-page.tsx';
import './indicators.css';

/** The disaggregations the issue names, offered beside the indicator's own. */
const commonColumns = ['District', 'Sex', 'Age group', 'Disability', 'Nationality'];

type Draft = EntryRow & { input: string; note: string };

function ValueRows({ entry, onSaved }: { entry: ValueEntry; onSaved: (message: string) => void }) {
  const t = useText(indicatorsStaffText);
  const c = useText(indicatorsCycleText);
  const language = useLanguage();
  const [rows, setRows] = useState<Draft[]>(
    entry.rows.map((row) => ({ ...row, input: row.value ?? '', note: row.comment ?? '' })),
  );
  const columns = [...new Set([...entry.disaggregations, ...commonColumns])];
  const [column, setColumn] = useState(columns[0] ?? '');
  const [category, setCategory] = useState('');
  const form = useForm({
    fields: rows.flatMap((_, index) => [`entries.${index}.value`, `entries.${index}.comment`]),
    attach: { conflict: 'entries.0.value' },
  });
  const update = (index: number, change: Partial<Draft>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const add = () => {
    if (!column || !category.trim()) return;
    setRows((current) => [
      ...current,
      {
        series: null,
        unit: null,
        dimensions: { [column]: category.trim() },
        value: null,
        comment: null,
        version: 0,
        previous: null,
        savedBy: null,
        savedAt: null,
        input: '',
        note: '',
      },
    ]);
    setCategory('');
  };
  const onSubmit = form.submit(async () => {
    const entries = rows.map((row) => {
      const text = row.input.trim();
      return {
        series: row.series,
        unit: row.unit,
        dimensions: row.dimensions,
        // Text that is not a number goes as it is, so that the server names the field.
        value: text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text,
        comment: row.note.trim() === '' ? null : row.note.trim(),
        version: row.version,
      };
    });
    await api(`/indicators/${encodeURIComponent(entry.code)}/values/${entry.year}`, {
      method: 'PUT',
      body: { entries },
    });
    onSaved(t('valuesSaved', { code: entry.code, year: entry.year }));
  });
  const range =
    entry.minValue === null && entry.maxValue === null
      ? null
      : t('range', { min: entry.minValue ?? '−∞', max: entry.maxValue ?? '∞' });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      {range ? <p>{range}</p> : null}
      {rows.map((row, index) => {
        const label = breakdownLabel(row, t('total'));
        return (
          <Group
            key={JSON.stringify([row.series, row.unit, row.dimensions])}
            name={`entries.${index}`}
            legend={label}
          >
            <p className="meta">
              {row.previous === null ? t('noLastYear') : t('lastYear', { value: row.previous })}
            </p>
            {row.savedAt === null ? null : (
              <p className="meta">
                {c('savedBy', { name: row.savedBy ?? '', at: formatDateTime(row.savedAt, language) })}
              </p>
            )}
            <TextField
              name={`entries.${index}.value`}
              label={t('valueOf', { label })}
              value={row.input}
              onChange={(input) => update(index, { input })}
              error={form.errorFor(`entries.${index}.value`)}
              inputMode="decimal"
              className="input--short"
              required
            />
            <TextField
              name={`entries.${index}.comment`}
              label={t('commentOf', { label })}
              hint={t('commentHint', { threshold: entry.changeThresholdPercent })}
              value={row.note}
              onChange={(note) => update(index, { note })}
              error={form.errorFor(`entries.${index}.comment`)}
              multiline
              rows={2}
            />
          </Group>
        );
      })}
      <Group name="breakdown" legend={t('addBreakdownTitle')}>
        <SelectField
          name="breakdownColumn"
          label={t('breakdownColumn')}
          value={column}
          onChange={setColumn}
          options={columns.map((name) => ({ value: name, label: name }))}
        />
        <TextField
          name="breakdownCategory"
          label={t('breakdownCategory')}
          value={category}
          onChange={setCategory}
        />
        <Button variant="secondary" onClick={add}>
          {t('addBreakdown')}
        </Button>
      </Group>
      <Button type="submit" disabled={form.pending}>
        {t('saveValues')}
      </Button>
    </form>
  );
}

function ValueTable({ entry }: { entry: ValueEntry }) {
  const t = useText(indicatorsStaffText);
  const savedBy = useSavedByColumn<EntryRow>();
  const columns: Column<EntryRow>[] = [
    {
      key: 'breakdown',
      header: t('breakdown'),
      rowHeader: true,
      cell: (row) => breakdownLabel(row, t('total')),
    },
    { key: 'value', header: t('value'), numeric: true, cell: (row) => row.value ?? t('none') },
    { key: 'comment', header: t('comment'), cell: (row) => row.comment ?? '' },
    savedBy,
  ];
  return (
    <DataTable
      caption={t('valuesCaption', { year: entry.year })}
      columns={columns}
      rows={entry.rows}
      rowKey={(row) => JSON.stringify([row.series, row.unit, row.dimensions])}
    />
  );
}

function ValueForm({
  code,
  year,
  onSaved,
}: {
  code: string;
  year: number;
  onSaved: (message: string) => void;
}) {
  const t = useText(indicatorsStaffText);
  const state = useApiData<ValueEntry>(`/indicators/${encodeURIComponent(code)}/values/${year}`);
  return (
    <Loaded state={state}>
      {(entry) =>
        entry.writable ? (
          <ValueRows
            key={entry.rows.map((row) => row.version).join()}
            entry={entry}
            onSaved={(message) => {
              onSaved(message);
              state.reload();
            }}
          />
        ) : (
          <>
            <Notice>{t('entryClosed')}</Notice>
            <ValueTable entry={entry} />
          </>
        )
      }
    </Loaded>
  );
}

function CompletenessView({ year, state }: { year: number; state: ApiData<Completeness> }) {
  const t = useText(indicatorsStaffText);
  const language = useLanguage();
  type Row = { department: string; code: string; name: string; hasValue: boolean };
  const columns: Column<Row>[] = [
    { key: 'department', header: t('department'), cell: (row) => row.department },
    { key: 'indicator', header: t('indicator'), rowHeader: true, cell: (row) => `${row.code} ${row.name}` },
    { key: 'state', header: t('state'), cell: (row) => (row.hasValue ? t('entered') : t('missing')) },
  ];
  return (
    <section className="section" aria-labelledby="completeness">
      <h2 id="completeness">{t('completenessTitle')}</h2>
      <Loaded state={state}>
        {({ departments }) => (
          <>
            <ul>
              {departments.map((group) => (
                <li key={group.code ?? ''}>
                  {t('completenessSummary', {
                    department: group.code ?? t('noDepartment'),
                    entered: group.entered,
                    total: group.total,
                  })}
                </li>
              ))}
            </ul>
            <DataTable
              caption={t('completenessCaption', { year })}
              columns={columns}
              rows={departments.flatMap((group) =>
                group.indicators.map((indicator) => ({
                  department: group.code ?? t('noDepartment'),
                  code: indicator.code,
                  name: indicator.name[language],
                  hasValue: indicator.hasValue,
                })),
              )}
              rowKey={(row) => row.code}
              empty={t('noIndicators')}
            />
          </>
        )}
      </Loaded>
    </section>
  );
}

function Entry({ year }: { year: number }) {
  const t = useText(indicatorsStaffText);
  const language = useLanguage();
  const { overview, indicators } = useDataEntryIndicators();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const completeness = useApiData<Completeness>(`/indicators/cycles/${year}/completeness`);
  const chosen = code || indicators[0]?.code || '';
  return (
    <>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <section className="section" aria-labelledby="entry">
        <h2 id="entry">{t('entryFor', { year })}</h2>
        <Loaded state={overview}>
          {() =>
            indicators.length === 0 ? (
              <Notice>{t('noIndicators')}</Notice>
            ) : (
              <>
                <SelectField
                  name="code"
                  label={t('indicator')}
                  value={chosen}
                  onChange={(next) => {
                    setCode(next);
                    setMessage('');
                  }}
                  options={indicatorOptions(indicators, language)}
                />
                <ValueForm
                  key={chosen}
                  code={chosen}
                  year={year}
                  onSaved={(text) => {
                    setMessage(text);
                    completeness.reload();
                  }}
                />
              </>
            )
          }
        </Loaded>
      </section>
      <CompletenessView year={year} state={completeness} />
    </>
  );
}

export default function EntryPage() {
  const t = useText(indicatorsStaffText);
  return (
    <StepPage title={t('entryTitle')} lead={t('entryLead')}>
      {(cycle) => <Entry year={cycle.year} />}
    </StepPage>
  );
}
