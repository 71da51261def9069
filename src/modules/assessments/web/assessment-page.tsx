/**
 * One assessment through its steps: the steps with the current one marked, the next steps the server
 * offers the reader (each sent with the version read), the scope and public summary, the checklist
 * (one small form per item, so an assessor saves item by item with the keyboard), the scores, the
 * recommendations with the department's responses, and the tracked revisions.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, apiBase } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { FileUploadForm, StoredFileList } from '../../../kernel/web/ui/file-upload.tsx';
import {
  Button,
  CheckboxField,
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
import {
  type Action,
  type Assessment,
  type EvidenceFile,
  type Recommendation,
  type ResponseKind,
  type Revision,
  responses,
  steps,
  type TemplateItem,
} from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { workPath } from './paths.ts';
import { ResponseName, ScoreText, scopedErrors } from './shared.tsx';
import './assessments.css';

type Done = (message: string) => void;

function Steps({ assessment, onDone }: { assessment: Assessment; onDone: Done }) {
  const t = useText(assessmentsText);
  const form = useForm<never>({ fields: [] });
  const take = (action: Action) =>
    form.submit(async () => {
      const next = await api<Assessment>(`/assessments/${assessment.id}/transitions`, {
        method: 'POST',
        body: { action, version: assessment.version },
      });
      onDone(t('moved', { step: t(`step_${next.step}`) }));
    });
  return (
    <section className="section" aria-labelledby="assessment-steps">
      <h2 id="assessment-steps">{t('stepsLabel')}</h2>
      <ol className="assessment-steps">
        {steps.map((step) => {
          const current = step === assessment.step;
          return (
            <li key={step} aria-current={current ? 'step' : undefined}>
              {current ? (
                <strong>
                  {t(`step_${step}`)} ({t('currentStep')})
                </strong>
              ) : (
                t(`step_${step}`)
              )}
            </li>
          );
        })}
      </ol>
      <h3>{t('actionsTitle')}</h3>
      <ErrorSummary form={form} />
      {assessment.allowedActions.length === 0 ? <p>{t('noActions')}</p> : null}
      {assessment.allowedActions.map((action) => (
        <form key={action} noValidate onSubmit={take(action)} className="inline-actions">
          <Button type="submit" disabled={form.pending}>
            {t(`action_${action}`)}
          </Button>
        </form>
      ))}
    </section>
  );
}

function DetailsForm({ assessment, onDone }: { assessment: Assessment; onDone: Done }) {
  const t = useText(assessmentsText);
  const [scope, setScope] = useState(assessment.scope);
  const [summary, setSummary] = useState(assessment.summary);
  const form = useForm({ fields: ['scope', 'summary'] });
  const onSubmit = form.submit(async () => {
    await api(`/assessments/${assessment.id}`, {
      method: 'PATCH',
      body: { scope, summary, version: assessment.version },
    });
    onDone(t('detailsSaved'));
  });
  return (
    <section className="section" aria-labelledby="assessment-details">
      <h2 id="assessment-details">{t('detailsTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <TextField
          name="scope"
          label={t('scope')}
          value={scope}
          onChange={setScope}
          error={form.errorFor('scope')}
          multiline
          rows={3}
        />
        <TextField
          name="summary"
          label={t('summary')}
          value={summary}
          onChange={setSummary}
          error={form.errorFor('summary')}
          multiline
          rows={3}
        />
        <Button type="submit" disabled={form.pending}>
          {t('saveDetails')}
        </Button>
      </form>
    </section>
  );
}

function ItemForm({
  assessment,
  item,
  onDone,
}: {
  assessment: Assessment;
  item: TemplateItem;
  onDone: Done;
}) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const saved = assessment.ratings.find((rating) => rating.itemKey === item.key);
  const savedRating = saved?.rating === null || saved === undefined ? '' : String(saved.rating);
  const [rating, setRating] = useState(savedRating);
  // Removing the last file an item's rating rested on withdraws the rating: the field follows.
  useEffect(() => setRating(savedRating), [savedRating]);
  const [notApplicable, setNotApplicable] = useState(saved?.notApplicable ?? false);
  const [evidence, setEvidence] = useState(saved?.evidence ?? '');
  const [finding, setFinding] = useState(saved?.finding ?? '');
  const name = (field: string) => `${item.key}-${field}`;
  const form = useForm({
    fields: [name('rating'), name('notApplicable'), name('evidence'), name('finding'), name('itemKey')],
  });
  const onSubmit = form.submit(
    scopedErrors(item.key, async () => {
      await api(`/assessments/${assessment.id}/ratings`, {
        method: 'PUT',
        body: {
          itemKey: item.key,
          rating: notApplicable || rating === '' ? null : Number(rating),
          notApplicable,
          evidence,
          finding,
        },
      });
      onDone(t('ratingSaved', { item: item.text[language] }));
    }),
  );
  const scale = Array.from({ length: item.scale + 1 }, (_, value) => String(value));
  return (
    <div className="checklist-item">
      <h4 id={`item-${item.key}`}>{item.text[language]}</h4>
      <p className="field__hint">
        {item.guidance[language]} <span className="meta">({t('itemWeight', { weight: item.weight })})</span>
      </p>
      <EvidenceFiles
        assessment={assessment}
        files={filesOf(assessment, item.key)}
        removePath={(file) => `/assessments/${assessment.id}/items/${item.key}/files/${file.id}`}
        onRemoved={(left) =>
          onDone(
            left === 0 && item.evidenceRequired && saved?.rating != null && saved.evidence === ''
              ? t('ratingWithdrawn', { item: item.text[language] })
              : '',
          )
        }
      />
      <FileUploadForm
        id={`${item.key}-file`}
        path={`/assessments/${assessment.id}/items/${item.key}/files`}
        label={t('itemFileLabel', { item: item.text[language] })}
        onUploaded={() => onDone('')}
      />
      <form noValidate onSubmit={onSubmit} className="form" aria-labelledby={`item-${item.key}`}>
        <ErrorSummary form={form} />
        <SelectField
          name={name('rating')}
          label={t('rating', { scale: item.scale })}
          value={rating}
          onChange={setRating}
          empty={t('notRated')}
          options={scale.map((value) => ({ value, label: value }))}
          error={form.errorFor(name('rating'))}
        />
        <CheckboxField
          name={name('notApplicable')}
          label={t('notApplicable')}
          checked={notApplicable}
          onChange={setNotApplicable}
        />
        <TextField
          name={name('evidence')}
          label={t('evidence')}
          value={evidence}
          onChange={setEvidence}
          error={form.errorFor(name('evidence'))}
          {...(item.evidenceRequired ? { hint: t('evidenceRequired') } : {})}
        />
        <TextField
          name={name('finding')}
          label={t('finding')}
          value={finding}
          onChange={setFinding}
          multiline
          rows={2}
          error={form.errorFor(name('finding'))}
        />
        <Button type="submit" disabled={form.pending}>
          {t('saveRating', { item: item.text[language] })}
        </Button>
      </form>
    </div>
  );
}

const filesOf = (assessment: Assessment, itemKey: string) =>
  assessment.itemFiles.find((entry) => entry.itemKey === itemKey)?.files ?? [];

/**
 * An item's or a revision's evidence files: download links for the office and the assessed
 * department; a peer assessor, who may not download them, sees their names. Where the reader may
 * remove them (`removePath`), the list stays when empty, to say so and to take the focus.
 */
