/**
 * The public status check: receipt number and tracking code in, the case's stage (in words), its
 * dates in the city's time, and once decided the outcome in plain words (`status-outcome.tsx`). A wrong pair is one neutral message, whichever half was wrong (the server
 * says no more either); too many failures from one address are paused, and the page says so.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ApiError, api, query } from '../../../kernel/web/api.ts';
import { useLanguage, useText } from '../../../kernel/web/i18n/index.ts';
import {
  Button,
  ErrorSummary,
  formatDateTime,
  LiveRegion,
  Page,
  useForm,
} from '../../../kernel/web/ui/index.ts';
import type { complaintStatusSchema } from '../contract.ts';
import { ombudsmanText } from './messages.ts';
import { statisticsPath } from './paths.ts';
import { plainProblem } from './plain-errors.ts';
import { StatusOutcome } from './status-outcome.tsx';
import { TextField } from './text-field.tsx';
import './ombudsman.css';

type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

export default function StatusPage() {
  const t = useText(ombudsmanText);
  const language = useLanguage();
  const form = useForm({ fields: ['receiptNumber', 'trackingCode'] });
  const [receiptNumber, setReceiptNumber] = useState('');
  const [trackingCode, setTrackingCode] = useState('');
  const [result, setResult] = useState<ComplaintStatus | null>(null);

  const submit = form.submit(async () => {
    setResult(null);
    try {
      setResult(
        await api<ComplaintStatus>(`/ombudsman/complaints/status${query({ receiptNumber, trackingCode })}`, {
          fresh: true,
        }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 404) throw new ApiError(404, error.code, t('statusNotFound'));
      if (error.status === 429) {
        throw new ApiError(429, error.code, `${t('statusRateLimited')} ${error.title}`);
      }
      throw plainProblem(error, t);
    }
  });

  return (
    <Page title={t('statusTitle')} lead={<p>{t('statusLead')}</p>}>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary form={form} />
        <TextField
          name="receiptNumber"
          label={t('receiptNumber')}
          hint={t('receiptNumberHint')}
          className="input--code"
          value={receiptNumber}
          onChange={setReceiptNumber}
          error={form.errorFor('receiptNumber')}
          required
        />
        <TextField
          name="trackingCode"
          label={t('trackingCode')}
          hint={t('trackingCodeHint')}
          className="input--code"
          value={trackingCode}
          onChange={setTrackingCode}
          error={form.errorFor('trackingCode')}
          required
        />
        <Button type="submit" className="button--large" disabled={form.pending}>
          {t('checkStatus')}
        </Button>
      </form>
      <LiveRegion>
        {result ? (
          <section className="section status-result" aria-labelledby="status-result-title">
            <h2 id="status-result-title">{t('statusResultTitle')}</h2>
            <dl className="definition-list">
              <dt>{t('currentStatus')}</dt>
              <dd className="status-result__stage">{t(`status_${result.status}`)}</dd>
              <dt>{t('receivedAt')}</dt>
              <dd>{formatDateTime(result.receivedAt, language)}</dd>
              <dt>{t('updatedAt')}</dt>
              <dd>{formatDateTime(result.updatedAt, language)}</dd>
            </dl>
            {result.outcome ? <StatusOutcome outcome={result.outcome} /> : null}
          </section>
        ) : null}
      </LiveRegion>
      <p className="section">
        <Link to={statisticsPath}>{t('statisticsLink')}</Link>
      </p>
    </Page>
  );
}
