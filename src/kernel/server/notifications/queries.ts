/** A user's own notifications and preferences, as the API presents them. */
import type { Language } from '../../shared/language.ts';
import type { Notification, NotificationList, NotificationPreferences } from '../../shared/work.ts';
import { accountsDb } from '../accounts/tables.ts';
import type { Db } from '../db.ts';
import type { NotificationKind } from '../module.ts';
import { defaultDelivery, type NotificationsTables } from './notify.ts';

export function notificationsDb(db: Db) {
  return db.withTables<NotificationsTables>();
}

type ItemRow = NotificationsTables['notifications_items'] & { created_at: Date };

export function presentNotification(row: ItemRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: { ko: row.title_ko, en: row.title_en },
    path: row.path,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** The user's notifications, newest first, one page of them, with how many there are and are unread. */
export async function listNotifications(
  db: Db,
  userId: string,
  page: { limit: number; offset: number },
): Promise<NotificationList> {
  const items = await notificationsDb(db)
    .selectFrom('notifications_items')
    .selectAll()
    .where('user_id', '=', userId)
    // The id breaks ties between notifications written in one transaction (one timestamp).
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counts = await notificationsDb(db)
    .selectFrom('notifications_items')
    .select((eb) => [
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('id').filterWhere('read_at', 'is', null).as('unread'),
    ])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    items: items.map((row) => presentNotification(row as ItemRow)),
    total: Number(counts.total),
    unread: Number(counts.unread),
  };
}

/** Every known kind with the user's choice, or the default for a kind they have not chosen for. */
export async function readPreferences(
  db: Db,
  userId: string,
  kinds: readonly NotificationKind[],
): Promise<NotificationPreferences> {
  const chosen = new Map(
    (
      await notificationsDb(db)
        .selectFrom('notifications_preferences')
        .select(['kind', 'choice'])
        .where('user_id', '=', userId)
        .execute()
    ).map((row) => [row.kind, row.choice]),
  );
  const user = await accountsDb(db)
    .selectFrom('accounts_users')
    .select('language')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    language: user.language as Language,
    kinds: kinds.map(({ kind, label }) => ({ kind, label, choice: chosen.get(kind) ?? defaultDelivery })),
  };
}