function EvidenceFiles({
  assessment,
  files,
  removePath,
  onRemoved,
}: {
  assessment: Assessment;
  files: readonly EvidenceFile[];
  removePath?: (file: { id: string }) => string;
  /** Told how many files are left. */
  onRemoved?: (left: number) => void;
}) {
  const t = useText(assessmentsText);
  if (files.length === 0 && !removePath) return null;
  return (
    <div className="evidence-files">
      <p className="meta">{t('evidenceFiles')}</p>
      <StoredFileList
        files={files}
        {...(assessment.mayDownload
          ? { href: (file) => `${apiBase}/assessments/${assessment.id}/files/${file.id}` }
          : {})}
        {...(removePath
          ? { remove: { path: removePath, onRemoved: () => onRemoved?.(files.length - 1) } }
          : {})}
      />
    </div>
  );
}

function Checklist({ assessment, onDone }: { assessment: Assessment; onDone: Done }) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const sectionRows = assessment.template.sections.map((section, index) => ({
    key: section.key,
    title: section.title[language],
    score: assessment.score.sections[index]?.score ?? null,
  }));
  const columns: Column<(typeof sectionRows)[number]>[] = [
    { key: 'section', header: t('section'), rowHeader: true, cell: (row) => row.title },
    { key: 'score', header: t('score'), numeric: true, cell: (row) => <ScoreText score={row.score} /> },
  ];
  return (
    <>
      <section className="section" aria-labelledby="assessment-score">
        <h2 id="assessment-score">{t('scoreTitle')}</h2>
        <p>
          {t('overallScore')}: <ScoreText score={assessment.score.overall} /> ·{' '}
          {t('ratedCount', { rated: assessment.score.rated, applicable: assessment.score.applicable })}
        </p>
        <DataTable
          caption={t('scoresCaption')}
          columns={columns}
          rows={sectionRows}
          rowKey={(row) => row.key}
        />
      </section>
      <section className="section" aria-labelledby="assessment-checklist">
        <h2 id="assessment-checklist">
          {t('checklistTitle')}:{' '}
          {t('templateVersion', {
            title: assessment.template.title[language],
            version: assessment.template.version,
          })}
        </h2>
        {assessment.template.sections.map((section) => (
          <section key={section.key} aria-labelledby={`section-${section.key}`}>
            <h3 id={`section-${section.key}`}>{section.title[language]}</h3>
            {section.items.map((item) =>
              assessment.mayRate ? (
                <ItemForm key={item.key} assessment={assessment} item={item} onDone={onDone} />
              ) : (
                <ReadOnlyItem key={item.key} assessment={assessment} item={item} />
              ),
            )}
          </section>
        ))}
      </section>
    </>
  );
}

