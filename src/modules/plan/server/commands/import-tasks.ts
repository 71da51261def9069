/**
 * Importing a year's tasks from a CSV or .xlsx file: a row whose code the year already has updates
 * that task, any other row adds one. All or nothing: any problem (a cell, a department or area that
 * does not exist, a parent that is not there, a repeated code) imports nothing, and the answer names
 * the line and column of each.
 */
import type { Actor, CommandContext } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { type FileIssue, fileRejected } from '../../../../kernel/server/spreadsheet.ts';
import type { ImportResult } from '../../contract.ts';
import { planTrx } from '../tables.ts';
import { checkTasks, type TaskEntry, writeTasks } from './save-tasks.ts';
import { columnOf, type FileKind, headerIssues, readTaskFile, rowToTask } from './task-file.ts';

export interface ImportOptions {
  /** Told after each task is written, with the count so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Marks the tasks as samples (`seed --demo`). */
  isSample?: boolean;
}

export async function importTasks(
  db: Db,
  actor: Actor,
  year: number,
  data: Buffer,
  kind: FileKind,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const result = await runCommand(db, actor, (context) => importTasksIn(context, year, data, kind, options));
  publicDataChanged();
  return result;
}

/** The import inside a transaction the caller holds (the seed's, or `importTasks`'s own). */
export async function importTasksIn(
  context: CommandContext,
  year: number,
  data: Buffer,
  kind: FileKind,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { header, rows } = readTaskFile(data, kind);
  const issues: FileIssue[] = headerIssues(header);
  if (issues.length > 0) throw fileRejected(issues);
  const parsed = rows.map((row) => ({ row, result: rowToTask(row) }));
  for (const { result } of parsed) if ('issues' in result) issues.push(...result.issues);
  if (issues.length > 0) throw fileRejected(issues);
  const existing = await planTrx(context.trx)
    .selectFrom('plan_tasks')
    .select(['id', 'code'])
    .where('year', '=', year)
    .execute();
  const idOfCode = new Map(existing.map((task) => [task.code, task.id]));
  const entries: TaskEntry[] = parsed.map(({ result }) => {
    const { fields } = result as Extract<typeof result, { fields: unknown }>;
    return { fields, id: idOfCode.get(fields.code) ?? null, isSample: options.isSample ?? false };
  });
  const problems = await checkTasks(context.trx, year, entries);
  if (problems.length > 0) {
    throw fileRejected(
      problems.map((problem) => ({
        line: parsed[problem.entry]?.row.line ?? 0,
        column: columnOf(problem.field, problem.vocabulary),
        code: problem.code,
        message: problem.message,
      })),
    );
  }
  await writeTasks(context, year, entries, 'plan.import-tasks', (done) =>
    options.onProgress?.(done, entries.length),
  );
  const created = entries.filter((entry) => entry.id === null).length;
  return { created, updated: entries.length - created };
}
