/** A year's tasks as a file (CSV with a byte-order mark, or .xlsx), in the columns the import reads. */
import type { Db } from '../../../../kernel/server/db.ts';
import { toCsv } from '../../../../kernel/server/open-data/csv.ts';
import { writeWorkbook } from '../../../../kernel/server/spreadsheet.ts';
import { listTags } from '../../../../kernel/server/vocabularies/tags.ts';
import { taskFileColumns, taskTagVocabularies } from '../../contract.ts';
import { summariseYear } from '../queries.ts';
import { planDb } from '../tables.ts';
import { taskRecord } from './save-tasks.ts';
import { type FileKind, taskToRow } from './task-file.ts';

export async function exportTaskRows(db: Db, year: number) {
  const plan = planDb(db);
  const summaries = await summariseYear(plan, year);
  const rows = await plan.selectFrom('plan_tasks').selectAll().where('year', '=', year).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const codeOf = new Map(summaries.map((task) => [task.id, task.code]));
  const result = [];
  for (const summary of summaries) {
    const row = byId.get(summary.id);
    if (!row) continue;
    const tags = (await listTags(db, taskRecord(summary.id))).filter((tag) =>
      (taskTagVocabularies as readonly string[]).includes(tag.vocabulary),
    );
    result.push(
      taskToRow({
        ...summary,
        parentCode: summary.parentId === null ? null : (codeOf.get(summary.parentId) ?? null),
        description:
          row.description_ko && row.description_en
            ? { ko: row.description_ko, en: row.description_en }
            : null,
        target: row.target_ko && row.target_en ? { ko: row.target_ko, en: row.target_en } : null,
        milestones: row.milestones,
        indicatorCodes: row.indicator_codes,
        tags,
      }),
    );
  }
  return result;
}

export async function exportTasks(db: Db, year: number, kind: FileKind): Promise<Buffer> {
  const rows = await exportTaskRows(db, year);
  if (kind === 'xlsx') {
    return writeWorkbook([{ name: `action-plan-${year}`, columns: taskFileColumns, rows }]);
  }
  return Buffer.from(toCsv(taskFileColumns, rows), 'utf8');
}
