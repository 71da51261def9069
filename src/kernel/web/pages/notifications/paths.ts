/** The addresses of the notifications pages (the header's count links to the list). */
export const notificationsPath = '/staff/notifications';
export const notificationPreferencesPath = '/staff/notifications/preferences';

/** Sent on `window` when the user marks notifications read, so that the header's count follows at once. */
export const notificationsChanged = 'rightscity:notifications-changed';
