/** `rightscity ombudsman retention`: pseudonymise closed cases past the retention period. */
import type { Command } from 'commander';
import type { CliContext } from '../../../kernel/server/module.ts';
import { pseudonymiseClosedCases } from './commands/pseudonymise-closed-cases.ts';

export function registerCli(program: Command, { openDatabase }: CliContext): void {
  const ombudsman = program.command('ombudsman').description('the human rights ombudsman');
  ombudsman
    .command('retention')
    .description('pseudonymise cases closed more than OMBUDSMAN_RETENTION_YEARS ago (safe to run again)')
    .action(async () => {
      const { config, database, close } = await openDatabase('ombudsman retention');
      try {
        const count = await pseudonymiseClosedCases(database.db, config.OMBUDSMAN_RETENTION_YEARS);
        console.log(
          `Pseudonymised ${count} closed case(s) older than ${config.OMBUDSMAN_RETENTION_YEARS} year(s).`,
        );
      } finally {
        await close();
      }
    });
}
