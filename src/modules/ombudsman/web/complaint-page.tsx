/**
 * The public complaint form. Anyone may file, with a name or a contact, or anonymously, for
 * themselves or on behalf of the person harmed. Nothing typed is lost on an error: the values stay in
 * the form and every problem the server reports is shown in the summary and on its field, in plain
 * words. Filing moves to the confirmation page with the receipt held in memory (never in the URL).
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { ApiError, api } from '../../../kernel/web/api.ts';
import { useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  CheckboxField,
  ErrorSummary,
  Field,
  Notice,
  Page,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import { useApiData } from '../../../kernel/web/use-api.ts';
import type { complaintReceiptSchema, privacyFactsSchema } from '../contract.ts';
import { attachmentRules, attachmentTypes, uploadAttachments } from './attachments.ts';
import { CaseFields, caseBody, caseFieldNames, useCaseDraft } from './case-fields.tsx';
import { ombudsmanText } from './messages.ts';
import { receivedPath } from './paths.ts';
import { plainProblem } from './plain-errors.ts';
import { keepReceipt } from './receipt-store.ts';
import './ombudsman.css';

const fields = [...caseFieldNames, 'attachments', 'consent'] as const;

export default function ComplaintPage() {
  const t = useText(ombudsmanText);
  const navigate = useNavigate();
  const form = useForm({ fields });
  const privacy = useApiData<z.infer<typeof privacyFactsSchema>>('/ombudsman/privacy');
  const caseDraft = useCaseDraft();
  const [files, setFiles] = useState<readonly File[]>([]);
  const [consent, setConsent] = useState(false);

  const submit = form.submit(async () => {
    const fileProblem = attachmentRules(files, t);
    if (fileProblem) throw fileProblem;
    let receipt: z.infer<typeof complaintReceiptSchema>;
    try {
      receipt = await api('/ombudsman/complaints', {
        method: 'POST',
        body: { ...caseBody(caseDraft.draft), consent },
      });
    } catch (error) {
      throw error instanceof ApiError ? plainProblem(error, t) : error;
    }
    const { allSent, sent } = await uploadAttachments(receipt, files);
    keepReceipt({ ...receipt, attachmentsFailed: !allSent, attachments: sent });
    navigate(receivedPath);
  });

  return (
    <Page title={t('complaintTitle')} lead={<p>{t('complaintLead')}</p>}>
      <Notice>
        <p>{t('complaintHelp')}</p>
      </Notice>
      <form className="form complaint-form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <CaseFields {...caseDraft} form={form} />

        <Field
          name="attachments"
          label={t('attachments')}
          hint={t('attachmentsHint')}
          error={form.errorFor('attachments')}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              multiple
              accept={attachmentTypes.join(',')}
              onChange={(event) => setFiles([...(event.target.files ?? [])])}
            />
          )}
        </Field>

        <section className="privacy-notice" aria-labelledby="privacy-title">
          <h2 id="privacy-title">{t('privacyTitle')}</h2>
          <ul>
            <li>{t('privacyWhat')}</li>
            <li>{t('privacyWhy')}</li>
            <li>{t('privacyWho')}</li>
            <li>{t('privacyKept')}</li>
            {privacy.data ? (
              <li>
                {t('privacyHowLong', {
                  years: privacy.data.retentionYears,
                  minutes: privacy.data.lookupWindowMinutes,
                })}
              </li>
            ) : null}
            <li>{t('privacyAnonymous')}</li>
          </ul>
          <CheckboxField
            name="consent"
            label={t('consent')}
            checked={consent}
            onChange={setConsent}
            error={form.errorFor('consent')}
            required
          />
        </section>

        <Button type="submit" className="button--large" disabled={form.pending}>
          {form.pending ? t('submitting') : t('submit')}
        </Button>
      </form>
    </Page>
  );
}
