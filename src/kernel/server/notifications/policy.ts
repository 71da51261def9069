/**
 * Who may see or mark a notification: only the user it was written for. Another user's notification
 * is answered as if it did not exist (404), so that its id tells nobody it is there; an admin reads no
 * one else's list either (notifications are a person's inbox, not a record of the city).
 */
import type { SessionUser } from '../access.ts';
import { notFound } from '../errors.ts';

export const notificationPolicy = {
  owns: (user: Pick<SessionUser, 'id'>, item: { user_id: string }) => item.user_id === user.id,
};

/** The notification if `user` owns it; a 404 problem otherwise (absent or someone else's alike). */
export function ownNotification<T extends { user_id: string }>(
  user: Pick<SessionUser, 'id'>,
  item: T | undefined,
): T {
  if (!item || !notificationPolicy.owns(user, item)) throw notFound();
  return item;
}
