/**
 * The command line: `rightscity serve | migrate | …`. Each command reads and checks the configuration,
 * opens the database the configuration names, and does one thing.
 */
import { Command } from 'commander';
import { buildApp } from '../kernel/server/app.ts';
import { ConfigError, readConfig } from '../kernel/server/config.ts';
import { DataDirBusyError } from '../kernel/server/data-dir-lock.ts';
import { openConfiguredDatabase } from '../kernel/server/runtime.ts';
import { modules } from './modules.ts';

const program = new Command('rightscity').description('rightscity: the human rights city platform');

program
  .command('serve')
  .description('serve the API and the web app')
  .action(async () => {
    const config = readConfig();
    const opened = await openConfiguredDatabase(config, modules, 'server');
    const app = await buildApp({ config, database: opened.database, modules });
    const stop = async () => {
      await app.close();
      await opened.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await app.listen({ port: config.PORT, host: config.HOST });
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const opened = await openConfiguredDatabase(readConfig(), modules, 'migrate');
    console.log(opened.applied.length ? `Applied:\n  ${opened.applied.join('\n  ')}` : 'Nothing to apply.');
    await opened.close();
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
