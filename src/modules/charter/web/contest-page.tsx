/**
 * One year's promotion contest for the office: its status with the steps it may take next, its
 * entries (entrants included: the office only), a form that adds an entry while the contest is open,
 * and a form that judges the chosen entry while it is being judged.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { NotFoundPage } from '../../../kernel/web/shell/status-pages.tsx';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  formatNumber,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import {
  awards,
  type ContestDetail,
  type ContestStatus,
  contestTransitions,
  type Entry,
  type EntryCategory,
  entryCategories,
} from '../contract.ts';
import { charterStaffText, charterText } from './messages.ts';
import { staffPath } from './paths.ts';

type Saved = (message: string) => void;

function StatusActions({ detail, onSaved }: { detail: ContestDetail; onSaved: Saved }) {
  const t = useText(charterStaffText);
  const shared = useText(charterText);
  const form = useForm({ fields: [] as const });
  const { contest } = detail;
  const move = (status: ContestStatus) =>
    form.submit(async () => {
      await api(`/charter/contests/${encodeURIComponent(contest.id)}`, {
        method: 'PUT',
        body: {
          version: contest.version,
          title: contest.title,
          theme: contest.theme,
          status,
          exhibition: contest.exhibition,
        },
      });
      onSaved(t('moved', { status: shared(`status_${status}`) }));
    });
  const next = contestTransitions[contest.status];
  if (next.length === 0) return null;
  return (
    <div>
      <ErrorSummary form={form} />
      <p className="inline-actions">
        {next.map((status) => (
          <Button key={status} variant="secondary" disabled={form.pending} onClick={move(status)}>
            {t('moveTo', { status: shared(`status_${status}`) })}
          </Button>
        ))}
      </p>
    </div>
  );
}

function EntryForm({ contestId, onSaved }: { contestId: string; onSaved: Saved }) {
  const t = useText(charterStaffText);
  const shared = useText(charterText);
  const form = useForm({ fields: ['title', 'category', 'entrant'] as const });
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<EntryCategory>('slogan');
  const [entrant, setEntrant] = useState('');
  const onSubmit = form.submit(async () => {
    await api(`/charter/contests/${encodeURIComponent(contestId)}/entries`, {
      method: 'POST',
      body: { title, category, entrant },
    });
    setTitle('');
    setEntrant('');
    onSaved(t('entryAdded'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="add-entry">
      <h2 id="add-entry">{t('addEntry')}</h2>
      <ErrorSummary form={form} />
      <TextField
        name="title"
        label={t('entryTitle')}
        value={title}
        onChange={setTitle}
        error={form.errorFor('title')}
        required
      />
      <SelectField
        name="category"
        label={shared('category')}
        value={category}
        onChange={setCategory}
        options={entryCategories.map((value) => ({ value, label: shared(`category_${value}`) }))}
        error={form.errorFor('category')}
        required
      />
      <TextField
        name="entrant"
        label={t('entrant')}
        value={entrant}
        onChange={setEntrant}
        error={form.errorFor('entrant')}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('addEntry')}
      </Button>
    </form>
  );
}

function JudgementForm({ entry, onSaved }: { entry: Entry; onSaved: Saved }) {
  const t = useText(charterStaffText);
  const shared = useText(charterText);
  const form = useForm({ fields: ['score', 'award', 'exhibited'] as const });
  const [score, setScore] = useState(entry.score === null ? '' : String(entry.score));
  const [award, setAward] = useState<string>(entry.award ?? '');
  const [exhibited, setExhibited] = useState(entry.exhibited);
  const onSubmit = form.submit(async () => {
    await api(`/charter/entries/${encodeURIComponent(entry.id)}/judgement`, {
      method: 'PUT',
      body: {
        version: entry.version,
        score: score.trim() === '' ? null : Number(score.trim()),
        award: award === '' ? null : award,
        exhibited,
      },
    });
    onSaved(t('judged', { title: entry.title }));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-labelledby="judge-entry">
      <h2 id="judge-entry">{t('judge', { title: entry.title })}</h2>
      <ErrorSummary form={form} />
      <TextField
        name="score"
        label={t('score')}
        hint={t('scoreHint')}
        inputMode="numeric"
        value={score}
        onChange={setScore}
        error={form.errorFor('score')}
      />
      <SelectField
        name="award"
        label={shared('award')}
        value={award}
        onChange={setAward}
        empty={t('noAward')}
        options={awards.map((value) => ({ value, label: shared(`award_${value}`) }))}
        error={form.errorFor('award')}
      />
      <CheckboxField
        name="exhibited"
        label={t('exhibitedLabel')}
        checked={exhibited}
        onChange={setExhibited}
      />
      <Button type="submit" disabled={form.pending}>
        {t('saveJudgement')}
      </Button>
    </form>
  );
}

function ContestView({ detail, onSaved }: { detail: ContestDetail; onSaved: Saved }) {
  const t = useText(charterStaffText);
  const shared = useText(charterText);
  const language = useLanguage();
  const { contest } = detail;
  const [judging, setJudging] = useState<string | null>(null);
  const chosen = detail.entries.find((entry) => entry.id === judging);
  const columns: Column<Entry>[] = [
    { key: 'title', header: t('entryTitle'), rowHeader: true, cell: (row) => row.title },
    { key: 'category', header: shared('category'), cell: (row) => shared(`category_${row.category}`) },
    { key: 'entrant', header: t('entrant'), cell: (row) => row.entrant },
    {
      key: 'score',
      header: t('score'),
      numeric: true,
      cell: (row) => (row.score === null ? shared('notRecorded') : formatNumber(row.score)),
    },
    {
      key: 'award',
      header: shared('award'),
      cell: (row) => (row.award ? shared(`award_${row.award}`) : t('noAward')),
    },
    {
      key: 'exhibited',
      header: shared('exhibited'),
      cell: (row) => (row.exhibited ? shared('yes') : shared('no')),
    },
    ...(contest.status === 'judging'
      ? [
          {
            key: 'judge',
            header: t('judgeColumn'),
            cell: (row: Entry) => (
              <Button variant="secondary" onClick={() => setJudging(row.id)}>
                {t('judge', { title: row.title })}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <p>
        <Link to={staffPath}>{t('backToStaff')}</Link>
      </p>
      <dl className="definition-list">
        <dt>{shared('contestsTitle')}</dt>
        <dd>{contest.title[language]}</dd>
        <dt>{shared('status')}</dt>
        <dd>{shared(`status_${contest.status}`)}</dd>
      </dl>
      <StatusActions detail={detail} onSaved={onSaved} />
      <DataTable
        caption={t('entriesCaption')}
        columns={columns}
        rows={detail.entries}
        rowKey={(row) => row.id}
        empty={t('noEntries')}
      />
      {contest.status === 'open' ? <EntryForm contestId={contest.id} onSaved={onSaved} /> : null}
      {contest.status === 'judging' && chosen ? (
        <JudgementForm key={`${chosen.id}:${chosen.version}`} entry={chosen} onSaved={onSaved} />
      ) : null}
    </>
  );
}

export default function ContestPage() {
  const t = useText(charterStaffText);
  const { id = '' } = useParams();
  const state = useApiData<ContestDetail>(`/charter/contests/${encodeURIComponent(id)}`);
  const [saved, setSaved] = useState<string | null>(null);
  if (isNotFound(state.error)) return <NotFoundPage />;
  const year = state.data?.contest.year;
  return (
    <Page title={year === undefined ? t('staffTitle') : t('contestPageTitle', { year })}>
      <LiveRegion>{saved ? <Notice tone="success">{saved}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(detail) => (
          <ContestView
            detail={detail}
            onSaved={(message) => {
              setSaved(message);
              state.reload();
            }}
          />
        )}
      </Loaded>
    </Page>
  );
}
