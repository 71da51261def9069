/**
 * Accounts, sessions, roles and two-step login: the kernel service every module relies on for
 * `request.user`. Authentication itself runs in `authenticate.ts`, which the app installs on every
 * API request; this manifest brings the tables, the messages, the routes and the first admin.
 */
import type { ServerModule } from '../module.ts';
import { ensureFirstAdmin } from './commands/ensure-first-admin.ts';
import { accountsMessages } from './messages.ts';
import { preparePasswordChecker } from './passwords.ts';
import { accountsRoutes } from './routes.ts';

export const accountsModule: ServerModule = {
  name: 'accounts',
  migrations: new URL('./migrations/', import.meta.url),
  messages: accountsMessages,
  routes: accountsRoutes,
  async onStart(kernel) {
    await preparePasswordChecker();
    const created = await ensureFirstAdmin(kernel.database.db, kernel.config);
    if (!created) return;
    // Printed once, to the operator's terminal, never to the log.
    const lines = [
      '',
      '================ rightscity: first administrator created ================',
      `  email:    ${created.email}`,
      created.generatedPassword
        ? `  password: ${created.generatedPassword}   (shown only now: log in and change it)`
        : '  password: the one in RIGHTSCITY_ADMIN_PASSWORD',
      '=========================================================================',
      '',
    ];
    console.log(lines.join('\n'));
  },
};
