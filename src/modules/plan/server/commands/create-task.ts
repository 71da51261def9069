/** An officer adds a policy task to a year's action plan. */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { CreateTaskInput } from '../../contract.ts';
import { checkTasks, taskIssuesError, writeTasks } from './save-tasks.ts';

export async function createTask(
  db: Db,
  user: SessionUser,
  ip: string,
  input: CreateTaskInput,
): Promise<number> {
  const { year, ...fields } = input;
  const id = await runCommand(db, { userId: user.id, ip }, async (context) => {
    const entries = [{ fields, id: null }];
    const issues = await checkTasks(context.trx, year, entries);
    if (issues.length > 0) throw taskIssuesError(issues);
    const [created] = await writeTasks(context, year, entries, 'plan.create-task');
    return created as number;
  });
  publicDataChanged();
  return id;
}
