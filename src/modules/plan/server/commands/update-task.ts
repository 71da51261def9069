/** An officer edits a task; a stale `version` is a 409 `conflict`. */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { UpdateTaskInput } from '../../contract.ts';
import { loadTask } from '../queries.ts';
import { planTrx } from '../tables.ts';
import { checkTasks, taskIssuesError, writeTasks } from './save-tasks.ts';

export async function updateTask(
  db: Db,
  user: SessionUser,
  ip: string,
  id: number,
  input: UpdateTaskInput,
): Promise<void> {
  const { version, ...fields } = input;
  await runCommand(db, { userId: user.id, ip }, async (context) => {
    const task = await loadTask(planTrx(context.trx), id, { forUpdate: true });
    if (task.version !== version) throw conflict();
    const entries = [{ fields, id, isSample: task.is_sample }];
    const issues = await checkTasks(context.trx, task.year, entries);
    if (issues.length > 0) throw taskIssuesError(issues);
    await writeTasks(context, task.year, entries, 'plan.update-task');
  });
  publicDataChanged();
}
