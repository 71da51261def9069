/**
 * Files sent with a complaint: PDF or images, at most 10 MB each. The browser checks before anything
 * is sent (so that a citizen on a slow phone connection is not told after uploading 30 MB), the
 * server checks again. The files go after the complaint is filed, each on its own, with the receipt.
 */
import { ApiError, apiBase } from '../../../kernel/web/api.ts';
import { currentLanguage, type Translate } from '../../../kernel/web/i18n/index.ts';

export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachments = 10;
export const attachmentTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

type Key = 'attachmentTooLarge' | 'attachmentWrongType' | 'attachmentTooMany';

/** The first rule the chosen files break, as a problem on the `attachments` field; else null. */
export function attachmentRules(files: readonly File[], t: Translate<Key>): ApiError | null {
  const messages: string[] = [];
  if (files.length > maxAttachments) messages.push(t('attachmentTooMany'));
  for (const file of files) {
    if (!(attachmentTypes as readonly string[]).includes(file.type)) {
      messages.push(t('attachmentWrongType', { name: file.name }));
    } else if (file.size > maxAttachmentBytes) {
      messages.push(t('attachmentTooLarge', { name: file.name }));
    }
  }
  if (messages.length === 0) return null;
  return new ApiError(
    400,
    'validation_failed',
    messages[0] ?? '',
    messages.map((message) => ({ field: 'body.attachments', code: 'attachment', message })),
  );
}

/** What the server confirmed it keeps of one file (shown on the receipt, to the filer only). */
export interface SentAttachment {
  name: string;
  sizeBytes: number;
}

/**
 * Sends each file with its name, authorised by the receipt (the tracking code is shown once, and for
 * a short time it also admits files). Resolves to the files the server confirmed and whether every
 * file arrived; the complaint stands either way.
 */
export async function uploadAttachments(
  receipt: { receiptNumber: string; trackingCode: string },
  files: readonly File[],
): Promise<{ allSent: boolean; sent: SentAttachment[] }> {
  let allSent = true;
  const sent: SentAttachment[] = [];
  for (const file of files) {
    try {
      const response = await fetch(
        `${apiBase}/ombudsman/complaints/${encodeURIComponent(receipt.receiptNumber)}/attachments`,
        {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': file.type,
            'accept-language': currentLanguage(),
            'x-tracking-code': receipt.trackingCode,
            // Header values are ASCII: the name travels percent-encoded.
            'x-file-name': encodeURIComponent(file.name),
          },
          body: file,
        },
      );
      if (!response.ok) {
        allSent = false;
        continue;
      }
      const kept = (await response.json()) as { name: string | null; sizeBytes: number };
      sent.push({ name: kept.name ?? file.name, sizeBytes: kept.sizeBytes });
    } catch {
      allSent = false;
    }
  }
  return { allSent, sent };
}
