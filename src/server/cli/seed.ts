import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { clock } from '../../kernel/server/city/clock.ts';
import { readConfig } from '../../kernel/server/config.ts';
import { openConfiguredDatabase } from '../../kernel/server/runtime.ts';
import { DatasetError } from '../../kernel/server/seed/dataset-files.ts';
import { type LoadOptions, loadDataset } from '../../kernel/server/seed/load-dataset.ts';
import { modules } from '../modules.ts';

/** A progress bar on a terminal; plain lines in a log or a pipe, where a redrawn bar is noise. */
function progressReporter(): { onProgress: NonNullable<LoadOptions['onProgress']>; stop(): void } {
  if (!process.stdout.isTTY) {
    return { onProgress: ({ step, total, label }) => console.log(`[${step}/${total}] ${label}`), stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {value}/{total} {label}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress({ step, total, label }) {
      if (!started) bar.start(total, 0, { label });
      started = true;
      bar.update(step - 1, { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function register(program: Command): void {
  program
    .command('seed')
    .description("load the city's dataset (once; --reset loads it again)")
    .option(
      '--reset',
      'empty the loaded tables and load the dataset again; user accounts, the audit trail, records ' +
        'users made and rights staff entered are kept',
    )
    .option('--demo', 'also load sample records for trying the platform, each marked as sample')
    .action(async (options: { reset?: boolean; demo?: boolean }) => {
      const config = readConfig();
      const city = config.RIGHTSCITY_CITY;
      const opened = await openConfiguredDatabase(config, modules, 'seed');
      const progress = progressReporter();
      try {
        const result = await loadDataset({
          database: opened.database,
          modules,
          city,
          reset: options.reset ?? false,
          demo: options.demo ?? false,
          onProgress: progress.onProgress,
        });
        progress.stop();
        if (result.loaded) {
          const files = Object.keys(result.run.files).length;
          console.log(
            `${options.reset ? 'Reloaded' : 'Loaded'} the dataset of ${city} from ${files} files` +
              `${result.run.demo ? ', with the sample records' : ''}.`,
          );
        } else {
          const { loadedAt, demo } = result.lastRun;
          console.log(
            `The dataset of ${city} was loaded on ${clock().localDateTime(loadedAt)} (${clock().timeZone})` +
              `${demo ? ' with the sample records' : ''}; nothing to do.\n` +
              `To load it again, run: rightscity seed --reset${options.demo ? ' --demo' : ''}`,
          );
        }
      } catch (error) {
        progress.stop();
        if (!(error instanceof DatasetError)) throw error;
        console.error(`Nothing was loaded: ${error.message}`);
        process.exitCode = 1;
      } finally {
        await opened.close();
      }
    });
}
