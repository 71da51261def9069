/**
 * PGlite allows one process per data directory: two would corrupt it. Whoever opens DATA_DIR (the
 * server, or a CLI command) takes this lock first; a second process is refused with a message that
 * says who holds it. A lock left by a process that died is taken over.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config.ts';

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

/**
 * DATA_DIR holds the embedded database, the key file and uploaded documents: only the server's own
 * user may enter it (0700), and the key file is its alone (0600). Whatever an earlier install, a
 * restore or an umask left, the server and every CLI command set these modes before opening anything,
 * or refuse to start, naming the path and the command that fixes it.
 */
export function secureDataDir(dataDir: string, options: { create: boolean }): void {
  if (options.create) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  else if (!existsSync(dataDir)) return;
  restrict(dataDir, 0o700);
  const keyFile = join(dataDir, 'secret.key');
  if (existsSync(keyFile)) restrict(keyFile, 0o600);
}

function restrict(path: string, mode: number): void {
  if ((statSync(path).mode & 0o777) === mode) return;
  try {
    chmodSync(path, mode);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(
      `DATA_DIR: ${path} must be accessible to its owner only (mode ${mode.toString(8)}), and changing it failed (${reason}).\n` +
        `Run the server as the owner of ${path}, or fix it first: chmod ${mode.toString(8)} ${path}`,
    );
  }
}
