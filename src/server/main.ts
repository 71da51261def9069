/**
 * The command line: `rightscity <command>`. One file per command in `cli/`; each reads and checks the
 * configuration, opens the database the configuration names, and does one thing.
 */
import { Command } from 'commander';
import { ConfigError, readConfig } from '../kernel/server/config.ts';
import { DataDirBusyError } from '../kernel/server/data-dir-lock.ts';
import type { CliContext } from '../kernel/server/module.ts';
import { openConfiguredDatabase } from '../kernel/server/runtime.ts';
import * as audit from './cli/audit.ts';
import * as backup from './cli/backup.ts';
import * as migrate from './cli/migrate.ts';
import * as report from './cli/report.ts';
import * as seed from './cli/seed.ts';
import * as serve from './cli/serve.ts';
import * as user from './cli/user.ts';
import { modules } from './modules.ts';

const program = new Command('rightscity').description('rightscity: the human rights city platform');
for (const command of [serve, migrate, seed, user, audit, backup, report]) command.register(program);
const cliContext: CliContext = {
  async openDatabase(purpose) {
    const config = readConfig();
    const opened = await openConfiguredDatabase(config, modules, purpose);
    return { config, database: opened.database, close: opened.close };
  },
};
for (const module of modules) module.cli?.(program, cliContext);

try {
  await program.parseAsync();
} catch (error) {
  // Expected failures get their message alone; anything else is a bug and keeps its stack.
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
