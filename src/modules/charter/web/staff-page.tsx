/**
 * Charter promotion for the office: the publications with a form to add one, and the yearly contests
 * with a form to open the next (each contest is managed on its own page). The articles are the
 * kernel's charter-articles page, linked from here.
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
  type FormState,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Contest, StaffOverview } from '../contract.ts';
import { charterStaffText, charterText } from './messages.ts';
import { articlesPath, contestPath } from './paths.ts';
import { PublicationTable } from './shared.tsx';

type Values<Name extends string> = Record<Name, string>;

/** A form's text fields kept in one record, each wired to its error. */
function useValues<Name extends string>(form: FormState<Name>, initial: Values<Name>) {
  const [values, setValues] = useState(initial);
  const field = (name: Name, label: string, options: { required?: boolean; hint?: string } = {}) => (
    <TextField
      name={name}
      label={label}
      value={values[name]}
      onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
      error={form.errorFor(name)}
      required={options.required ?? false}
      hint={options.hint}
    />
  );
  return { values, field, reset: () => setValues(initial) };
}

const optionalYear = (value: string) => (value.trim() === '' ? null : Number(value.trim()));
const optionalText = (value: string) => (value.trim() === '' ? null : value.trim());

const publicationFields = ['code', 'title.ko', 'title.en', 'year'] as const;

function PublicationForm({ onSaved }: { onSaved: (message: string) => void }) {
  const t = useText(charterStaffText);
  const form = useForm({ fields: publicationFields });
  const { values, field, reset } = useValues(form, { code: '', 'title.ko': '', 'title.en': '', year: '' });
  const onSubmit = form.submit(async () => {
    await api('/charter/publications', {
      method: 'POST',
      body: {
        code: values.code.trim(),
        title: { ko: values['title.ko'], en: values['title.en'] },
        year: optionalYear(values.year),
      },
    });
    reset();
    onSaved(t('publicationAdded'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="new-publication">
      <h3 id="new-publication">{t('newPublication')}</h3>
      <ErrorSummary form={form} />
      {field('code', t('code'), { required: true, hint: t('codeHint') })}
      {field('title.ko', t('titleKo'), { required: true })}
      {field('title.en', t('titleEn'), { required: true })}
      {field('year', t('year'))}
      <Button type="submit" disabled={form.pending}>
        {t('addPublication')}
      </Button>
    </form>
  );
}

const contestFields = [
  'year',
  'title.ko',
  'title.en',
  'exhibition.place',
  'exhibition.from',
  'exhibition.to',
] as const;

function ContestForm({ onSaved }: { onSaved: (message: string) => void }) {
  const t = useText(charterStaffText);
  const form = useForm({ fields: contestFields });
  const { values, field, reset } = useValues(form, {
    year: '',
    'title.ko': '',
    'title.en': '',
    'exhibition.place': '',
    'exhibition.from': '',
    'exhibition.to': '',
  });
  const onSubmit = form.submit(async () => {
    await api('/charter/contests', {
      method: 'POST',
      body: {
        year: optionalYear(values.year) ?? undefined,
        title: { ko: values['title.ko'], en: values['title.en'] },
        exhibition: {
          place: optionalText(values['exhibition.place']),
          from: optionalText(values['exhibition.from']),
          to: optionalText(values['exhibition.to']),
        },
      },
    });
    reset();
    onSaved(t('contestOpened', { year: values.year.trim() }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="new-contest">
      <h3 id="new-contest">{t('newContest')}</h3>
      <ErrorSummary form={form} />
      {field('year', t('year'), { required: true })}
      {field('title.ko', t('contestTitleKo'), { required: true })}
      {field('title.en', t('contestTitleEn'), { required: true })}
      {field('exhibition.place', t('exhibitionPlace'))}
      {field('exhibition.from', t('exhibitionFrom'), { hint: t('dateHint') })}
      {field('exhibition.to', t('exhibitionTo'), { hint: t('dateHint') })}
      <Button type="submit" disabled={form.pending}>
        {t('openContest')}
      </Button>
    </form>
  );
}

function ContestTable({ contests }: { contests: readonly Contest[] }) {
  const t = useText(charterStaffText);
  const shared = useText(charterText);
  const language = useLanguage();
  const columns: Column<Contest>[] = [
    {
      key: 'year',
      header: shared('year'),
      rowHeader: true,
      cell: (row) => <Link to={contestPath(row.id)}>{t('manage', { year: row.year })}</Link>,
    },
    { key: 'title', header: shared('contestsTitle'), cell: (row) => row.title[language] },
    { key: 'status', header: shared('status'), cell: (row) => shared(`status_${row.status}`) },
    { key: 'entries', header: shared('entries'), numeric: true, cell: (row) => String(row.entryCount) },
  ];
  return (
    <DataTable
      caption={t('contestsCaption')}
      columns={columns}
      rows={contests}
      rowKey={(row) => row.id}
      empty={shared('contestsEmpty')}
    />
  );
}

export default function StaffPage() {
  const t = useText(charterStaffText);
  const shared = useText(charterText);
  const state = useApiData<StaffOverview>('/charter/staff');
  const [saved, setSaved] = useState<string | null>(null);
  const onSaved = (message: string) => {
    setSaved(message);
    state.reload();
  };
  return (
    <Page title={t('staffTitle')} lead={<p>{t('staffLead')}</p>}>
      <LiveRegion>{saved ? <Notice tone="success">{saved}</Notice> : null}</LiveRegion>
      <p>
        <Link to={articlesPath}>{t('articlesLink')}</Link>
      </p>
      <Loaded state={state}>
        {(data) => (
          <>
            <section className="section" aria-labelledby="contests">
              <h2 id="contests">{shared('contestsTitle')}</h2>
              <ContestTable contests={data.contests} />
              <ContestForm onSaved={onSaved} />
            </section>
            <section className="section" aria-labelledby="publications">
              <h2 id="publications">{shared('publicationsTitle')}</h2>
              <PublicationTable publications={data.publications} />
              <PublicationForm onSaved={onSaved} />
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
