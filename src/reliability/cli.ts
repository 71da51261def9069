/** Runs the command line (`bin/rightscity.mjs`) as an operator does, with only the given database. */
import { spawn } from 'node:child_process';

export function runCli(args: string[], env: Record<string, string>) {
  // The database is the one `env` names: never the DATABASE_URL this test process was given.
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, ['bin/rightscity.mjs', ...args], {
    env: { ...inherited, LOG_LEVEL: 'silent', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, output })),
  );
}
