import { resolve } from 'node:path';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { writeBackup } from '../../kernel/server/backup/backup.ts';
import { BackupError, type BackupHeader, type OnProgress } from '../../kernel/server/backup/format.ts';
import { restoreBackup } from '../../kernel/server/backup/restore.ts';
import { readConfig } from '../../kernel/server/config.ts';
import { openConfiguredDatabase } from '../../kernel/server/runtime.ts';
import { modules } from '../modules.ts';

/** A bar per table on a terminal; a line per finished table otherwise (logs, cron mail). */
function reportProgress(): { onProgress: OnProgress; stop(): void } {
  if (process.stdout.isTTY) {
    const bars = new MultiBar(
      { stream: process.stdout, format: '{table} [{bar}] {value}/{total}', hideCursor: true },
      Presets.shades_classic,
    );
    const byTable = new Map<string, SingleBar>();
    return {
      onProgress(table, done, total) {
        const bar = byTable.get(table);
        if (bar) bar.update(done);
        else byTable.set(table, bars.create(total, done, { table: table.padEnd(32) }));
      },
      stop: () => bars.stop(),
    };
  }
  const finished = new Set<string>();
  return {
    onProgress(table, done, total) {
      if (done < total || finished.has(table)) return;
      finished.add(table);
      console.log(`${table}: ${total} rows`);
    },
    stop() {},
  };
}

function rowCount(header: BackupHeader): number {
  return header.tables.reduce((sum, table) => sum + table.rows, 0);
}

/**
 * Runs `work` on the configured database. A refused or damaged backup, or a file that cannot be
 * read or written (a missing folder, a full disk), is the operator's to fix: reported without a stack.
 */
async function withDatabase(
  purpose: string,
  work: (opened: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<void>,
) {
  const opened = await openConfiguredDatabase(readConfig(), modules, purpose);
  try {
    await work(opened);
  } catch (error) {
    if (!(error instanceof BackupError || (error as NodeJS.ErrnoException).syscall)) throw error;
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await opened.close();
  }
}

export function register(program: Command): void {
  program
    .command('backup')
    .description('write every table to FILE (gzip, mode 0600): one consistent moment of the database')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const path = resolve(file);
      await withDatabase('backup', async ({ database }) => {
        const progress = reportProgress();
        const header = await writeBackup(database, path, { onProgress: progress.onProgress }).finally(
          progress.stop,
        );
        console.log(`Backup written to ${path}: ${rowCount(header)} rows in ${header.tables.length} tables.`);
      });
    });

  program
    .command('restore')
    .description('replace everything in the database with the backup in FILE (in one transaction)')
    .argument('<file>', 'a file written by `rightscity backup`')
    .option('--force', 'replace a database that already holds data')
    .action(async (file: string, options: { force?: boolean }) => {
      const path = resolve(file);
      await withDatabase('restore', async ({ database }) => {
        const progress = reportProgress();
        const header = await restoreBackup(database, path, {
          modules,
          force: options.force === true,
          onProgress: progress.onProgress,
        }).finally(progress.stop);
        console.log(
          `Restored ${rowCount(header)} rows in ${header.tables.length} tables from ${path} (made ${header.createdAt} on ${header.engine}).`,
        );
        console.log(
          'Encrypted fields open only with the key of the database that was backed up: the same RIGHTSCITY_SECRET, or its DATA_DIR/secret.key copied here.',
        );
      });
    });
}
