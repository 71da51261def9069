/**
 * The office imports UN recommendations from the OHCHR Universal Human Rights Index export: the
 * columns read, a file field, and the result (or, for a bad file, every bad row and column in the
 * error summary; nothing is imported then). While the file is read the button is disabled and a
 * status line says so.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  Field,
  LiveRegion,
  Notice,
  Page,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import type { UnImportResult } from '../contract.ts';
import { staffPath, trackerPath } from './paths.ts';
import { unText } from './un-messages.ts';
import './recommendations.css';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function StaffUnImportPage() {
  const t = useText(unText);
  const form = useForm({
    fields: ['file'],
    attach: { invalid_workbook: 'file', payload_too_large: 'file', unsupported_media_type: 'file' },
  });
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = form.submit(async () => {
    setMessage('');
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const type = file.name.toLowerCase().endsWith('.xlsx') ? xlsxType : 'text/csv';
    const result = await api<UnImportResult>('/recommendations/un/import', {
      method: 'POST',
      body: new Blob([file], { type }),
    });
    setMessage(t('imported', { created: result.created, existing: result.existing }));
  });
  return (
    <Page title={t('importTitle')} lead={<p>{t('importLead')}</p>}>
      <p>
        <Link to={staffPath}>{t('staffList')}</Link> ·{' '}
        <Link to={`${trackerPath}?source=un`}>{t('seeImported')}</Link>
      </p>
      <section className="section" aria-labelledby="un-columns">
        <h2 id="un-columns">{t('columnsTitle')}</h2>
        <p className="prose">{t('columnsUhri')}</p>
        <p className="prose">{t('columnsOurs')}</p>
      </section>
      <LiveRegion>
        {message ? <Notice tone="success">{message}</Notice> : null}
        {form.pending ? <p>{t('importing')}</p> : null}
      </LiveRegion>
      <form noValidate onSubmit={onSubmit} className="form" aria-busy={form.pending}>
        <ErrorSummary form={form} />
        <Field
          name="file"
          label={t('file')}
          error={form.errorFor('file') ?? (missing ? t('chooseFile') : undefined)}
          required
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Button type="submit" disabled={form.pending}>
          {t('upload')}
        </Button>
      </form>
    </Page>
  );
}
