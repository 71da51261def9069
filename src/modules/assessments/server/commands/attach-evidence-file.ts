/**
 * Evidence as uploaded files. An assessor (the office, or a peer department, never the subject's
 * own) attaches files to a checklist item during the assessment step; the office or the subject's
 * department attaches them to a recorded revision during revision tracking. The same people remove
 * one at the same step (a wrong file, or one with personal data in it); after that step the files
 * are what the assessment was based on, and stay. Out of step is a 409; the kernel decides the type
 * from the bytes (a wrong one is a 415 and nothing is stored). Only the office and the subject's
 * department download them; nothing of them is ever public.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type CommandContext, runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { deleteStoredFile, readStoredFile, storeFile } from '../../../../kernel/server/files/index.ts';
import type { EvidenceFile, TemplateSection } from '../../contract.ts';
import { requireDownload, requireRate, requireRespond } from '../policy.ts';
import { loadAssessmentCore, presentFile } from '../queries.ts';
import { type AssessmentsDb, assessmentsDb } from '../tables.ts';
import { workSteps } from '../workflow.ts';
import { requireStep } from './work-step.ts';

/** Enough for photos of a site visit; an item or a revision is not a document archive. */
export const maxFilesPerRecord = 20;

interface Upload {
  name: string;
  body: unknown;
}

/**
 * The assessment, locked (so that a count of its files holds against a concurrent upload), for work
 * on an item's evidence: by an assessor, at the assessment step.
 */
async function lockForRating(trx: AssessmentsDb, user: SessionUser, id: number) {
  const core = await loadAssessmentCore(trx, id, { forUpdate: true });
  requireRate(user, core.subject);
  requireStep(core.assessment.step, workSteps.rate);
  return core;
}

/** The revision's assessment, locked, for work on its evidence: at the revision step, by those who answer. */
async function lockForRevision(trx: AssessmentsDb, user: SessionUser, revisionId: number) {
  const revision = await trx
    .selectFrom('assessments_revisions')
    .select('assessment_id')
    .where('id', '=', revisionId)
    .executeTakeFirst();
  if (!revision) throw notFound();
  const { assessment, subject } = await loadAssessmentCore(trx, revision.assessment_id, { forUpdate: true });
  requireRespond(user, subject);
  requireStep(assessment.step, workSteps.revise);
}

/**
 * Stores the upload once there is room for it, links it with `link`, and audits the addition: the
 * same for an item and a revision, which differ only in their rules and their link table.
 */
async function keepEvidence(
  { trx: raw, audit }: CommandContext,
  keys: Keyring,
  user: SessionUser,
  upload: Upload,
  record: {
    count: () => Promise<{ n: string | number }>;
    link: (fileId: string) => Promise<unknown>;
    action: string;
    entityType: string;
    entityId: string;
  },
): Promise<EvidenceFile> {
  if (Number((await record.count()).n) >= maxFilesPerRecord) {
    throw fieldError('file', 'assessments_too_many_files', {
      ko: `증거 파일은 ${maxFilesPerRecord}개까지 올릴 수 있습니다.`,
      en: `At most ${maxFilesPerRecord} evidence files may be attached.`,
    });
  }
  const file = await storeFile(raw, keys, {
    module: 'assessments',
    name: upload.name,
    body: upload.body,
    createdBy: user.id,
  });
  await record.link(file.id);
  const { contentType, sizeBytes, sha256 } = file;
  await audit({
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: null,
    after: { fileId: file.id, contentType, sizeBytes, sha256 },
  });
  return presentFile(file);
}

export async function attachItemFile(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string,
  id: number,
  itemKey: string,
  upload: Upload,
): Promise<EvidenceFile> {
  return runCommand(db, { userId: user.id, ip }, async (context) => {
    const trx = assessmentsDb(context.trx);
    const { template } = await lockForRating(trx, user, id);
    if (!template.sections.some((section) => section.items.some((item) => item.key === itemKey))) {
      throw notFound();
    }
    return keepEvidence(context, keys, user, upload, {
      count: () =>
        trx
          .selectFrom('assessments_rating_files')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('assessment_id', '=', id)
          .where('item_key', '=', itemKey)
          .executeTakeFirstOrThrow(),
      link: (fileId) =>
        trx
          .insertInto('assessments_rating_files')
          .values({ file_id: fileId, assessment_id: id, item_key: itemKey, added_by: user.id })
          .execute(),
      action: 'assessments.attach-item-file',
      entityType: 'assessments_assessments',
      entityId: `${id}/${itemKey}`,
    });
  });
}

export async function attachRevisionFile(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string,
  revisionId: number,
  upload: Upload,
): Promise<EvidenceFile> {
  return runCommand(db, { userId: user.id, ip }, async (context) => {
    const trx = assessmentsDb(context.trx);
    await lockForRevision(trx, user, revisionId);
    return keepEvidence(context, keys, user, upload, {
      count: () =>
        trx
          .selectFrom('assessments_revision_files')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('revision_id', '=', revisionId)
          .executeTakeFirstOrThrow(),
      link: (fileId) =>
        trx
          .insertInto('assessments_revision_files')
          .values({ file_id: fileId, revision_id: revisionId, added_by: user.id })
          .execute(),
      action: 'assessments.attach-revision-file',
      entityType: 'assessments_revisions',
      entityId: String(revisionId),
    });
  });
}

