/**
 * `rightscity plan import <year> <file>`: a year's tasks from a CSV or .xlsx file (told apart by the
 * extension), with a progress bar on standard error. All or nothing: a file with any problem imports
 * nothing, prints each problem with its line and column, and exits with 1.
 */
import { readFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../../../kernel/server/errors.ts';
import type { CliContext } from '../../../kernel/server/module.ts';
import { importTasks } from './commands/import-tasks.ts';

export function registerCli(program: Command, { openDatabase }: CliContext): void {
  const plan = program.command('plan').description('the basic plan and the annual action plan');
  plan
    .command('import')
    .description("import a year's policy tasks from a CSV (UTF-8 or CP949) or .xlsx file; all or nothing")
    .argument('<year>', 'the action plan year, e.g. 2022')
    .argument('<file>', 'the .csv or .xlsx file')
    .action(async (yearText: string, file: string) => {
      const year = Number(yearText);
      if (!/^\d{4}$/.test(yearText)) {
        console.error(`"${yearText}" is not a year.`);
        process.exitCode = 1;
        return;
      }
      const data = readFileSync(file);
      const { database, close } = await openDatabase(`plan import ${year}`);
      const bar = new SingleBar({
        format: 'Importing [{bar}] {value}/{total} tasks',
        stream: process.stderr,
      });
      let started = false;
      try {
        const result = await importTasks(
          database.db,
          { userId: null },
          year,
          data,
          file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
          {
            onProgress: (done, total) => {
              if (!started) bar.start(total, 0);
              started = true;
              bar.update(done);
            },
          },
        );
        bar.stop();
        console.log(
          `Imported the ${year} action plan: ${result.created} task(s) added, ${result.updated} updated.`,
        );
      } catch (error) {
        bar.stop();
        if (!(error instanceof AppError)) throw error;
        for (const problem of error.details.errors ?? []) {
          console.error(typeof problem.message === 'string' ? problem.message : problem.message.en);
        }
        if (!error.details.errors?.length) console.error(error.code);
        console.error('Nothing was imported.');
        process.exitCode = 1;
      } finally {
        await close();
      }
    });
}
