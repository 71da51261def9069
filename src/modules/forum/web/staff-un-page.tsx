/**
 * The office links UN documents to the records that answer them: a form to add a link (a module, a
 * record type, a record id or a path on this site, and a title in both languages), and per document
 * its links, each with a button that removes it.
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
import type { UnDocument, UnLink, UnRegister } from '../contract.ts';
import { FormSection } from './form-section.tsx';
import { unImportPath, unPagePath } from './paths.ts';
import { forumStaffText } from './staff-messages.ts';

function AddLink({ documents, onAdded }: { documents: UnDocument[]; onAdded: (message: string) => void }) {
  const t = useText(forumStaffText);
  const language = useLanguage();
  const form = useForm({
    fields: ['document', 'module', 'recordType', 'recordId', 'path', 'title.ko', 'title.en'],
  });
  const [document, setDocument] = useState(documents[0]?.id ?? '');
  const [module, setModule] = useState('');
  const [recordType, setRecordType] = useState('');
  const [recordId, setRecordId] = useState('');
  const [path, setPath] = useState('');
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const onSubmit = form.submit(async () => {
    await api(`/forum/un/documents/${encodeURIComponent(document)}/links`, {
      method: 'POST',
      body: {
        module,
        recordType,
        recordId: recordId.trim() || null,
        path: path.trim() || null,
        title: { ko: titleKo, en: titleEn },
      },
    });
    setRecordId('');
    setPath('');
    setTitleKo('');
    setTitleEn('');
    onAdded(t('linkAdded'));
  });
  return (
    <FormSection
      id="add-link"
      title={t('addLink')}
      form={form}
      onSubmit={onSubmit}
      submitLabel={t('addLink')}
    >
      <SelectField
        name="document"
        label={t('document')}
        value={document}
        onChange={setDocument}
        options={documents.map((entry) => ({
          value: entry.id,
          label: entry.symbol ? `${entry.symbol}: ${entry.title[language]}` : entry.title[language],
        }))}
        required
      />
      <TextField
        name="module"
        label={t('module')}
        hint={t('moduleHint')}
        value={module}
        onChange={setModule}
        error={form.errorFor('module')}
        required
      />
      <TextField
        name="recordType"
        label={t('recordType')}
        hint={t('recordTypeHint')}
        value={recordType}
        onChange={setRecordType}
        error={form.errorFor('recordType')}
        required
      />
      <TextField
        name="recordId"
        label={t('recordId')}
        value={recordId}
        onChange={setRecordId}
        error={form.errorFor('recordId')}
      />
      <TextField
        name="path"
        label={t('path')}
        hint={t('pathHint')}
        value={path}
        onChange={setPath}
        error={form.errorFor('path')}
      />
      <TextField
        name="title.ko"
        label={t('linkTitleKo')}
        value={titleKo}
        onChange={setTitleKo}
        error={form.errorFor('title.ko')}
        required
      />
      <TextField
        name="title.en"
        label={t('linkTitleEn')}
        value={titleEn}
        onChange={setTitleEn}
        error={form.errorFor('title.en')}
        required
      />
    </FormSection>
  );
}

function DocumentLinks({
  document,
  onRemoved,
}: {
  document: UnDocument;
  onRemoved: (message: string) => void;
}) {
  const t = useText(forumStaffText);
  const language = useLanguage();
  const form = useForm<never>({ fields: [] });
  const remove = (link: UnLink) =>
    form.submit(async () => {
      await api(`/forum/un/links/${link.id}`, { method: 'DELETE' });
      onRemoved(t('removed'));
    });
  const columns: Column<UnLink>[] = [
    {
      key: 'title',
      header: t('linkRecord'),
      rowHeader: true,
      cell: (row) => (row.path ? <Link to={row.path}>{row.title[language]}</Link> : row.title[language]),
    },
    {
      key: 'where',
      header: t('linkWhere'),
      cell: (row) => [row.module, row.recordType, row.recordId].filter(Boolean).join(' · '),
    },
    {
      key: 'actions',
      header: t('actions'),
      cell: (row) => (
        <form noValidate onSubmit={remove(row)}>
          <Button type="submit" variant="danger" disabled={form.pending}>
            {t('remove', { title: row.title[language] })}
          </Button>
        </form>
      ),
    },
  ];
  const title = document.symbol
    ? `${document.symbol}: ${document.title[language]}`
    : document.title[language];
  return (
    <>
      <ErrorSummary form={form} />
      <DataTable
        caption={t('linksCaption', { title })}
        columns={columns}
        rows={document.links}
        rowKey={(row) => row.id}
        empty={`${title}: ${t('noLinks')}`}
      />
    </>
  );
}

export default function StaffUnPage() {
  const t = useText(forumStaffText);
  const state = useApiData<UnRegister>('/forum/un');
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage(text);
    state.reload();
  };
  return (
    <Page title={t('unTitle')} lead={<p>{t('unLead')}</p>}>
      <p>
        <Link to={unPagePath}>{t('publicPage')}</Link> · <Link to={unImportPath}>{t('unImport')}</Link>
      </p>
      <LiveRegion>{message ? <Notice tone="success">{message}</Notice> : null}</LiveRegion>
      <Loaded state={state}>
        {(register) => (
          <>
            <AddLink documents={register.documents} onAdded={changed} />
            {register.documents.map((document) => (
              <DocumentLinks key={document.id} document={document} onRemoved={changed} />
            ))}
          </>
        )}
      </Loaded>
    </Page>
  );
}
