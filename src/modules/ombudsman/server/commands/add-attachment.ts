/**
 * Attachments to a complaint (PDF or images, at most 10 MB each), sent after filing by whoever holds
 * the receipt number and tracking code, within a day of filing: the form files the complaint as JSON
 * (nothing stored without consent), then sends each file as the request body. The type is decided by
 * the file's first bytes, never by its name or the declared content type. Files are encrypted in the
 * database (see the migration), with the name the complainant gave them (encrypted too: names name
 * people), and served only to staff who may see identity (need to know), each download access-logged.
 */
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { recordConfidentialRead } from '../../../../kernel/server/audit/access-log.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import { sniffContentType } from '../../../../kernel/server/files/sniff.ts';
import { seesIdentity } from '../policy.ts';
import { loadCase } from '../queries.ts';
import { ombudsmanTrx } from '../tables.ts';
import { attachmentEntityType } from './case-access-log.ts';
import { verifyTracking } from './check-status.ts';

export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsPerCase = 10;
/** All of a complaint's files together: ten files of 10 MB each would otherwise be 100 MB per complaint. */
export const maxAttachmentTotalBytes = 25 * 1024 * 1024;
export const attachmentWindowHours = 24;

export async function addAttachment(
  db: Db,
  keys: Keyring,
  ip: string,
  pair: { receiptNumber: string; trackingCode: string },
  bytes: Buffer,
  fileName: string | null = null,
) {
  const found = await verifyTracking(db, keys, ip, pair.receiptNumber, pair.trackingCode);
  if (Date.now() - found.received_at.getTime() > attachmentWindowHours * 60 * 60 * 1000) {
    throw new AppError('ombudsman_attachment_window_closed', 409, {
      params: { hours: attachmentWindowHours },
    });
  }
  if (bytes.length === 0 || bytes.length > maxAttachmentBytes) {
    throw new AppError('ombudsman_attachment_size', 413, {
      params: { megabytes: maxAttachmentBytes / 1024 / 1024 },
    });
  }
  const contentType = sniffContentType(bytes);
  if (!contentType) throw new AppError('ombudsman_attachment_type', 415);
  return runCommand(db, { userId: null, ip }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    // Lock the case so that two uploads at once cannot both pass the count.
    await trx
      .selectFrom('ombudsman_cases')
      .select('id')
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const { count, total } = await trx
      .selectFrom('ombudsman_attachments')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('total'),
      ])
      .where('case_id', '=', found.id)
      .executeTakeFirstOrThrow();
    if (Number(count) >= maxAttachmentsPerCase) {
      throw new AppError('ombudsman_attachment_count', 409, { params: { max: maxAttachmentsPerCase } });
    }
    if (Number(total) + bytes.length > maxAttachmentTotalBytes) {
      throw new AppError('ombudsman_attachment_total', 413, {
        params: { megabytes: maxAttachmentTotalBytes / 1024 / 1024 },
      });
    }
    const id = randomUUID();
    await trx
      .insertInto('ombudsman_attachments')
      .values({
        id,
        case_id: found.id,
        content_type: contentType,
        size_bytes: bytes.length,
        data_enc: keys.encryptField(bytes.toString('base64')),
        name_enc: fileName === null ? null : keys.encryptField(fileName),
      })
      .execute();
    await audit({
      action: 'ombudsman.add-attachment',
      entityType: 'ombudsman_attachments',
      entityId: id,
      after: { caseId: found.id, contentType, sizeBytes: bytes.length },
    });
    return { id, name: fileName, contentType, sizeBytes: bytes.length };
  });
}

/**
 * A file name as sent (percent-encoded UTF-8 in a header): control characters and path separators
 * leave it, as in the kernel's store; blank or undecodable means no name.
 */
export function cleanFileName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? null : cleaned;
}

/**
 * An attachment's bytes and name for staff who may see identity (a complainant's files show and name
 * people); the read is logged with its purpose.
 */
export async function readAttachment(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string | null,
  caseId: string,
  attachmentId: string,
  purpose: string,
) {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain }) => {
    const trx = ombudsmanTrx(plain);
    const { capacities } = await loadCase(trx, user, caseId);
    if (!seesIdentity(capacities)) throw forbidden();
    const file = await trx
      .selectFrom('ombudsman_attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!file) throw notFound();
    await recordConfidentialRead(plain, {
      actorId: user.id,
      ip,
      entityType: attachmentEntityType,
      entityId: attachmentId,
      reason: purpose,
    });
    return {
      contentType: file.content_type,
      name: file.name_enc === null ? null : keys.decryptField(file.name_enc),
      bytes: Buffer.from(keys.decryptField(file.data_enc), 'base64'),
    };
  });
}
