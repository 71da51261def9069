/**
 * Notifications: each user's in-app list, their choice of delivery per kind, and mail. Modules write
 * notifications with `notify` (`notify.ts`) inside their command's transaction and declare their kinds
 * in their manifest (`notificationKinds`); the kernel knows no module's kinds. The mail worker
 * (`mail/outbox.ts`) runs as a scheduled job on every server, each message claimed by one of them; the
 * reminders and escalations of due dates (`reminders.ts`) run hourly on one server.
 */
import type { ServerModule } from '../module.ts';
import { registerMailCli } from './mail/cli.ts';
import { deliverMail } from './mail/outbox.ts';
import { mailMessages, registerOutboxRoutes } from './mail/routes.ts';
import { notificationsMessages } from './messages.ts';
import { reminderSettings, sendReminders } from './reminders.ts';
import { notificationsRoutes } from './routes.ts';

export const notificationsModule: ServerModule = {
  name: 'notifications',
  migrations: new URL('./migrations/', import.meta.url),
  messages: { ...mailMessages, ...notificationsMessages },
  routes: (app, kernel) => {
    notificationsRoutes(app, kernel);
    registerOutboxRoutes(app, kernel);
  },
  async onStart({ config }) {
    if (!config.SMTP_URL) {
      console.log('Mail is off (SMTP_URL is not set): notifications are shown in the app only.');
    }
  },
  jobs: [
    {
      name: 'notifications.mail',
      everySeconds: 1,
      concurrent: true,
      async run(db, now, kernel) {
        await deliverMail(db, kernel.config, now);
      },
    },
    {
      // Hourly: a reminder is due once a day at most, and each is sent once (`notifications_reminders`),
      // so a run that comes late, or twice, tells nobody twice.
      name: 'notifications.reminders',
      everySeconds: 3600,
      async run(db, now, kernel) {
        await sendReminders(db, kernel.modules, now, reminderSettings(kernel.config));
      },
    },
  ],
  cli: registerMailCli,
};
