import type { Command } from 'commander';
import { readConfig } from '../../kernel/server/config.ts';
import { openConfiguredDatabase } from '../../kernel/server/runtime.ts';
import { modules } from '../modules.ts';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const opened = await openConfiguredDatabase(readConfig(), modules, 'migrate');
      console.log(opened.applied.length ? `Applied:\n  ${opened.applied.join('\n  ')}` : 'Nothing to apply.');
      await opened.close();
    });
}
