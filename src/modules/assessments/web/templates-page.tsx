/**
 * The office's templates: the newest version of each, and a form to write a new template or edit one.
 * Editing saves a new version (sent with the version read, so a version saved meanwhile is a 409);
 * assessments already opened keep theirs. Field names follow the API's paths
 * (`sections.0.items.1.text.ko`), so each server message lands on its field.
 */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  type Column,
  DataTable,
  ErrorSummary,
  Group,
  LiveRegion,
  Loaded,
  Notice,
  Page,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import { type SubjectKind, subjectKinds, type Template } from '../contract.ts';
import { assessmentsText } from './messages.ts';
import { templateVersionsPath } from './paths.ts';
import './assessments.css';

// Sections and items are only ever appended, but React needs keys that are not positions.
let nextId = 0;
const newId = () => ++nextId;

interface DraftItem {
  id: number;
  key: string;
  ko: string;
  en: string;
  guidanceKo: string;
  guidanceEn: string;
  scale: string;
  evidenceRequired: boolean;
  weight: string;
}
interface DraftSection {
  id: number;
  key: string;
  ko: string;
  en: string;
  items: DraftItem[];
}
interface Draft {
  key: string;
  subjectKind: SubjectKind;
  ko: string;
  en: string;
  sections: DraftSection[];
}

const emptyItem = (): DraftItem => ({
  id: newId(),
  key: '',
  ko: '',
  en: '',
  guidanceKo: '',
  guidanceEn: '',
  scale: '4',
  evidenceRequired: false,
  weight: '1',
});
const emptySection = (): DraftSection => ({ id: newId(), key: '', ko: '', en: '', items: [emptyItem()] });
const emptyDraft = (): Draft => ({
  key: '',
  subjectKind: 'ordinance',
  ko: '',
  en: '',
  sections: [emptySection()],
});

function draftOf(template: Template): Draft {
  return {
    key: template.key,
    subjectKind: template.subjectKind,
    ko: template.title.ko,
    en: template.title.en,
    sections: template.sections.map((section) => ({
      id: newId(),
      key: section.key,
      ko: section.title.ko,
      en: section.title.en,
      items: section.items.map((item) => ({
        id: newId(),
        key: item.key,
        ko: item.text.ko,
        en: item.text.en,
        guidanceKo: item.guidance.ko,
        guidanceEn: item.guidance.en,
        scale: String(item.scale),
        evidenceRequired: item.evidenceRequired,
        weight: String(item.weight),
      })),
    })),
  };
}

/** A number where the text is one; otherwise the text, so that the server names the field. */
const numeric = (text: string) => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text);

function bodyOf(draft: Draft) {
  return {
    subjectKind: draft.subjectKind,
    title: { ko: draft.ko, en: draft.en },
    sections: draft.sections.map((section) => ({
      key: section.key,
      title: { ko: section.ko, en: section.en },
      items: section.items.map((item) => ({
        key: item.key,
        text: { ko: item.ko, en: item.en },
        guidance: { ko: item.guidanceKo, en: item.guidanceEn },
        scale: numeric(item.scale),
        evidenceRequired: item.evidenceRequired,
        weight: numeric(item.weight),
      })),
    })),
  };
}

function fieldNames(draft: Draft): string[] {
  const names = ['key', 'subjectKind', 'title.ko', 'title.en'];
  draft.sections.forEach((section, s) => {
    names.push(`sections.${s}.key`, `sections.${s}.title.ko`, `sections.${s}.title.en`);
    section.items.forEach((_, i) => {
      const at = `sections.${s}.items.${i}`;
      names.push(
        `${at}.key`,
        `${at}.text.ko`,
        `${at}.text.en`,
        `${at}.guidance.ko`,
        `${at}.guidance.en`,
        `${at}.scale`,
        `${at}.weight`,
      );
    });
  });
  return names;
}

