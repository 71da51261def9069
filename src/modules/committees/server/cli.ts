/** `rightscity committees retention`: erase roundtable registrants' personal data past the retention period. */
import type { Command } from 'commander';
import { runCommand } from '../../../kernel/server/command.ts';
import type { CliContext } from '../../../kernel/server/module.ts';
import { eraseRegistrants } from './commands/registrations.ts';

export function registerCli(program: Command, { openDatabase }: CliContext): void {
  const committees = program.command('committees').description('committees, meetings and roundtables');
  committees
    .command('retention')
    .description(
      'erase the names and contacts of registrants of meetings that ended more than COMMITTEES_REGISTRANT_RETENTION_DAYS ago (safe to run again)',
    )
    .action(async () => {
      const { config, database, close } = await openDatabase('committees retention');
      try {
        const days = config.COMMITTEES_REGISTRANT_RETENTION_DAYS;
        const count = await runCommand(database.db, { userId: null }, (context) =>
          eraseRegistrants(context, days),
        );
        console.log(
          `Erased the personal data of ${count} registration(s) of meetings that ended more than ${days} day(s) ago.`,
        );
      } finally {
        await close();
      }
    });
}
