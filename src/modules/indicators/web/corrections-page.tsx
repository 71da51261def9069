/**
 * The office corrects a value of a closed year (`POST /indicators/{code}/corrections`): it chooses the
 * closed year, the indicator and the value (each breakdown with its current value and version, read
 * from the entry form's API), types the new value and the reason (required: the server says so on the
 * field), and the correction is published with its note. Below, the indicator's corrections so far,
 * and the way to its public page, where the note now stands beside the value.
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
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Correction, Cycle, EntryRow, Overview, ValueEntry } from '../contract.ts';
import { breakdownLabel, indicatorOptions } from './current-cycle.tsx';
import { indicatorPath } from './paths.ts';
import { indicatorsPublicationText } from './publication-messages.ts';
import './indicators.css';

const rowKey = (row: Pick<EntryRow, 'series' | 'unit' | 'dimensions'>) =>
  JSON.stringify([row.series, row.unit, Object.entries(row.dimensions).sort()]);

/** What the number field holds, as the API takes it: a number, or the text itself for the server to refuse. */
function numberOrText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

function CorrectionForm({
  year,
  code,
  rows,
  onCorrected,
}: {
  year: number;
  code: string;
  rows: EntryRow[];
  onCorrected: (text: string) => void;
}) {
  const t = useText(indicatorsPublicationText);
  const form = useForm({ fields: ['breakdown', 'value', 'reason'], attach: { conflict: 'breakdown' } });
  const [chosen, setChosen] = useState(rows[0] ? rowKey(rows[0]) : '');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const row = rows.find((candidate) => rowKey(candidate) === chosen);
  const onSubmit = form.submit(async () => {
    if (!row) return;
    await api<{ corrections: Correction[] }>(`/indicators/${encodeURIComponent(code)}/corrections`, {
      method: 'POST',
      body: {
        year,
        series: row.series,
        unit: row.unit,
        dimensions: row.dimensions,
        value: numberOrText(value),
        reason,
        version: row.version,
      },
    });
    onCorrected(t('corrected', { year, code, old: row.value ?? t('noValue'), value: value.trim() }));
    setValue('');
    setReason('');
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="correction-form">
      <h2 id="correction-form">{t('submitCorrection')}</h2>
      <ErrorSummary form={form} />
      <SelectField
        name="breakdown"
        label={t('breakdown')}
        value={chosen}
        onChange={setChosen}
        options={rows.map((candidate) => ({
          value: rowKey(candidate),
          label: t('breakdownOption', {
            label: breakdownLabel(candidate, t('total')),
            value: candidate.value ?? t('noValue'),
          }),
        }))}
        error={form.errorFor('breakdown')}
        required
      />
      <TextField
        name="value"
        label={t('newValue')}
        hint={t('newValueHint')}
        value={value}
        onChange={setValue}
        error={form.errorFor('value')}
        inputMode="decimal"
        className="input--short"
        required
      />
      <TextField
        name="reason"
        label={t('reason')}
        hint={t('reasonHint')}
        value={reason}
        onChange={setReason}
        error={form.errorFor('reason')}
        multiline
        rows={3}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('submitCorrection')}
      </Button>
    </form>
  );
}

function CorrectionList({ code, corrections }: { code: string; corrections: Correction[] }) {
  const t = useText(indicatorsPublicationText);
  const columns: Column<Correction>[] = [
    { key: 'year', header: t('year'), rowHeader: true, cell: (row) => String(row.year) },
    { key: 'breakdown', header: t('breakdown'), cell: (row) => breakdownLabel(row, t('total')) },
    { key: 'date', header: t('date'), cell: (row) => row.date },
    { key: 'old', header: t('oldValue'), numeric: true, cell: (row) => row.oldValue ?? t('noValue') },
    { key: 'new', header: t('correctedValue'), numeric: true, cell: (row) => row.newValue },
    { key: 'reason', header: t('reason'), cell: (row) => row.reason },
  ];
  return (
    <section className="section" aria-labelledby="corrections-so-far">
      <h2 id="corrections-so-far">{t('correctionsOf', { code })}</h2>
      <DataTable
        caption={t('correctionsOf', { code })}
        columns={columns}
        rows={corrections}
        rowKey={(row) => row.correctedAt}
        empty={t('noCorrections')}
      />
      <p>
        <Link to={indicatorPath(code)}>{t('viewPublic', { code })}</Link>
      </p>
    </section>
  );
}

/** The chosen indicator's values of the chosen year, the form, and its corrections so far. */
function ChosenValue({
  code,
  year,
  onCorrected,
}: {
  code: string;
  year: number;
  onCorrected: (text: string) => void;
}) {
  const entry = useApiData<ValueEntry>(`/indicators/${encodeURIComponent(code)}/values/${year}`);
  const corrections = useApiData<{ corrections: Correction[] }>(
    `/indicators/${encodeURIComponent(code)}/corrections`,
  );
  return (
    <>
      <Loaded state={entry}>
        {(data) => (
          <CorrectionForm
            year={year}
            code={code}
            rows={data.rows}
            onCorrected={(text) => {
              onCorrected(text);
              entry.reload();
              corrections.reload();
            }}
          />
        )}
      </Loaded>
      <Loaded state={corrections}>
        {(data) => <CorrectionList code={code} corrections={data.corrections} />}
      </Loaded>
    </>
  );
}

function Corrections({ years }: { years: number[] }) {
  const t = useText(indicatorsPublicationText);
  const language = useLanguage();
  const overview = useApiData<Overview>('/indicators');
  const [year, setYear] = useState(String(years[0] ?? ''));
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const indicators = (overview.data?.areas ?? []).flatMap((area) => area.indicators);
  return (
    <>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <div className="form">
        <SelectField
          name="year"
          label={t('closedYear')}
          value={year}
          onChange={(next) => {
            setYear(next);
            setMessage('');
          }}
          options={years.map((candidate) => ({ value: String(candidate), label: String(candidate) }))}
          required
        />
        <SelectField
          name="indicator"
          label={t('indicator')}
          value={code}
          onChange={(next) => {
            setCode(next);
            setMessage('');
          }}
          empty={t('choose')}
          options={indicatorOptions(indicators, language)}
          required
        />
      </div>
      {code && year ? (
        <ChosenValue key={`${code}:${year}`} code={code} year={Number(year)} onCorrected={setMessage} />
      ) : null}
    </>
  );
}

export default function CorrectionsPage() {
  const t = useText(indicatorsPublicationText);
  const cycles = useApiData<{ cycles: Cycle[] }>('/indicators/cycles');
  return (
    <Page title={t('correctionTitle')} lead={<p>{t('correctionLead')}</p>}>
      <Loaded state={cycles}>
        {(data) => {
          const years = data.cycles.filter((cycle) => cycle.step === 'closed').map((cycle) => cycle.year);
          return years.length === 0 ? <Notice>{t('noClosedYear')}</Notice> : <Corrections years={years} />;
        }}
      </Loaded>
    </Page>
  );
}