function TemplateForm({
  editing,
  onDone,
  onCancel,
}: {
  editing: Template | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : emptyDraft());
  const form = useForm({ fields: fieldNames(draft) });
  const setSection = (s: number, change: Partial<DraftSection>) =>
    setDraft((current) => ({
      ...current,
      sections: current.sections.map((section, index) => (index === s ? { ...section, ...change } : section)),
    }));
  const setItem = (s: number, i: number, change: Partial<DraftItem>) =>
    setDraft((current) => ({
      ...current,
      sections: current.sections.map((section, index) =>
        index === s
          ? { ...section, items: section.items.map((item, at) => (at === i ? { ...item, ...change } : item)) }
          : section,
      ),
    }));
  const text = (
    name: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    multiline = false,
  ) => (
    <TextField
      name={name}
      label={label}
      value={value}
      onChange={onChange}
      error={form.errorFor(name)}
      required
      {...(multiline ? { multiline: true, rows: 2 } : {})}
    />
  );
  const onSubmit = (event: FormEvent) =>
    form.submit(async () => {
      const saved = editing
        ? await api<Template>(`/assessments/templates/${editing.key}`, {
            method: 'PUT',
            body: { ...bodyOf(draft), version: editing.version },
          })
        : await api<Template>('/assessments/templates', {
            method: 'POST',
            body: { key: draft.key, ...bodyOf(draft) },
          });
      onDone(t('templateSaved', { key: saved.key, version: saved.version }));
    })(event);
  return (
    <section className="section" aria-labelledby="template-form">
      <h2 id="template-form">
        {editing ? t('editingTitle', { title: editing.title[language] }) : t('newTemplateTitle')}
      </h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        {editing ? null : text('key', t('templateKey'), draft.key, (key) => setDraft({ ...draft, key }))}
        <SelectField
          name="subjectKind"
          label={t('kind')}
          value={draft.subjectKind}
          onChange={(subjectKind) => setDraft({ ...draft, subjectKind })}
          options={subjectKinds.map((value) => ({ value, label: t(`kind_${value}`) }))}
        />
        {text('title.ko', t('titleKo'), draft.ko, (ko) => setDraft({ ...draft, ko }))}
        {text('title.en', t('titleEn'), draft.en, (en) => setDraft({ ...draft, en }))}
        {draft.sections.map((section, s) => (
          <div key={section.id} className="template-part">
            <Group name={`sections.${s}`} legend={t('sectionLegend', { number: s + 1 })}>
              {text(`sections.${s}.key`, t('sectionKey'), section.key, (key) => setSection(s, { key }))}
              {text(`sections.${s}.title.ko`, t('titleKo'), section.ko, (ko) => setSection(s, { ko }))}
              {text(`sections.${s}.title.en`, t('titleEn'), section.en, (en) => setSection(s, { en }))}
              {section.items.map((item, i) => {
                const at = `sections.${s}.items.${i}`;
                return (
                  <div key={item.id} className="template-part">
                    <Group name={at} legend={t('itemLegend', { section: s + 1, number: i + 1 })}>
                      {text(`${at}.key`, t('itemKey'), item.key, (key) => setItem(s, i, { key }))}
                      {text(`${at}.text.ko`, t('textKo'), item.ko, (ko) => setItem(s, i, { ko }))}
                      {text(`${at}.text.en`, t('textEn'), item.en, (en) => setItem(s, i, { en }))}
                      {text(
                        `${at}.guidance.ko`,
                        t('guidanceKo'),
                        item.guidanceKo,
                        (guidanceKo) => setItem(s, i, { guidanceKo }),
                        true,
                      )}
                      {text(
                        `${at}.guidance.en`,
                        t('guidanceEn'),
                        item.guidanceEn,
                        (guidanceEn) => setItem(s, i, { guidanceEn }),
                        true,
                      )}
                      {text(`${at}.scale`, t('scale'), item.scale, (scale) => setItem(s, i, { scale }))}
                      {text(`${at}.weight`, t('weight'), item.weight, (weight) => setItem(s, i, { weight }))}
                      <CheckboxField
                        name={`${at}.evidenceRequired`}
                        label={t('evidenceRequired')}
                        checked={item.evidenceRequired}
                        onChange={(evidenceRequired) => setItem(s, i, { evidenceRequired })}
                      />
                    </Group>
                  </div>
                );
              })}
              <Button
                variant="secondary"
                onClick={() => setSection(s, { items: [...section.items, emptyItem()] })}
              >
                {t('addItem', { number: s + 1 })}
              </Button>
            </Group>
          </div>
        ))}
        <div className="inline-actions">
          <Button
            variant="secondary"
            onClick={() => setDraft({ ...draft, sections: [...draft.sections, emptySection()] })}
          >
            {t('addSection')}
          </Button>
          <Button type="submit" disabled={form.pending}>
            {t('saveTemplate')}
          </Button>
          {editing ? (
            <Button variant="secondary" onClick={onCancel}>
              {t('cancelEdit')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

export default function TemplatesPage() {
  const t = useText(assessmentsText);
  const language = useLanguage();
  const state = useApiData<{ templates: Template[] }>('/assessments/templates');
  const [editing, setEditing] = useState<Template | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState('');
  const columns: Column<Template>[] = [
    { key: 'title', header: t('template'), rowHeader: true, cell: (row) => row.title[language] },
    { key: 'kind', header: t('kind'), cell: (row) => t(`kind_${row.subjectKind}`) },
    { key: 'version', header: t('version'), numeric: true, cell: (row) => row.version },
    {
      key: 'items',
      header: t('items'),
      numeric: true,
      cell: (row) => row.sections.reduce((count, section) => count + section.items.length, 0),
    },
    {
      key: 'versions',
      header: t('versionsColumn'),
      cell: (row) => (
        <Link to={templateVersionsPath(row.key)}>{t('versionsLink', { title: row.title[language] })}</Link>
      ),
    },
    {
      key: 'edit',
      header: t('editTemplate', { title: '' }).trim(),
      cell: (row) => (
        <Button
          variant="secondary"
          onClick={() => {
            setEditing(row);
            setFormKey((count) => count + 1);
          }}
        >
          {t('editTemplate', { title: row.title[language] })}
        </Button>
      ),
    },
  ];
  return (
    <Page title={t('templatesTitle')} lead={<p>{t('templatesLead')}</p>}>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {({ templates }) => (
          <DataTable
            caption={t('templatesCaption')}
            columns={columns}
            rows={templates}
            rowKey={(row) => row.key}
          />
        )}
      </Loaded>
      <TemplateForm
        key={formKey}
        editing={editing}
        onDone={(text) => {
          setMessage(text);
          setEditing(null);
          setFormKey((count) => count + 1);
          state.reload();
        }}
        onCancel={() => {
          setEditing(null);
          setFormKey((count) => count + 1);
        }}
      />
    </Page>
  );
}
