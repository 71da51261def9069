/**
 * A throw-away PostgreSQL cluster of the suite's own, on a free loopback port, so that a test can stop
 * the database with an immediate shutdown (what a power cut or an OOM kill does) without touching the
 * server that other tests and other people share. Made with the binaries of Debian's `postgresql`
 * package; as root the cluster belongs to the `postgres` user (initdb refuses to run as root).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../server/test-support/spawn-server.ts';

export interface PgCluster {
  url: string;
  /** `pg_ctl stop -m immediate`: no checkpoint, clients cut off, recovery from the WAL at the next start. */
  crash(): void;
  start(): void;
  destroy(): void;
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? join(root, newest, 'bin') : undefined;
}

/** Why a private cluster cannot be made here, or undefined when it can. */
export function whyNoPrivateCluster(): string | undefined {
  if (!postgresBin())
    return 'PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)';
  if (userInfo().uid === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root, and there is no postgres user to own a cluster';
    }
  }
  return undefined;
}

export async function createPgCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error(whyNoPrivateCluster());
  const dir = mkdtempSync(join(tmpdir(), 'rightscity-reliability-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const run = (tool: string, args: string[]) => {
    const command = join(bin, tool);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  };
  const port = await freePort();
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=on`,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']),
    start,
    destroy() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
