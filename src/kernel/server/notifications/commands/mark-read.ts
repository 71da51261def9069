/**
 * A user marks their own notification read, or all of them. Not audited: a read mark is the user's
 * own bookkeeping of their inbox and changes nothing of the city's records; the trail would only fill
 * with it. Marking one already read keeps its first read time.
 */
import { sql } from 'kysely';
import type { SessionUser } from '../../access.ts';
import { runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import type { NotificationsTables } from '../notify.ts';
import { ownNotification } from '../policy.ts';

export async function markRead(db: Db, user: Pick<SessionUser, 'id'>, id: string): Promise<void> {
  await runCommand(db, { userId: user.id }, async ({ trx }) => {
    const items = trx.withTables<NotificationsTables>();
    const item = await items
      .selectFrom('notifications_items')
      .select(['id', 'user_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    ownNotification(user, item);
    await items
      .updateTable('notifications_items')
      .set({ read_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
  });
}

/** Marks every unread notification of the user read; returns how many it marked. */
export async function markAllRead(db: Db, user: Pick<SessionUser, 'id'>): Promise<number> {
  return runCommand(db, { userId: user.id }, async ({ trx }) => {
    const result = await trx
      .withTables<NotificationsTables>()
      .updateTable('notifications_items')
      .set({ read_at: sql<Date>`now()` })
      .where('user_id', '=', user.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}
