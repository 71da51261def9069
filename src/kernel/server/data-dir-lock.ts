/**
 * PGlite allows one process per data directory: two would corrupt it. Whoever opens DATA_DIR (the
 * server, or a CLI command) takes this lock first; a second process is refused with a message that
 * says who holds it. A lock left by a process that died is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirBusyError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `dataDir` for `purpose`; returns the function that releases it. */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'rightscity.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      closeSync(fd);
      const release = () => {
        try {
          if (JSON.parse(readFileSync(path, 'utf8')).pid === process.pid) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; purpose: string; since: string } | undefined;
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        holder = undefined;
      }
      if (holder && isAlive(holder.pid)) {
        throw new DataDirBusyError(
          `The data directory ${dataDir} is in use by another process (pid ${holder.pid}, ${holder.purpose}, since ${holder.since}).\n` +
            'The embedded database allows one process at a time: stop that process first, then run this command again.',
        );
      }
      unlinkSync(path);
    }
  }
  throw new DataDirBusyError(`Could not lock the data directory ${dataDir}.`);
}
