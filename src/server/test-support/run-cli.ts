/**
 * Runs the command line (`bin/rightscity.mjs`) in a process of its own, as an operator does. The
 * database, data directory and city are only those `env` names: never the ones this test process
 * was given (a test on PostgreSQL must not have its CLI open the developer's database).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both streams in the order they were written. */
  output: string;
}

export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string } = {},
): Promise<CliResult> {
  const { DATABASE_URL: _database, DATA_DIR: _dataDir, RIGHTSCITY_CITY: _city, ...inherited } = process.env;
  const child = spawn(process.execPath, ['bin/rightscity.mjs', ...args], {
    cwd: repository,
    env: { ...inherited, LOG_LEVEL: 'silent', ...env },
  });
  const result: CliResult = { code: null, stdout: '', stderr: '', output: '' };
  child.stdout.on('data', (chunk) => {
    result.stdout += chunk;
    result.output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    result.stderr += chunk;
    result.output += chunk;
  });
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...result, code }));
  });
}