/**
 * Deletes a linked file (`unlink` answers how many links it removed: none when the file is not this
 * record's) and its stored bytes, and audits the removal: the same for an item and a revision.
 */
async function dropEvidence(
  { trx: raw, audit }: CommandContext,
  fileId: string,
  record: {
    unlink: () => Promise<{ numDeletedRows: bigint }>;
    action: string;
    entityType: string;
    entityId: string;
  },
): Promise<void> {
  const unlinked = await record.unlink();
  const file = unlinked.numDeletedRows === 0n ? undefined : await deleteStoredFile(raw, fileId);
  if (!file) throw notFound();
  // As when it was attached, the name stays out of the trail; the hash says which file went.
  const { contentType, sizeBytes, sha256 } = file;
  await audit({
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: { fileId, contentType, sizeBytes, sha256 },
    after: null,
  });
}

/** Removes an item's evidence file at the assessment step, and the rating that rested on it alone. */
export async function removeItemFile(
  db: Db,
  user: SessionUser,
  ip: string,
  id: number,
  itemKey: string,
  fileId: string,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async (context) => {
    const trx = assessmentsDb(context.trx);
    const { template } = await lockForRating(trx, user, id);
    await dropEvidence(context, fileId, {
      unlink: () =>
        trx
          .deleteFrom('assessments_rating_files')
          .where('file_id', '=', fileId)
          .where('assessment_id', '=', id)
          .where('item_key', '=', itemKey)
          .executeTakeFirst(),
      action: 'assessments.remove-item-file',
      entityType: 'assessments_assessments',
      entityId: `${id}/${itemKey}`,
    });
    await withdrawUnfoundedRating(context, template.sections, id, itemKey);
  });
}

/**
 * An item that needs evidence and was rated with no written reference rested on its files: once the
 * last is gone its rating goes too (the item is unrated again and leaves the score), as a rating
 * without evidence would have been refused.
 */
async function withdrawUnfoundedRating(
  context: CommandContext,
  sections: readonly TemplateSection[],
  id: number,
  itemKey: string,
): Promise<void> {
  const trx = assessmentsDb(context.trx);
  const item = sections.flatMap((section) => section.items).find((entry) => entry.key === itemKey);
  const rating = await trx
    .selectFrom('assessments_ratings')
    .select(['rating', 'evidence'])
    .where('assessment_id', '=', id)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
  if (!item?.evidenceRequired || rating?.rating == null || rating.evidence !== '') return;
  const left = await trx
    .selectFrom('assessments_rating_files')
    .select('file_id')
    .where('assessment_id', '=', id)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
  if (left) return;
  await trx
    .updateTable('assessments_ratings')
    .set({ rating: null })
    .where('assessment_id', '=', id)
    .where('item_key', '=', itemKey)
    .execute();
  await context.audit({
    action: 'assessments.withdraw-rating',
    entityType: 'assessments_assessments',
    entityId: `${id}/${itemKey}`,
    before: { rating: rating.rating },
    after: { rating: null },
  });
}

/** Removes a revision's evidence file during revision tracking. */
export async function removeRevisionFile(
  db: Db,
  user: SessionUser,
  ip: string,
  revisionId: number,
  fileId: string,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async (context) => {
    const trx = assessmentsDb(context.trx);
    await lockForRevision(trx, user, revisionId);
    await dropEvidence(context, fileId, {
      unlink: () =>
        trx
          .deleteFrom('assessments_revision_files')
          .where('file_id', '=', fileId)
          .where('revision_id', '=', revisionId)
          .executeTakeFirst(),
      action: 'assessments.remove-revision-file',
      entityType: 'assessments_revisions',
      entityId: String(revisionId),
    });
  });
}

/** The assessment whose item or revision the file is evidence for, if it is one of this module's. */
async function assessmentOfFile(db: AssessmentsDb, fileId: string): Promise<number | undefined> {
  const item = await db
    .selectFrom('assessments_rating_files')
    .select('assessment_id')
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  if (item) return item.assessment_id;
  const revision = await db
    .selectFrom('assessments_revision_files as f')
    .innerJoin('assessments_revisions as r', 'r.id', 'f.revision_id')
    .select('r.assessment_id')
    .where('f.file_id', '=', fileId)
    .executeTakeFirst();
  return revision?.assessment_id;
}

/** An evidence file with its bytes, for the office and the subject's department. */
export async function readEvidenceFile(db: Db, keys: Keyring, user: SessionUser, id: number, fileId: string) {
  const reader = assessmentsDb(db);
  const { subject } = await loadAssessmentCore(reader, id);
  requireDownload(user, subject);
  if ((await assessmentOfFile(reader, fileId)) !== id) throw notFound();
  const stored = await readStoredFile(db, keys, fileId);
  if (!stored) throw notFound();
  return stored;
}
