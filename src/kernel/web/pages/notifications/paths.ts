/** The addresses of the notifications pages (the header's count links to the list). */
export const notificationsPath = '/staff/notifications';
export const notificationPreferencesPath = '/staff/notifications/preferences';
/** The admin's mail outbox. */
export const outboxPath = '/staff/notifications/outbox';

/** Sent on `window` when the user marks notifications read, so that the header's count follows at once. */
export const notificationsChanged = 'rightscity:notifications-changed';
