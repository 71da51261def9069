import type { Command } from 'commander';
import { buildApp } from '../../kernel/server/app.ts';
import { readConfig } from '../../kernel/server/config.ts';
import { startScheduler } from '../../kernel/server/jobs/scheduler.ts';
import { providedServices } from '../../kernel/server/module.ts';
import { openConfiguredDatabase } from '../../kernel/server/runtime.ts';
import { modules } from '../modules.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API and the web app (first start: loads the dataset, creates the admin)')
    .action(async () => {
      const config = readConfig();
      const opened = await openConfiguredDatabase(config, modules, 'server');
      const kernel = { config, database: opened.database, modules, ...providedServices(modules) };
      for (const module of modules) await module.onStart?.(kernel);
      const app = await buildApp({ config, database: opened.database, modules });
      let scheduler: { stop(): Promise<void> } | undefined;
      const stop = async () => {
        await scheduler?.stop();
        await app.close();
        await opened.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await app.listen({ port: config.PORT, host: config.HOST });
      // Scheduled work (mail, reminders) runs in this process, each job on one server at a time.
      scheduler = startScheduler(kernel, {
        tickSeconds: config.JOBS_TICK_SECONDS,
        startDelaySeconds: config.JOBS_START_DELAY_SECONDS,
        log: (message) => app.log.error(message),
      });
    });
}
