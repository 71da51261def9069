/**
 * Follow-up that lasts: after its first answer (accept, partly, reject), the department a
 * recommendation is addressed to reports implementation as often as it has something to report, each
 * report with text and evidence files (the kernel's stored files), until the standing or an assigned
 * ombudsman closes the recommendation as implemented or not. Every step is audited (without the text
 * or file names, which may name people); the reports show on the case file and in the department's inbox.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, fieldError, forbidden, notFound } from '../../../../kernel/server/errors.ts';
import {
  deleteStoredFile,
  describeFiles,
  readStoredFile,
  type StoredFile,
  storeFile,
} from '../../../../kernel/server/files/index.ts';
import type { CaseView } from '../../contract.ts';
import { loadCase } from '../queries.ts';
import type { OmbudsmanDb, OmbudsmanTrx } from '../tables.ts';
import { ombudsmanTrx } from '../tables.ts';

export const maxFilesPerReport = 10;

type Report = CaseView['recommendations'][number]['reports'][number];

/** The reports of the given recommendations with their authors' names and files, oldest first. */
export async function loadReports(
  reader: OmbudsmanDb | OmbudsmanTrx,
  recommendationIds: readonly string[],
): Promise<Map<string, Report[]>> {
  const byRecommendation = new Map<string, Report[]>();
  if (recommendationIds.length === 0) return byRecommendation;
  const rows = await reader
    .selectFrom('ombudsman_implementation_reports as r')
    .leftJoin('accounts_users as u', 'u.id', 'r.author_id')
    .select(['r.id', 'r.recommendation_id', 'r.author_id', 'r.body', 'r.created_at', 'u.display_name'])
    .where('r.recommendation_id', 'in', [...recommendationIds])
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  const links =
    rows.length === 0
      ? []
      : await reader
          .selectFrom('ombudsman_implementation_files')
          .select(['report_id', 'file_id'])
          .where(
            'report_id',
            'in',
            rows.map((row) => row.id),
          )
          .execute();
  const files = new Map(
    (
      await describeFiles(
        reader as unknown as Kysely<object>,
        links.map((link) => link.file_id),
      )
    ).map((file) => [file.id, file]),
  );
  for (const row of rows) {
    const list = byRecommendation.get(row.recommendation_id) ?? [];
    list.push({
      id: row.id,
      authorId: row.author_id,
      authorName: row.display_name ?? row.author_id,
      body: row.body,
      createdAt: row.created_at.toISOString(),
      files: links
        .filter((link) => link.report_id === row.id)
        .flatMap((link) => files.get(link.file_id) ?? [])
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    });
    byRecommendation.set(row.recommendation_id, list);
  }
  return byRecommendation;
}

/** The recommendation (locked) and the caller's capacities on its case; 404 when it is not theirs to see. */
async function recommendationFor(trx: OmbudsmanTrx, user: SessionUser, recommendationId: string) {
  const recommendation = await trx
    .selectFrom('ombudsman_recommendations')
    .selectAll()
    .where('id', '=', recommendationId)
    .forUpdate()
    .executeTakeFirst();
  if (!recommendation || recommendation.issued_at === null) throw notFound();
  const { capacities } = await loadCase(trx, user, recommendation.case_id);
  const addressee =
    capacities.has('department') &&
    user.departmentCode !== null &&
    recommendation.department_code === user.departmentCode;
  return { recommendation, capacities, addressee };
}

/** The addressed department, on an open recommendation it has answered. */
async function reportableRecommendation(trx: OmbudsmanTrx, user: SessionUser, recommendationId: string) {
  const found = await recommendationFor(trx, user, recommendationId);
  if (!found.addressee) throw notFound();
  if (found.recommendation.closed_at !== null) throw new AppError('ombudsman_recommendation_closed', 409);
  if (found.recommendation.responded_at === null) {
    throw new AppError('ombudsman_recommendation_not_answered', 409);
  }
  return found;
}

export async function reportImplementation(
  db: Db,
  user: SessionUser,
  ip: string,
  recommendationId: string,
  input: { body: string },
): Promise<Report> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const { recommendation } = await reportableRecommendation(trx, user, recommendationId);
    const row = await trx
      .insertInto('ombudsman_implementation_reports')
      .values({
        id: randomUUID(),
        recommendation_id: recommendationId,
        case_id: recommendation.case_id,
        author_id: user.id,
        body: input.body,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'ombudsman.report-implementation',
      entityType: 'ombudsman_recommendations',
      entityId: recommendationId,
      after: { reportId: row.id, caseId: recommendation.case_id },
    });
    return {
      id: row.id,
      authorId: user.id,
      authorName: user.displayName,
      body: row.body,
      createdAt: row.created_at.toISOString(),
      files: [],
    };
  });
}

