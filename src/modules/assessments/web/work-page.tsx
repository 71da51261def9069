/**
 * The staff's starting page: the assessments the reader sees (a department: its own subjects', and
 * those open for peer rating), the subjects with their timelines, and forms to register a subject,
 * request an assessment and, for the office, record a training.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import { useSession } from '../../../kernel/web/session.tsx';
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
import {
  type AssessmentRow,
  type Subject,
  type SubjectKind,
  subjectKinds,
  type Template,
  trainingBodies,
} from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { assessmentPath, subjectPath } from './paths.ts';
import { KindName, StepName } from './shared.tsx';
import './assessments.css';

function detailsOf(kind: SubjectKind, fields: Record<string, string>) {
  switch (kind) {
    case 'ordinance':
      return {
        kind,
        number: fields.number ?? '',
        change: fields.change ?? 'new',
        articles: (fields.articles ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => {
            const at = line.indexOf(':');
            return at > 0
              ? { number: line.slice(0, at).trim(), text: line.slice(at + 1).trim() }
              : { number: line, text: line };
          }),
      };
    case 'building':
    case 'polling_station':
      return { kind, address: fields.address ?? '', district: fields.district ?? '' };
    case 'event':
      return { kind, date: fields.date ?? '', organiser: fields.organiser ?? '' };
    case 'enterprise':
      return { kind, sector: fields.sector ?? '' };
  }
}

function SubjectForm({
  departmentCode,
  onDone,
}: {
  departmentCode: string | null;
  onDone: (text: string) => void;
}) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const districts =
    useApiData<{ terms: { code: string; name: { ko: string; en: string } }[] }>('/vocabularies/districts')
      .data?.terms ?? [];
  const [kind, setKind] = useState<SubjectKind>('polling_station');
  const [fields, setFields] = useState<Record<string, string>>({
    departmentCode: departmentCode ?? '',
    change: 'new',
    district: 'buk-gu',
  });
  const form = useForm({
    fields: [
      'title',
      'departmentCode',
      'details.number',
      'details.articles',
      'details.address',
      'details.district',
      'details.date',
      'details.organiser',
      'details.sector',
    ],
  });
  const field = (name: string, label: string, options: { multiline?: boolean; type?: 'date' } = {}) => (
    <TextField
      name={name}
      label={label}
      value={fields[name.replace('details.', '')] ?? ''}
      onChange={(value) => setFields((current) => ({ ...current, [name.replace('details.', '')]: value }))}
      error={form.errorFor(name as never)}
      {...(options.multiline ? { multiline: true, rows: 4 } : {})}
      {...(options.type ? { type: options.type } : {})}
      required={!options.multiline}
    />
  );
  const onSubmit = form.submit(async () => {
    const subject = await api<Subject>('/assessments/subjects', {
      method: 'POST',
      body: {
        title: fields.title ?? '',
        departmentCode: fields.departmentCode ?? '',
        details: detailsOf(kind, fields),
      },
    });
    setFields({ departmentCode: departmentCode ?? '', change: 'new', district: 'buk-gu' });
    onDone(t('registered', { title: subject.title }));
  });
  return (
    <section className="section" aria-labelledby="new-subject">
      <h2 id="new-subject">{t('newSubjectTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="kind"
          label={t('kind')}
          value={kind}
          onChange={setKind}
          options={subjectKinds.map((value) => ({ value, label: t(`kind_${value}`) }))}
        />
        {field('title', t('subjectTitle'))}
        {departmentCode ? null : field('departmentCode', t('departmentCode'))}
        {kind === 'ordinance' ? (
          <>
            {field('details.number', t('number'))}
            <SelectField
              name="details.change"
              label={t('change')}
              value={fields.change ?? 'new'}
              onChange={(value) => setFields((current) => ({ ...current, change: value }))}
              options={[
                { value: 'new', label: t('change_new') },
                { value: 'revised', label: t('change_revised') },
              ]}
            />
            {field('details.articles', t('articles'), { multiline: true })}
          </>
        ) : null}
        {kind === 'building' || kind === 'polling_station' ? (
          <>
            {field('details.address', t('address'))}
            <SelectField
              name="details.district"
              label={t('district')}
              value={fields.district ?? 'buk-gu'}
              onChange={(value) => setFields((current) => ({ ...current, district: value }))}
              options={districts.map((term) => ({ value: term.code, label: term.name[language] }))}
              error={form.errorFor('details.district')}
            />
          </>
        ) : null}
        {kind === 'event' ? (
          <>
            {field('details.date', t('date'), { type: 'date' })}
            {field('details.organiser', t('organiser'))}
          </>
        ) : null}
        {kind === 'enterprise' ? field('details.sector', t('sector')) : null}
        <Button type="submit" disabled={form.pending}>
          {t('register')}
        </Button>
      </form>
    </section>
  );
}

function RequestForm({ subjects, onDone }: { subjects: Subject[]; onDone: (text: string) => void }) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const templates = useApiData<{ templates: Template[] }>('/assessments/templates');
  const [subjectId, setSubjectId] = useState('');
  const [templateKey, setTemplateKey] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const form = useForm({ fields: ['subjectId', 'templateKey', 'year'] });
  const subject = subjects.find((entry) => String(entry.id) === subjectId);
  const fitting = (templates.data?.templates ?? []).filter(
    (template) => !subject || template.subjectKind === subject.details.kind,
  );
  const onSubmit = form.submit(async () => {
    await api('/assessments', {
      method: 'POST',
      body: {
        subjectId: Number(subjectId),
        templateKey,
        ...(/^\d{4}$/.test(year.trim()) ? { year: Number(year.trim()) } : {}),
      },
    });
    onDone(t('requested'));
  });
  return (
    <section className="section" aria-labelledby="request-assessment">
      <h2 id="request-assessment">{t('requestTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="subjectId"
          label={t('requestSubject')}
          value={subjectId}
          onChange={setSubjectId}
          empty={t('noneSelected')}
          options={subjects.map((entry) => ({ value: String(entry.id), label: entry.title }))}
          error={form.errorFor('subjectId')}
          required
        />
        <SelectField
          name="templateKey"
          label={t('requestTemplate')}
          value={templateKey}
          onChange={setTemplateKey}
          empty={t('noneSelected')}
          options={fitting.map((template) => ({ value: template.key, label: template.title[language] }))}
          error={form.errorFor('templateKey')}
          required
        />
        <TextField
          name="year"
          label={t('requestYear')}
          value={year}
          onChange={setYear}
          inputMode="numeric"
          className="input--short"
          error={form.errorFor('year')}
        />
        <Button type="submit" disabled={form.pending}>
          {t('request')}
        </Button>
      </form>
    </section>
  );
}

function TrainingForm({ onDone }: { onDone: (text: string) => void }) {
  const t = useText(assessmentsText);
  const [body, setBody] = useState<(typeof trainingBodies)[number]>('task_force');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [participants, setParticipants] = useState('');
  const form = useForm({ fields: ['title', 'heldOn', 'participants'] });
  const onSubmit = form.submit(async () => {
    const count = /^\d+$/.test(participants.trim()) ? Number(participants.trim()) : participants;
    await api('/assessments/trainings', {
      method: 'POST',
      body: { body, title, heldOn, participants: count },
    });
    setTitle('');
    setParticipants('');
    onDone(t('trainingRecorded'));
  });
  return (
    <section className="section" aria-labelledby="record-training">
      <h2 id="record-training">{t('trainingFormTitle')}</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <SelectField
          name="body"
          label={t('body')}
          value={body}
          onChange={setBody}
          options={trainingBodies.map((value) => ({ value, label: t(`body_${value}`) }))}
        />
        <TextField
          name="title"
          label={t('trainingTitle')}
          value={title}
          onChange={setTitle}
          error={form.errorFor('title')}
          required
        />
        <TextField
          name="heldOn"
          label={t('heldOn')}
          type="date"
          value={heldOn}
          onChange={setHeldOn}
          error={form.errorFor('heldOn')}
          required
        />
        <TextField
          name="participants"
          label={t('participants')}
          value={participants}
          onChange={setParticipants}
          inputMode="numeric"
          className="input--short"
          error={form.errorFor('participants')}
          required
        />
        <Button type="submit" disabled={form.pending}>
          {t('recordTraining')}
        </Button>
      </form>
    </section>
  );
}

export default function WorkPage() {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const { user } = useSession();
  const state = useApiData<{ assessments: AssessmentRow[]; subjects: Subject[] }>('/assessments');
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage(text);
    state.reload();
  };
  const office = user?.role === 'officer' || user?.role === 'admin';
  const columns: Column<AssessmentRow>[] = [
    {
      key: 'subject',
      header: t('subject'),
      rowHeader: true,
      cell: (row) => <Link to={assessmentPath(row.id)}>{row.subjectTitle}</Link>,
    },
    { key: 'kind', header: t('kind'), cell: (row) => <KindName kind={row.subjectKind} /> },
    { key: 'year', header: t('year'), numeric: true, cell: (row) => row.year },
    { key: 'step', header: t('step'), cell: (row) => <StepName step={row.step} /> },
    { key: 'department', header: t('department'), cell: (row) => row.departmentCode },
    {
      key: 'template',
      header: t('template'),
      cell: (row) =>
        t('templateVersion', { title: row.template.title[language], version: row.template.version }),
    },
  ];
  const subjectColumns: Column<Subject>[] = [
    {
      key: 'title',
      header: t('subject'),
      rowHeader: true,
      cell: (row) => <Link to={subjectPath(row.id)}>{row.title}</Link>,
    },
    { key: 'kind', header: t('kind'), cell: (row) => <KindName kind={row.details.kind} /> },
    { key: 'department', header: t('department'), cell: (row) => row.departmentCode },
  ];
  return (
    <Page title={t('workTitle')} lead={<p>{t('workLead')}</p>}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {({ assessments, subjects }) => (
          <>
            <section className="section" aria-labelledby="assessment-list">
              <h2 id="assessment-list">{t('assessmentsCaption')}</h2>
              <DataTable
                caption={t('assessmentsCaption')}
                columns={columns}
                rows={assessments}
                rowKey={(row) => String(row.id)}
                empty={t('noAssessments')}
              />
            </section>
            <section className="section" aria-labelledby="subject-list">
              <h2 id="subject-list">{t('subjectsCaption')}</h2>
              <DataTable
                caption={t('subjectsCaption')}
                columns={subjectColumns}
                rows={subjects}
                rowKey={(row) => String(row.id)}
                empty={t('noSubjects')}
              />
            </section>
            <SubjectForm departmentCode={office ? null : (user?.departmentCode ?? null)} onDone={done} />
            <RequestForm subjects={subjects} onDone={done} />
            {office ? <TrainingForm onDone={done} /> : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
