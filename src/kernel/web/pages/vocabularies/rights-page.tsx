/**
 * Staff (admins and officers) keep the charter's articles: the list, a form that adds or edits one,
 * and deletion, which the server refuses (409) while records are tagged with the article; the
 * refusal is shown as the server words it.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { useLanguage, useText } from '../../i18n/index.ts';
import {
  Button,
  type Column,
  DataTable,
  ErrorSummary,
  LiveRegion,
  Loaded,
  Page,
  TextField,
  useForm,
} from '../../ui/index.ts';
import { useApiData } from '../../use-api.ts';
import { vocabulariesText } from './messages.ts';
import type { Term, TermList } from './types.ts';

const fields = ['code', 'number', 'title.ko', 'title.en', 'text.ko', 'text.en'] as const;
type FieldName = (typeof fields)[number];
type Values = Record<FieldName, string>;

const emptyValues: Values = {
  code: '',
  number: '',
  'title.ko': '',
  'title.en': '',
  'text.ko': '',
  'text.en': '',
};

function valuesOf(term: Term): Values {
  return {
    code: term.code,
    number: term.data.number === undefined || term.data.number === null ? '' : String(term.data.number),
    'title.ko': term.name.ko,
    'title.en': term.name.en,
    'text.ko': term.description?.ko ?? '',
    'text.en': term.description?.en ?? '',
  };
}

/** The request body: empty inputs are left out, so that the server names what is missing. */
function bodyOf(values: Values, editing: Term | null) {
  const hasText = values['text.ko'].trim() !== '' || values['text.en'].trim() !== '';
  const text = hasText ? { ko: values['text.ko'], en: values['text.en'] } : editing ? null : undefined;
  return {
    ...(editing ? { version: editing.version } : { code: values.code }),
    number: values.number.trim() === '' ? undefined : Number(values.number),
    title: { ko: values['title.ko'], en: values['title.en'] },
    text,
  };
}

interface RightFormProps {
  editing: Term | null;
  onSaved: (title: string) => void;
  onCancel: () => void;
}

function RightForm({ editing, onSaved, onCancel }: RightFormProps) {
  const t = useText(vocabulariesText);
  const language = useLanguage();
  const form = useForm({ fields });
  const [values, setValues] = useState<Values>(editing ? valuesOf(editing) : emptyValues);
  const heading = useRef<HTMLHeadingElement>(null);

  // The form is remounted for each article to edit (see its key); take the editor to it.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  const change = (name: FieldName) => (value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  const onSubmit = form.submit(async () => {
    const body = bodyOf(values, editing);
    if (editing) {
      await api(`/vocabularies/rights/${encodeURIComponent(editing.code)}`, { method: 'PATCH', body });
    } else {
      await api('/vocabularies/rights', { method: 'POST', body });
    }
    setValues(emptyValues);
    onSaved(language === 'ko' ? values['title.ko'] : values['title.en']);
  });

  const textField = (name: FieldName, label: string, options: { required?: boolean; hint?: string } = {}) => (
    <TextField
      name={name}
      label={label}
      hint={options.hint}
      multiline={name.startsWith('text.')}
      value={values[name]}
      onChange={change(name)}
      error={form.errorFor(name)}
      required={options.required}
    />
  );

  return (
    <section aria-labelledby="right-form-title" className="section">
      <h2 id="right-form-title" ref={heading} tabIndex={-1}>
        {editing ? t('editTitle', { title: editing.name[language] }) : t('createTitle')}
      </h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        <ErrorSummary form={form} />
        {editing ? null : textField('code', t('code'), { required: true, hint: t('codeHint') })}
        <TextField
          name="number"
          label={t('number')}
          className="input--short"
          inputMode="numeric"
          value={values.number}
          onChange={change('number')}
          error={form.errorFor('number')}
          required
        />
        {textField('title.ko', t('titleKo'), { required: true })}
        {textField('title.en', t('titleEn'), { required: true })}
        <fieldset>
          <legend>{t('textHint')}</legend>
          {textField('text.ko', t('textKo'))}
          {textField('text.en', t('textEn'))}
        </fieldset>
        <Button type="submit" disabled={form.pending}>
          {editing ? t('save') : t('create')}
        </Button>
        {editing ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </form>
    </section>
  );
}