async function reportOf(trx: OmbudsmanTrx, recommendationId: string, reportId: string) {
  const report = await trx
    .selectFrom('ombudsman_implementation_reports')
    .select(['id', 'case_id'])
    .where('id', '=', reportId)
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
  if (!report) throw notFound();
  return report;
}

export async function attachReportFile(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string,
  params: { id: string; reportId: string },
  upload: { name: string; body: unknown },
): Promise<StoredFile> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    await reportableRecommendation(trx, user, params.id);
    await reportOf(trx, params.id, params.reportId);
    const { count } = await trx
      .selectFrom('ombudsman_implementation_files')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('report_id', '=', params.reportId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= maxFilesPerReport) {
      throw fieldError('file', 'ombudsman_too_many_report_files', {
        ko: `이행 보고 하나에 파일은 ${maxFilesPerReport}개까지 붙일 수 있습니다.`,
        en: `An implementation report takes at most ${maxFilesPerReport} files.`,
      });
    }
    const file = await storeFile(plain, keys, {
      module: 'ombudsman',
      name: upload.name,
      body: upload.body,
      createdBy: user.id,
    });
    await trx
      .insertInto('ombudsman_implementation_files')
      .values({ report_id: params.reportId, file_id: file.id })
      .execute();
    const { id: fileId, contentType, sizeBytes, sha256 } = file;
    await audit({
      action: 'ombudsman.attach-report-file',
      entityType: 'ombudsman_implementation_reports',
      entityId: params.reportId,
      after: { fileId, contentType, sizeBytes, sha256 },
    });
    return file;
  });
}

export async function removeReportFile(
  db: Db,
  user: SessionUser,
  ip: string,
  params: { id: string; reportId: string; fileId: string },
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    await reportableRecommendation(trx, user, params.id);
    await reportOf(trx, params.id, params.reportId);
    const link = await trx
      .deleteFrom('ombudsman_implementation_files')
      .where('report_id', '=', params.reportId)
      .where('file_id', '=', params.fileId)
      .returning('file_id')
      .executeTakeFirst();
    if (!link) throw notFound();
    const removed = await deleteStoredFile(plain, params.fileId);
    await audit({
      action: 'ombudsman.remove-report-file',
      entityType: 'ombudsman_implementation_reports',
      entityId: params.reportId,
      before: removed
        ? { fileId: removed.id, contentType: removed.contentType, sizeBytes: removed.sizeBytes }
        : { fileId: params.fileId },
    });
  });
}

/** A report's file, for the addressed department and whoever reads the case file. */
export async function readReportFile(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string,
  params: { id: string; reportId: string; fileId: string },
) {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain }) => {
    const trx = ombudsmanTrx(plain);
    const recommendation = await trx
      .selectFrom('ombudsman_recommendations')
      .select(['case_id', 'department_code', 'issued_at'])
      .where('id', '=', params.id)
      .executeTakeFirst();
    if (!recommendation || recommendation.issued_at === null) throw notFound();
    const { capacities } = await loadCase(trx, user, recommendation.case_id);
    const addressee = capacities.has('department') && recommendation.department_code === user.departmentCode;
    const caseReader = capacities.has('standing') || capacities.has('assigned') || capacities.has('officer');
    if (!addressee && !caseReader) throw notFound();
    await reportOf(trx, params.id, params.reportId);
    const link = await trx
      .selectFrom('ombudsman_implementation_files')
      .select('file_id')
      .where('report_id', '=', params.reportId)
      .where('file_id', '=', params.fileId)
      .executeTakeFirst();
    if (!link) throw notFound();
    const stored = await readStoredFile(plain, keys, params.fileId);
    if (!stored) throw notFound();
    return stored;
  });
}

/** Ends the follow-up: the standing or an assigned ombudsman, once. */
export async function closeRecommendation(
  db: Db,
  user: SessionUser,
  ip: string,
  recommendationId: string,
  input: { outcome: 'implemented' | 'not_implemented' },
) {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: plain, audit }) => {
    const trx = ombudsmanTrx(plain);
    const { recommendation, capacities } = await recommendationFor(trx, user, recommendationId);
    if (!capacities.has('standing') && !capacities.has('assigned')) throw forbidden();
    if (recommendation.closed_at !== null) throw new AppError('ombudsman_recommendation_closed', 409);
    const closedAt = new Date();
    await trx
      .updateTable('ombudsman_recommendations')
      .set({
        closed_at: closedAt,
        closed_by: user.id,
        closed_outcome: input.outcome,
        implemented: input.outcome === 'implemented',
      })
      .where('id', '=', recommendationId)
      .execute();
    await audit({
      action: 'ombudsman.close-recommendation',
      entityType: 'ombudsman_recommendations',
      entityId: recommendationId,
      before: { implemented: recommendation.implemented },
      after: { outcome: input.outcome, caseId: recommendation.case_id },
    });
    return { closedAt: closedAt.toISOString(), closedOutcome: input.outcome };
  });
}
