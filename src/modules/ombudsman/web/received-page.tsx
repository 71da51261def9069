/**
 * The receipt after filing: the receipt number and the tracking code, large, with what they are for
 * and that the code is never shown again, and a print button (the print stylesheet leaves out the
 * site's frame and the buttons). The receipt comes from memory; a reload or a visit later shows a
 * notice instead, since the code cannot be shown again; so does coming back to the page after leaving it.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useText } from '../../../kernel/web/i18n/index.ts';
import { Button, formatNumber, Notice, Page } from '../../../kernel/web/ui/index.ts';
import { ombudsmanText } from './messages.ts';
import { complaintPath, statusPath } from './paths.ts';
import { forgetReceipt, latestReceipt } from './receipt-store.ts';
import './ombudsman.css';

export default function ReceivedPage() {
  const t = useText(ombudsmanText);
  const [receipt] = useState(latestReceipt);
  // Shown once: the page holds the receipt in its own state and the store forgets it at once, so
  // going back to this page (or anywhere else in the app) later shows the code no more.
  useEffect(() => forgetReceipt(), []);

  if (!receipt) {
    return (
      <Page title={t('receivedTitle')}>
        <Notice>
          <p>{t('receiptGone')}</p>
        </Notice>
        <p>
          <Link to={statusPath}>{t('checkStatusLink')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('receivedTitle')} lead={<p>{t('receivedLead')}</p>}>
      <div className="receipt">
        <dl className="receipt__codes">
          <div>
            <dt>{t('receiptNumber')}</dt>
            <dd className="receipt__code">{receipt.receiptNumber}</dd>
          </div>
          <div>
            <dt>{t('trackingCode')}</dt>
            <dd className="receipt__code breakable">{receipt.trackingCode}</dd>
          </div>
        </dl>
        <Notice tone="warning">
          <p>{t('keepBoth')}</p>
        </Notice>
        {receipt.attachments.length > 0 ? (
          <section aria-labelledby="received-files-title">
            <h2 id="received-files-title">{t('receivedFiles')}</h2>
            <ul>
              {receipt.attachments.map((file, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is the order sent, never reordered; names may repeat.
                <li key={index}>
                  {t('receivedFile', {
                    name: file.name,
                    size: formatNumber(Math.max(1, Math.ceil(file.sizeBytes / 1024))),
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {receipt.attachmentsFailed ? (
          <Notice tone="error">
            <p>{t('attachmentsFailed')}</p>
          </Notice>
        ) : null}
        <p>{t('whatNext')}</p>
      </div>
      <div className="inline-actions no-print">
        <Button onClick={() => window.print()}>{t('print')}</Button>
        <Link to={statusPath}>{t('checkStatusLink')}</Link>
        <Link to={complaintPath}>{t('fileAnother')}</Link>
      </div>
    </Page>
  );
}
