/**
 * The action-plan tasks other modules may link to (a recommendation to the task that implements it),
 * declared in the manifest as `linkable.task`: what exists, and each task's accepted progress reports
 * for their timelines. Public only what the task's own public page shows: a public task's accepted
 * reports (the status, the period and the progress, never the narrative).
 */
import { clock } from '../../../kernel/server/city/clock.ts';
import type { LinkableRecords } from '../../../kernel/server/module.ts';
import { staffTaskPath, taskPath } from '../web/paths.ts';
import { listStatuses } from './queries.ts';
import { planDb } from './tables.ts';

const taskId = (id: string) => (/^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2_147_483_647 ? Number(id) : null);

export const linkableTasks: LinkableRecords = {
  async find(db, ids) {
    const numbers = ids.map(taskId).filter((id): id is number => id !== null);
    if (numbers.length === 0) return [];
    const rows = await planDb(db)
      .selectFrom('plan_tasks')
      .select(['id', 'year', 'code', 'title_ko', 'title_en', 'is_public'])
      .where('id', 'in', numbers)
      .execute();
    return rows.map((row) => ({
      id: String(row.id),
      title: { ko: `${row.year} ${row.code} ${row.title_ko}`, en: `${row.year} ${row.code} ${row.title_en}` },
      path: row.is_public ? taskPath(row.id) : staffTaskPath(row.id),
      isPublic: row.is_public,
    }));
  },
  async events(db, id, since) {
    const number = taskId(id);
    if (number === null) return [];
    const plan = planDb(db);
    const task = await plan
      .selectFrom('plan_tasks')
      .select(['code', 'is_public'])
      .where('id', '=', number)
      .executeTakeFirst();
    if (!task) return [];
    const [reports, statuses] = await Promise.all([
      plan
        .selectFrom('plan_reports')
        .select(['period', 'progress', 'status_code', 'reviewed_at'])
        .where('task_id', '=', number)
        .where('state', '=', 'accepted')
        .orderBy('reviewed_at')
        .orderBy('id')
        .execute(),
      listStatuses(plan),
    ]);
    return reports
      .map((report) => {
        const status = statuses.find((entry) => entry.code === report.status_code)?.name ?? {
          ko: report.status_code,
          en: report.status_code,
        };
        return {
          date: clock().dateOf(report.reviewed_at ?? clock().now()),
          kind: 'report',
          label: {
            ko: `${task.code} ${report.period} 이행 보고: ${status.ko} (${report.progress}%)`,
            en: `${task.code} progress report for ${report.period}: ${status.en} (${report.progress}%)`,
          },
          isPublic: task.is_public,
        };
      })
      .filter((event) => since === null || event.date >= since);
  },
};
