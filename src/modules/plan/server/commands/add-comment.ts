/**
 * The committee comments on a task or on a year's review, and the office answers; comments are part
 * of the record, so they are never edited or deleted.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, forbidden } from '../../../../kernel/server/errors.ts';
import type { Comment, CommentInput } from '../../contract.ts';
import { isOffice, mayComment, requireRead } from '../policy.ts';
import { loadTask } from '../queries.ts';
import { planTrx } from '../tables.ts';

/** A task, or a year's review. */
export type CommentTarget = { taskId: number } | { year: number };

export async function addComment(
  db: Db,
  user: SessionUser,
  ip: string,
  target: CommentTarget,
  input: CommentInput,
): Promise<Comment> {
  if (!mayComment(user)) throw forbidden();
  // Answers are the office's; the committee's own remarks start a thread.
  if (input.answerTo !== null && !isOffice(user)) throw forbidden();
  return runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = planTrx(raw);
    if ('taskId' in target) requireRead(user, await loadTask(trx, target.taskId));
    if (input.answerTo !== null) {
      let query = trx.selectFrom('plan_comments').select('id').where('id', '=', input.answerTo);
      query =
        'taskId' in target
          ? query.where('task_id', '=', target.taskId)
          : query.where('year', '=', target.year);
      if (!(await query.executeTakeFirst())) throw new AppError('plan_comment_not_found', 400);
    }
    const row = await trx
      .insertInto('plan_comments')
      .values({
        task_id: 'taskId' in target ? target.taskId : null,
        year: 'year' in target ? target.year : null,
        answer_to: input.answerTo,
        author_id: user.id,
        author_role: user.role,
        body: input.body,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: input.answerTo === null ? 'plan.add-comment' : 'plan.answer-comment',
      entityType: 'plan_comments',
      entityId: String(row.id),
      after: { ...target, answerTo: row.answer_to },
    });
    return {
      id: row.id,
      answerTo: row.answer_to,
      authorRole: row.author_role,
      body: row.body,
      createdAt: new Date(row.created_at).toISOString(),
    };
  });
}
