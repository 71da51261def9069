/**
 * Evidence files on progress reports. The lead department attaches them to its report while the office
 * has not decided on it (a report waiting for review), and may remove one it attached by mistake until
 * then; once accepted or returned, a revision's files are history, and a returned report takes new
 * ones on its resubmission (the files it carries over stay the earlier revision's record). Whoever may
 * read the task (the office, the committee, its lead and cooperating departments) downloads them;
 * anyone else is told there is no such file, as a department that may not see a task learns nothing
 * of its reports.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Keyring } from '../../../../kernel/server/crypto.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { deleteStoredFile, readStoredFile, storeFile } from '../../../../kernel/server/files/index.ts';
import { maxReportFiles, type ReportFile } from '../../contract.ts';
import { mayRead, mayReport } from '../policy.ts';
import { presentFile } from '../queries.ts';
import { type PlanDb, planDb, planTrx } from '../tables.ts';

/** The report with its task's departments, locked for a change when `lock` says so. */
async function reportWithTask(db: PlanDb, reportId: number, lock = false) {
  let query = db
    .selectFrom('plan_reports as r')
    .innerJoin('plan_tasks as t', 't.id', 'r.task_id')
    .select(['r.id', 'r.state', 'r.task_id', 't.lead_department', 't.cooperating_departments'])
    .where('r.id', '=', reportId);
  if (lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

export async function attachReportFile(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  ip: string,
  reportId: number,
  upload: { name: string; body: unknown },
): Promise<ReportFile> {
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = planTrx(raw);
    // The report's row lock orders this upload with a concurrent review and with other uploads.
    const report = await reportWithTask(trx, reportId, true);
    if (!report || !mayReport(user, report)) throw notFound();
    if (report.state !== 'submitted') {
      throw new AppError('plan_report_closed', 409, { params: { state: report.state } });
    }
    // After a removal the positions have a gap: the next one follows the last, not the count.
    const { count, last } = await trx
      .selectFrom('plan_report_files')
      .select((eb) => [
        eb.fn.countAll<string>().as('count'),
        eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'),
      ])
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= maxReportFiles) {
      throw fieldError('file', 'plan_too_many_files', {
        ko: `보고 하나에 증빙 파일은 ${maxReportFiles}개까지 붙일 수 있습니다.`,
        en: `A report takes at most ${maxReportFiles} evidence files.`,
      });
    }
    const file = await storeFile(raw, keys, {
      module: 'plan',
      name: upload.name,
      body: upload.body,
      createdBy: user.id,
    });
    await trx
      .insertInto('plan_report_files')
      .values({ report_id: reportId, file_id: file.id, position: Number(last) + 1, added_by: user.id })
      .execute();
    // The name stays out of the trail: people name files after the people in them.
    const { id: fileId, contentType, sizeBytes, sha256 } = file;
    await audit({
      action: 'plan.attach-report-file',
      entityType: 'plan_reports',
      entityId: String(reportId),
      after: { fileId, contentType, sizeBytes, sha256 },
    });
    return presentFile(file);
  });
}

/**
 * Removes a file the lead department attached to its report awaiting review, with its stored bytes.
 * A reviewed revision's files, and those a resubmission carried over from the revision the office
 * returned, are the record of what the office decided on: they stay (409).
 */
export async function removeReportFile(
  db: Db,
  user: SessionUser,
  ip: string,
  reportId: number,
  fileId: string,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = planTrx(raw);
    const report = await reportWithTask(trx, reportId, true);
    if (!report || !mayReport(user, report)) throw notFound();
    const links = await trx
      .selectFrom('plan_report_files')
      .select('report_id')
      .where('file_id', '=', fileId)
      .execute();
    if (!links.some((link) => link.report_id === reportId)) throw notFound();
    if (report.state !== 'submitted') throw new AppError('plan_report_file_reviewed', 409);
    if (links.length > 1) throw new AppError('plan_report_file_earlier', 409);
    await trx.deleteFrom('plan_report_files').where('file_id', '=', fileId).execute();
    const file = await deleteStoredFile(raw, fileId);
    if (!file) throw notFound();
    // As when it was attached, the name stays out of the trail; the hash says which file went.
    const { contentType, sizeBytes, sha256 } = file;
    await audit({
      action: 'plan.remove-report-file',
      entityType: 'plan_reports',
      entityId: String(reportId),
      before: { fileId, contentType, sizeBytes, sha256 },
      after: null,
    });
  });
}

export async function readReportFile(
  db: Db,
  keys: Keyring,
  user: SessionUser,
  reportId: number,
  fileId: string,
) {
  const plan = planDb(db);
  const report = await reportWithTask(plan, reportId);
  if (!report || !mayRead(user, report)) throw notFound();
  const link = await plan
    .selectFrom('plan_report_files')
    .select('file_id')
    .where('report_id', '=', reportId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  const stored = link && (await readStoredFile(db, keys, link.file_id));
  if (!stored) throw notFound();
  return stored;
}