function ReadOnlyItem({ assessment, item }: { assessment: Assessment; item: TemplateItem }) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const rating = assessment.ratings.find((entry) => entry.itemKey === item.key);
  return (
    <div className="checklist-item">
      <h4>{item.text[language]}</h4>
      <dl className="definition-list">
        <dt>{t('rating', { scale: item.scale })}</dt>
        <dd>
          {rating?.notApplicable
            ? t('notApplicable')
            : rating?.rating === null || !rating
              ? t('notRated')
              : rating.rating}
        </dd>
        {rating?.evidence ? (
          <>
            <dt>{t('evidence')}</dt>
            <dd>{rating.evidence}</dd>
          </>
        ) : null}
        {rating?.finding ? (
          <>
            <dt>{t('finding')}</dt>
            <dd>{rating.finding}</dd>
          </>
        ) : null}
      </dl>
      <EvidenceFiles assessment={assessment} files={filesOf(assessment, item.key)} />
    </div>
  );
}

function AddRecommendation({ assessment, onDone }: { assessment: Assessment; onDone: Done }) {
  const t = useText(assessmentsText);
  const [text, setText] = useState('');
  const form = useForm({ fields: ['text'] });
  const onSubmit = form.submit(async () => {
    await api(`/assessments/${assessment.id}/recommendations`, { method: 'POST', body: { text } });
    setText('');
    onDone(t('recommendationAdded'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <TextField
        name="text"
        label={t('recommendationText')}
        value={text}
        onChange={setText}
        error={form.errorFor('text')}
        multiline
        rows={3}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('addRecommendation')}
      </Button>
    </form>
  );
}

function ResponseForm({
  recommendation,
  index,
  onDone,
}: {
  recommendation: Recommendation;
  index: number;
  onDone: Done;
}) {
  const t = useText(assessmentsText);
  const scope = `recommendation-${recommendation.id}`;
  const [response, setResponse] = useState<ResponseKind | ''>(recommendation.response ?? '');
  const [reason, setReason] = useState(recommendation.reason ?? '');
  const form = useForm({ fields: [`${scope}-response`, `${scope}-reason`] });
  const onSubmit = form.submit(
    scopedErrors(scope, async () => {
      await api(`/assessments/recommendations/${recommendation.id}/response`, {
        method: 'PUT',
        body: { response, reason, version: recommendation.version },
      });
      onDone(t('responded'));
    }),
  );
  return (
    <form noValidate onSubmit={onSubmit} className="form" aria-label={`${t('respondTitle')} ${index + 1}`}>
      <ErrorSummary form={form} />
      <SelectField
        name={`${scope}-response`}
        label={t('response')}
        value={response}
        onChange={setResponse}
        empty={t('noResponse')}
        options={responses.map((value) => ({ value, label: t(`response_${value}`) }))}
        error={form.errorFor(`${scope}-response`)}
        required
      />
      <TextField
        name={`${scope}-reason`}
        label={t('reason')}
        value={reason}
        onChange={setReason}
        error={form.errorFor(`${scope}-reason`)}
        multiline
        rows={2}
      />
      <Button type="submit" disabled={form.pending}>
        {t('sendResponse')}
      </Button>
    </form>
  );
}

function Recommendations({ assessment, onDone }: { assessment: Assessment; onDone: Done }) {
  const t = useText(assessmentsText);
  const office = assessment.allowedActions.length > 0;
  const answering = assessment.step === 'response' && assessment.mayRespond;
  return (
    <section className="section" aria-labelledby="assessment-recommendations">
      <h2 id="assessment-recommendations">{t('recommendationsTitle')}</h2>
      {assessment.recommendations.length === 0 ? <p>{t('noRecommendations')}</p> : null}
      <ol>
        {assessment.recommendations.map((recommendation, index) => (
          <li key={recommendation.id}>
            <p>{recommendation.text}</p>
            <p className="meta">
              <ResponseName response={recommendation.response} />
              {recommendation.reason ? ` · ${t('reasonLabel', { reason: recommendation.reason })}` : null}
            </p>
            {answering ? (
              <ResponseForm
                key={recommendation.version}
                recommendation={recommendation}
                index={index}
                onDone={onDone}
              />
            ) : null}
          </li>
        ))}
      </ol>
      {assessment.step === 'recommendations' && office ? (
        <AddRecommendation assessment={assessment} onDone={onDone} />
      ) : null}
    </section>
  );
}

function RevisionForm({ assessment, onDone }: { assessment: Assessment; onDone: Done }) {
  const t = useText(assessmentsText);
  const [recommendationId, setRecommendationId] = useState('');
  const [description, setDescription] = useState('');
  const [revisedOn, setRevisedOn] = useState('');
  const [evidence, setEvidence] = useState('');
  const form = useForm({ fields: ['recommendationId', 'description', 'revisedOn', 'evidence'] });
  const onSubmit = form.submit(async () => {
    await api(`/assessments/${assessment.id}/revisions`, {
      method: 'POST',
      body: {
        recommendationId: recommendationId === '' ? null : Number(recommendationId),
        description,
        revisedOn,
        evidence,
      },
    });
    setDescription('');
    setEvidence('');
    onDone(t('revisionRecorded'));
  });
  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary form={form} />
      <SelectField
        name="recommendationId"
        label={t('revisionRecommendation')}
        value={recommendationId}
        onChange={setRecommendationId}
        empty={t('noneSelected')}
        options={assessment.recommendations.map((entry, index) => ({
          value: String(entry.id),
          label: `${index + 1}. ${entry.text.slice(0, 60)}`,
        }))}
        error={form.errorFor('recommendationId')}
      />
      <TextField
        name="description"
        label={t('revisionDescription')}
        value={description}
        onChange={setDescription}
        error={form.errorFor('description')}
        multiline
        rows={2}
        required
      />
      <TextField
        name="revisedOn"
        label={t('revisedOn')}
        type="date"
        value={revisedOn}
        onChange={setRevisedOn}
        error={form.errorFor('revisedOn')}
        required
      />
      <TextField
        name="evidence"
        label={t('revisionEvidence')}
        value={evidence}
        onChange={setEvidence}
        error={form.errorFor('evidence')}
        required
      />
      <Button type="submit" disabled={form.pending}>
        {t('recordRevision')}
      </Button>
    </form>
  );
}

function Revisions({ assessment, onDone }: { assessment: Assessment; onDone: Done }) {
  const t = useText(assessmentsText);
  const attaching = assessment.step === 'revision' && assessment.mayRespond;
  const columns: Column<Revision>[] = [
    { key: 'description', header: t('revisionDescription'), rowHeader: true, cell: (row) => row.description },
    { key: 'revisedOn', header: t('revisedOn'), cell: (row) => row.revisedOn },
    { key: 'evidence', header: t('revisionEvidence'), cell: (row) => row.evidence },
    {
      key: 'files',
      header: t('evidenceFiles'),
      cell: (row) => (
        <EvidenceFiles
          assessment={assessment}
          files={row.files}
          {...(attaching
            ? {
                removePath: (file: { id: string }) => `/assessments/revisions/${row.id}/files/${file.id}`,
                onRemoved: () => onDone(''),
              }
            : {})}
        />
      ),
    },
  ];
  if (assessment.revisions.length === 0 && assessment.step !== 'revision') return null;
  return (
    <section className="section" aria-labelledby="assessment-revisions">
      <h2 id="assessment-revisions">{t('revisionsTitle')}</h2>
      <DataTable
        caption={t('revisionsCaption')}
        columns={columns}
        rows={assessment.revisions}
        rowKey={(row) => String(row.id)}
        empty={t('noRevisions')}
      />
      {attaching
        ? assessment.revisions.map((revision, index) => (
            <FileUploadForm
              key={revision.id}
              id={`revision-${revision.id}-file`}
              path={`/assessments/revisions/${revision.id}/files`}
              label={t('revisionFileLabel', { number: index + 1, description: revision.description })}
              onUploaded={() => onDone('')}
            />
          ))
        : null}
      {attaching ? <RevisionForm assessment={assessment} onDone={onDone} /> : null}
    </section>
  );
}

export default function AssessmentPage() {
  const t = useText(assessmentsText);
  const { id = '' } = useParams();
  const state = useApiData<Assessment>(`/assessments/${encodeURIComponent(id)}`);
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    state.reload();
  };
  const assessment = state.data;
  return (
    <Page
      title={
        assessment
          ? t('assessmentTitle', { subject: assessment.subject.title, year: assessment.year })
          : t('workTitle')
      }
    >
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(loaded) => (
          <>
            <Steps key={`steps:${loaded.version}`} assessment={loaded} onDone={done} />
            {loaded.allowedActions.length > 0 ? (
              <DetailsForm key={`details:${loaded.version}`} assessment={loaded} onDone={done} />
            ) : null}
            <Checklist assessment={loaded} onDone={done} />
            <Recommendations assessment={loaded} onDone={done} />
            <Revisions assessment={loaded} onDone={done} />
          </>
        )}
      </Loaded>
      <p>
        <Link to={workPath}>{t('backToWork')}</Link>
      </p>
    </Page>
  );
}
