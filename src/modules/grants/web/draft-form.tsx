/**
 * The application form of a draft: saved as often as the organisation likes (each save sends the
 * version read, so a change made meanwhile in another tab comes back as a conflict), then submitted,
 * when the server checks the call's eligibility rules and names every rule broken on its field.
 * Attachments go one file at a time, checked by the server from their bytes.
 */
import { type FormEvent, useState } from 'react';
import { api, apiBase } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  Field,
  formatNumber,
  Group,
  Notice,
  SelectField,
  TextField,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { Application } from '../contract.ts';
import { grantsText } from './messages.ts';
import { amountValue } from './shared.tsx';

type Line = { item: string; amount: string };

export function DraftForm({
  application,
  onChanged,
}: {
  application: Application;
  onChanged: (message: string) => void;
}) {
  const t = useText(grantsText);
  const language = useLanguage();
  const districts = useApiData<{ terms: { code: string; name: { ko: string; en: string } }[] }>(
    '/vocabularies/districts',
  );
  const [title, setTitle] = useState(application.title);
  const [summary, setSummary] = useState(application.summary);
  const [publicTitle, setPublicTitle] = useState(application.publicTitle ?? '');
  const [district, setDistrict] = useState(application.district ?? '');
  const [amount, setAmount] = useState(
    application.amountRequested ? String(application.amountRequested) : '',
  );
  const [lines, setLines] = useState<Line[]>(
    application.budgetLines.length > 0
      ? application.budgetLines.map((line) => ({ item: line.item, amount: String(line.amount) }))
      : [{ item: '', amount: '' }],
  );
  const lineFields = lines.flatMap((_, index) => [
    `budgetLines.${index}.item`,
    `budgetLines.${index}.amount`,
  ]);
  const form = useForm<string>({
    fields: ['title', 'summary', 'publicTitle', 'district', 'amountRequested', 'budgetLines', ...lineFields],
  });
  const neighbourhood = application.call.kind === 'neighbourhood';
  const setLine = (index: number, change: Partial<Line>) =>
    setLines((current) => current.map((line, at) => (at === index ? { ...line, ...change } : line)));

  const send = (event: FormEvent) => {
    const submitting = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    return form.submit(async () => {
      const saved = await api<Application>(`/grants/applications/${application.id}`, {
        method: 'PUT',
        body: {
          title,
          summary,
          publicTitle: publicTitle.trim() === '' ? null : publicTitle,
          district: district === '' ? null : district,
          amountRequested: amountValue(amount),
          budgetLines: lines
            .filter((line) => line.item.trim() !== '' || line.amount.trim() !== '')
            .map((line) => ({ item: line.item, amount: amountValue(line.amount) })),
          version: application.version,
        },
      });
      if (submitting) {
        await api(`/grants/applications/${application.id}/submit`, {
          method: 'POST',
          body: { version: saved.version },
        });
      }
      onChanged(submitting ? t('submitted') : t('draftSaved'));
    })(event);
  };

  return (
    <section className="section" aria-labelledby="grants-draft">
      <h2 id="grants-draft">{t('draftTitle')}</h2>
      <form noValidate onSubmit={send} className="form">
        <ErrorSummary form={form} />
        <TextField
          name="title"
          label={t('fieldTitle')}
          value={title}
          onChange={setTitle}
          error={form.errorFor('title')}
          required
        />
        <TextField
          name="summary"
          label={t('fieldSummary')}
          value={summary}
          onChange={setSummary}
          error={form.errorFor('summary')}
          multiline
          rows={6}
          required
        />
        <TextField
          name="publicTitle"
          label={t('fieldPublicTitle')}
          hint={t('fieldPublicTitleHint')}
          value={publicTitle}
          onChange={setPublicTitle}
          error={form.errorFor('publicTitle')}
        />
        {neighbourhood ? (
          <SelectField
            name="district"
            label={t('fieldDistrict')}
            value={district}
            onChange={setDistrict}
            empty={t('chooseDistrict')}
            options={(districts.data?.terms ?? []).map((term) => ({
              value: term.code,
              label: term.name[language],
            }))}
            error={form.errorFor('district')}
            required
          />
        ) : null}
        <TextField
          name="amountRequested"
          label={t('fieldAmount')}
          hint={t('fieldAmountHint', {
            max: formatNumber(application.call.maxAmount),
            currency: application.call.currency,
          })}
          value={amount}
          onChange={setAmount}
          error={form.errorFor('amountRequested')}
          inputMode="numeric"
          required
        />
        <Group
          name="budgetLines"
          legend={t('budgetLines')}
          hint={t('budgetLinesHint')}
          error={form.errorFor('budgetLines')}
        >
          {lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines have no identity of their own but their position.
            <div key={index} className="form-row grants-row">
              <TextField
                name={`budgetLines.${index}.item`}
                label={t('budgetItem', { n: index + 1 })}
                value={line.item}
                onChange={(item) => setLine(index, { item })}
                error={form.errorFor(`budgetLines.${index}.item`)}
              />
              <TextField
                name={`budgetLines.${index}.amount`}
                label={t('budgetAmount', { n: index + 1 })}
                value={line.amount}
                onChange={(value) => setLine(index, { amount: value })}
                error={form.errorFor(`budgetLines.${index}.amount`)}
                inputMode="numeric"
              />
              {lines.length > 1 ? (
                <Button
                  variant="secondary"
                  onClick={() => setLines((current) => current.filter((_, at) => at !== index))}
                >
                  {t('removeLine', { n: index + 1 })}
                </Button>
              ) : null}
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => setLines((current) => [...current, { item: '', amount: '' }])}
          >
            {t('addLine')}
          </Button>
        </Group>
        <div className="inline-actions">
          <Button type="submit" value="save" variant="secondary" disabled={form.pending}>
            {t('saveDraft')}
          </Button>
          <Button type="submit" value="submit" disabled={form.pending}>
            {t('submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function AttachmentsForm({
  application,
  onChanged,
}: {
  application: Application;
  onChanged: (message: string) => void;
}) {
  const t = useText(grantsText);
  const form = useForm({
    fields: ['attachment'],
    attach: {
      grants_attachment_type: 'attachment',
      grants_attachment_size: 'attachment',
      grants_attachment_count: 'attachment',
      payload_too_large: 'attachment',
      unsupported_media_type: 'attachment',
    },
  });
  const [file, setFile] = useState<File | null>(null);
  const onSubmit = form.submit(async () => {
    if (!file) return;
    await api(`/grants/applications/${application.id}/attachments`, {
      method: 'POST',
      body: file.type ? file : new Blob([file], { type: 'application/octet-stream' }),
    });
    onChanged(t('uploaded'));
  });
  return (
    <section className="section" aria-labelledby="grants-attachments">
      <h2 id="grants-attachments">{t('attachmentsTitle')}</h2>
      <AttachmentList application={application} />
      <form noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary form={form} />
        <Field
          name="attachment"
          label={t('attachmentFile')}
          hint={t('attachmentHint')}
          error={form.errorFor('attachment')}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              accept="application/pdf,image/png,image/jpeg,image/webp"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={form.pending || !file}>
          {t('upload')}
        </Button>
      </form>
    </section>
  );
}

export function AttachmentList({ application }: { application: Application }) {
  const t = useText(grantsText);
  if (application.attachments.length === 0) return <Notice>{t('noAttachments')}</Notice>;
  return (
    <ul>
      {application.attachments.map((file, index) => (
        <li key={file.id}>
          <a href={`${apiBase}/grants/applications/${application.id}/attachments/${file.id}`}>
            {t('attachmentName', {
              n: index + 1,
              type: file.contentType,
              size: formatNumber(Math.ceil(file.sizeBytes / 1024)),
            })}
          </a>
        </li>
      ))}
    </ul>
  );
}