interface DeleteButtonProps {
  term: Term;
  onDeleted: (title: string) => void;
  onRefused: (problem: ApiError) => void;
}

/** Delete asks once more in place; the confirming button takes focus, and Cancel gives it back. */
/**
 * A right's title as the table and its buttons name it. The Universal Declaration's articles stand in
 * until the city enters its charter, and say so: a charter article of the same title is never mistaken
 * for one, by eye or by screen reader.
 */
function useRightLabel(): (term: Term) => string {
  const t = useText(vocabulariesText);
  const language = useLanguage();
  return (term) =>
    term.data.default === 'udhr' ? `${term.name[language]} (${t('rightsDefault')})` : term.name[language];
}

function DeleteButton({ term, onDeleted, onRefused }: DeleteButtonProps) {
  const t = useText(vocabulariesText);
  const language = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const title = term.name[language];
  const labelOf = useRightLabel();

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <Button
        ref={deleteButton}
        variant="danger"
        aria-label={t('deleteLabel', { title: labelOf(term) })}
        onClick={() => setConfirming(true)}
      >
        {t('delete')}
      </Button>
    );
  }

  async function confirmDelete() {
    try {
      await api(`/vocabularies/rights/${encodeURIComponent(term.code)}`, { method: 'DELETE' });
      onDeleted(title);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      asked.current = false;
      setConfirming(false);
      onRefused(error);
    }
  }

  return (
    <span className="inline-actions">
      <span>{t('confirmDelete', { title })}</span>
      <Button ref={confirmButton} variant="danger" onClick={confirmDelete}>
        {t('confirmDeleteYes')}
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </Button>
    </span>
  );
}

export default function RightsPage() {
  const t = useText(vocabulariesText);
  const language = useLanguage();
  const state = useApiData<TermList>('/vocabularies/rights');
  const [editing, setEditing] = useState<Term | null>(null);
  const [message, setMessage] = useState('');
  const deletion = useForm({ fields: [] });

  function changed(text: string) {
    deletion.fail(null);
    setMessage(text);
    setEditing(null);
    state.reload();
  }

  const labelOf = useRightLabel();
  const columns: Column<Term>[] = [
    {
      key: 'number',
      header: t('number'),
      numeric: true,
      sortValue: (term) => Number(term.data.number ?? term.sortOrder),
      cell: (term) => String(term.data.number ?? ''),
    },
    {
      key: 'title',
      header: t('title'),
      rowHeader: true,
      sortValue: (term) => term.name[language],
      cell: labelOf,
    },
    { key: 'code', header: t('code'), cell: (term) => <code>{term.code}</code> },
    {
      key: 'actions',
      header: t('actions'),
      cell: (term) => (
        <span className="inline-actions">
          <Button
            variant="secondary"
            aria-label={t('editLabel', { title: labelOf(term) })}
            onClick={() => {
              setMessage('');
              setEditing(term);
            }}
          >
            {t('edit')}
          </Button>
          <DeleteButton
            term={term}
            onDeleted={(title) => changed(t('deleted', { title }))}
            onRefused={(problem) => {
              setMessage('');
              deletion.fail(problem);
            }}
          />
        </span>
      ),
    },
  ];

  return (
    <Page title={t('rightsTitle')} lead={<p>{t('rightsLead')}</p>}>
      <LiveRegion>{message ? <p className="notice notice--success">{message}</p> : null}</LiveRegion>
      <ErrorSummary form={deletion} />
      <Loaded state={state}>
        {(data) => (
          <DataTable
            caption={t('rightsCaption')}
            columns={columns}
            rows={data.terms}
            rowKey={(term) => term.code}
            empty={t('rightsEmpty')}
          />
        )}
      </Loaded>
      <RightForm
        key={editing?.code ?? 'new'}
        editing={editing}
        onSaved={(title) => changed(t(editing ? 'saved' : 'created', { title }))}
        onCancel={() => setEditing(null)}
      />
    </Page>
  );
}
