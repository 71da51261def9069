/**
 * Files sent with an application (PDF or images, at most 10 MB each, at most 10 per application),
 * while it is a draft. The type is decided by the file's first bytes, never by its name or declared
 * type; the bytes are encrypted in the database (AES-256-GCM) and served only to the applicant and,
 * once submitted, to the office, each read logged as a confidential read.
 */
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { recordConfidentialRead } from '../../../../kernel/server/audit/access-log.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, notFound } from '../../../../kernel/server/errors.ts';
import { sniffContentType } from '../../../../kernel/server/files/sniff.ts';
import { requireApplicant, requireReadable } from '../policy.ts';
import { loadApplicationRow } from '../queries.ts';
import { grantsTrx } from '../tables.ts';
import { requireStep } from '../workflow.ts';

export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachmentsPerApplication = 10;

export async function addAttachment(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  actor: Actor,
  applicationId: string,
  body: unknown,
) {
  return runCommand(db, actor, async ({ trx: plain, audit }) => {
    const trx = grantsTrx(plain);
    // Locked so that two uploads at once cannot both pass the count. Whose application it is comes
    // before what was sent: another's application is "not found" whatever the body.
    const application = await loadApplicationRow(trx, applicationId, { forUpdate: true });
    requireApplicant(user, application);
    requireStep('submit', application.status);
    // A JSON or form body is no file.
    if (!Buffer.isBuffer(body)) throw new AppError('grants_attachment_type', 415);
    const bytes = body;
    if (bytes.length === 0 || bytes.length > maxAttachmentBytes) {
      throw new AppError('grants_attachment_size', 413, {
        params: { megabytes: maxAttachmentBytes / 1024 / 1024 },
      });
    }
    const contentType = sniffContentType(bytes);
    if (!contentType) throw new AppError('grants_attachment_type', 415);
    const { count } = await trx
      .selectFrom('grants_attachments')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('application_id', '=', applicationId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= maxAttachmentsPerApplication) {
      throw new AppError('grants_attachment_count', 409, { params: { max: maxAttachmentsPerApplication } });
    }
    const id = randomUUID();
    await trx
      .insertInto('grants_attachments')
      .values({
        id,
        application_id: applicationId,
        content_type: contentType,
        size_bytes: bytes.length,
        data_enc: keys.encryptField(bytes.toString('base64')),
      })
      .execute();
    await audit({
      action: 'grants.add-attachment',
      entityType: 'grants_attachments',
      entityId: id,
      after: { applicationId, contentType, sizeBytes: bytes.length },
    });
    return { id, contentType, sizeBytes: bytes.length };
  });
}

export async function readAttachment(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string | null,
  applicationId: string,
  attachmentId: string,
) {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain }) => {
    const trx = grantsTrx(plain);
    requireReadable(user, await loadApplicationRow(trx, applicationId));
    const file = await trx
      .selectFrom('grants_attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    if (!file) throw notFound();
    await recordConfidentialRead(plain, {
      actorId: user.id,
      ip,
      entityType: 'grants_attachment',
      entityId: attachmentId,
      reason: 'grant application',
    });
    return { contentType: file.content_type, bytes: Buffer.from(keys.decryptField(file.data_enc), 'base64') };
  });
}
