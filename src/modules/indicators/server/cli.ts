/**
 * `rightscity import opensdg <indicator-code> <file.csv> [--skip-invalid]`: one indicator's data from
 * an Open SDG CSV file, with a progress bar on standard error. Problems are printed one per line with
 * the line and column; without `--skip-invalid` a file with any bad row imports nothing (exit 1).
 */
import { statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../../../kernel/server/errors.ts';
import type { CliContext } from '../../../kernel/server/module.ts';
import { ImportRejected, importOpenSdgCsv } from './commands/import-observations.ts';

export function registerCli(program: Command, { openDatabase }: CliContext): void {
  const importCommand = program.command('import').description('import data from files');
  importCommand
    .command('opensdg')
    .description(
      "import one indicator's data from an Open SDG CSV file (UTF-8 or CP949); its years replace those years' data",
    )
    .argument('<indicator-code>', 'the indicator, e.g. 1-1')
    .argument('<file>', 'the CSV file')
    .option('--skip-invalid', 'import the good rows and list the bad ones, instead of importing nothing')
    .action(async (code: string, file: string, options: { skipInvalid?: boolean }) => {
      const size = statSync(file).size;
      const { database, close } = await openDatabase(`import opensdg ${code}`);
      const bar = new SingleBar({
        format: 'Importing [{bar}] {percentage}% | {rows} rows',
        stream: process.stderr,
        noTTYOutput: false,
      });
      bar.start(size, 0, { rows: 0 });
      try {
        const result = await importOpenSdgCsv(database.db, code, file, {
          skipInvalid: options.skipInvalid === true,
          onProgress: ({ rows, bytes }) => bar.update(bytes, { rows }),
        });
        bar.update(size);
        bar.stop();
        for (const issue of result.issues) console.error(`skipped: ${issue.message.en}`);
        console.log(
          `Imported ${result.imported} observation(s) of indicator ${code}; replaced the years ${result.replacedYears.join(', ') || '(none)'}${result.issues.length ? `; skipped ${result.issues.length} bad row(s)` : ''}.`,
        );
      } catch (error) {
        bar.stop();
        if (error instanceof ImportRejected) {
          for (const issue of error.issues) console.error(issue.message.en);
          console.error('Nothing was imported.');
          process.exitCode = 1;
        } else if (error instanceof AppError) {
          console.error(`Nothing was imported: ${error.code} ${JSON.stringify(error.details.params ?? {})}`);
          process.exitCode = 1;
        } else {
          throw error;
        }
      } finally {
        await close();
      }
    });
}
