/**
 * The office fills a year's self-assessment: the matrix with each cell's rating and evidence count
 * and a button to assess it, the form of the chosen cell (rating, narrative in both languages, the
 * records that support it, found by a search over the platform's public records or entered by
 * address), and publishing. Every save sends the version read, so a change made meanwhile is a 409.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { languages } from '../../../kernel/shared/language.ts';
import { api, query } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { NotFoundPage } from '../../../kernel/web/shell/status-pages.tsx';
import {
  Button,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Localized,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { isNotFound, useApiData } from '../../../kernel/web/use-api.ts';
import type { Assessment, Cell, Evidence, Framework } from '../contract.ts';
import { type Rating, ratingScale } from '../ratings.ts';
import { assessmentsPath } from './paths.ts';
import { findCell, Matrix, RatingLabel } from './shared.tsx';
import { sdgStaffText } from './staff-messages.ts';

interface CellKey {
  category: string;
  component: string;
}

function EvidenceFinder({ onAdd }: { onAdd: (evidence: Evidence) => void }) {
  const t = useText(sdgStaffText);
  const language = useLanguage();
  const search = useForm({ fields: ['q'] });
  const [text, setText] = useState('');
  const [results, setResults] = useState<Evidence[] | null>(null);
  const onSearch = search.submit(async () => {
    const answer = await api<{ results: Evidence[] }>(`/sdg/evidence${query({ q: text })}`);
    setResults(answer.results);
  });
  return (
    <section aria-labelledby="evidence-search">
      <h4 id="evidence-search">{t('searchTitle')}</h4>
      <form noValidate onSubmit={onSearch} className="form">
        <ErrorSummary form={search} />
        <TextField
          name="q"
          type="search"
          label={t('search')}
          hint={t('searchHint')}
          value={text}
          onChange={setText}
          error={search.errorFor('q')}
        />
        <Button type="submit" variant="secondary" disabled={search.pending}>
          {t('searchSubmit')}
        </Button>
      </form>
      <LiveRegion>
        {results === null ? null : results.length === 0 ? (
          <p>{t('noResults')}</p>
        ) : (
          <ul aria-label={t('results')}>
            {results.map((result) => (
              <li key={result.path}>
                <Localized text={result.title} /> <span className="meta">{result.path}</span>{' '}
                <Button
                  variant="secondary"
                  aria-label={t('addLabel', { title: result.title[language] })}
                  onClick={() => onAdd(result)}
                >
                  {t('add')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </LiveRegion>
    </section>
  );
}

function ManualEvidence({ onAdd }: { onAdd: (evidence: Evidence) => void }) {
  const t = useText(sdgStaffText);
  const [path, setPath] = useState('');
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  return (
    <section aria-labelledby="evidence-manual">
      <h4 id="evidence-manual">{t('manualTitle')}</h4>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          // A page named by its address; the server checks the address when the cell is saved.
          onAdd({
            module: 'web',
            recordType: 'page',
            recordId: path,
            title: { ko: titleKo, en: titleEn },
            path,
          });
          setPath('');
          setTitleKo('');
          setTitleEn('');
        }}
      >
        <TextField
          name="evidence-path"
          label={t('path')}
          hint={t('pathHint')}
          value={path}
          onChange={setPath}
          required
        />
        <TextField
          name="evidence-title-ko"
          label={t('titleKo')}
          value={titleKo}
          onChange={setTitleKo}
          required
        />
        <TextField
          name="evidence-title-en"
          label={t('titleEn')}
          value={titleEn}
          onChange={setTitleEn}
          required
        />
        <Button type="submit" variant="secondary">
          {t('manualSubmit')}
        </Button>
      </form>
    </section>
  );
}

function CellEditor({
  year,
  cell,
  name,
  onSaved,
}: {
  year: number;
  cell: Cell;
  name: string;
  onSaved: (message: string) => void;
}) {
  const t = useText(sdgStaffText);
  const language = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const formId = useId();
  const form = useForm({ fields: ['rating', 'narrative.ko', 'narrative.en'] });
  const [rating, setRating] = useState<Rating | ''>(cell.rating ?? '');
  const [narrative, setNarrative] = useState(cell.narrative);
  const [evidence, setEvidence] = useState<Evidence[]>(cell.evidence);

  useEffect(() => heading.current?.focus(), []);

  const add = (item: Evidence) =>
    setEvidence((current) =>
      current.some((entry) => entry.path === item.path) ? current : [...current, item],
    );
  const onSubmit = form.submit(async () => {
    await api(`/sdg/assessments/${year}/cells/${cell.category}/${cell.component}`, {
      method: 'PUT',
      body: {
        version: cell.version,
        rating: rating === '' ? null : rating,
        narrative,
        evidence: evidence.map(({ module, recordType, recordId, title, path }) => ({
          module,
          recordType,
          recordId,
          title,
          path,
        })),
      },
    });
    onSaved(t('saved', { cell: name }));
  });

  return (
    <section className="sdg-cell-form" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`} ref={heading} tabIndex={-1}>
        {t('cellTitle', { cell: name })}
      </h2>
      <form id={formId} noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="rating"
          label={t('rating')}
          value={rating}
          onChange={setRating}
          empty={t('ratingEmpty')}
          options={ratingScale.map((entry) => ({ value: entry.rating, label: entry.label[language] }))}
          error={form.errorFor('rating')}
        />
        {languages.map((written) => (
          <TextField
            key={written}
            name={`narrative.${written}`}
            label={t(written === 'ko' ? 'narrativeKo' : 'narrativeEn')}
            value={narrative[written]}
            onChange={(value) => setNarrative((current) => ({ ...current, [written]: value }))}
            multiline
            rows={4}
            error={form.errorFor(`narrative.${written}`)}
          />
        ))}
      </form>
      <h3>{t('evidenceTitle')}</h3>
      {evidence.length === 0 ? (
        <p>{t('noEvidence')}</p>
      ) : (
        <ul aria-label={t('evidenceTitle')}>
          {evidence.map((item) => (
            <li key={item.path}>
              <Link to={item.path}>
                <Localized text={item.title} />
              </Link>{' '}
              <Button
                variant="secondary"
                aria-label={t('removeLabel', { title: item.title[language] })}
                onClick={() => setEvidence((current) => current.filter((entry) => entry.path !== item.path))}
              >
                {t('remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <EvidenceFinder onAdd={add} />
      <ManualEvidence onAdd={add} />
      <Button type="submit" form={formId} disabled={form.pending}>
        {t('save')}
      </Button>
    </section>
  );
}

function PublishForm({ assessment, onDone }: { assessment: Assessment; onDone: (message: string) => void }) {
  const t = useText(sdgStaffText);
  const form = useForm<never>({ fields: [] });
  const published = assessment.publishedAt !== null;
  const onSubmit = form.submit(async () => {
    await api(`/sdg/assessments/${assessment.year}`, {
      method: 'PUT',
      body: { version: assessment.version, published: !published },
    });
    onDone(t(published ? 'withdrawnDone' : 'publishedDone', { year: assessment.year }));
  });
  return (
    <section className="section" aria-labelledby="publish-assessment">
      <h2 id="publish-assessment">{t('publishTitle')}</h2>
      <p>{published ? t('publishedNote') : t('draftNote')}</p>
      <form noValidate onSubmit={onSubmit} className="inline-actions">
        <ErrorSummary form={form} />
        <Button type="submit" variant={published ? 'secondary' : 'primary'} disabled={form.pending}>
          {published ? t('withdraw') : t('publish')}
        </Button>
      </form>
    </section>
  );
}

export default function AssessmentPage() {
  const t = useText(sdgStaffText);
  const language = useLanguage();
  const { year = '' } = useParams();
  const framework = useApiData<Framework>('/sdg/agenda-2030');
  const state = useApiData<Assessment>(`/sdg/assessments/${encodeURIComponent(year)}`);
  const [selected, setSelected] = useState<CellKey | null>(null);
  const [message, setMessage] = useState('');
  if (isNotFound(state.error)) return <NotFoundPage />;
  const done = (text: string) => {
    setMessage(text);
    state.reload();
  };
  return (
    <Page title={t('assessmentTitle', { year })}>
      <p>
        <Link to={assessmentsPath}>{t('backToAssessments')}</Link>
      </p>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(assessment) => {
          const names = framework.data;
          if (!names) return null;
          const cellName = ({ category, component }: CellKey) =>
            t('cellName', {
              category: names.categories.find((entry) => entry.code === category)?.name[language] ?? category,
              component:
                names.components.find((entry) => entry.code === component)?.name[language] ?? component,
            });
          const chosen = selected && findCell(assessment, selected.category, selected.component);
          const editable = assessment.publishedAt === null;
          return (
            <>
              <PublishForm assessment={assessment} onDone={done} />
              <Matrix
                caption={t('matrixCaption', { year: assessment.year })}
                categoryHeader={t('category')}
                categories={names.categories}
                components={names.components}
                cell={(category, component) => {
                  const cell = findCell(assessment, category.code, component.code);
                  if (!cell) return null;
                  const key = { category: category.code, component: component.code };
                  return (
                    <>
                      <p>{cell.rating ? <RatingLabel rating={cell.rating} /> : t('notRated')}</p>
                      <p className="meta">{t('evidenceCount', { count: cell.evidence.length })}</p>
                      {editable ? (
                        <Button
                          variant="secondary"
                          aria-label={t('editCellLabel', { cell: cellName(key) })}
                          onClick={() => setSelected(key)}
                        >
                          {t('editCell')}
                        </Button>
                      ) : null}
                    </>
                  );
                }}
              />
              {chosen && editable ? (
                <CellEditor
                  key={`${chosen.category}/${chosen.component}/${chosen.version}`}
                  year={assessment.year}
                  cell={chosen}
                  name={cellName(chosen)}
                  onSaved={done}
                />
              ) : null}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
