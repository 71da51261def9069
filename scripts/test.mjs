#!/usr/bin/env node
// The whole suite in one command: format and lint (Biome), types (tsc), the web build (browser tests
// drive the built app), then every *.test.ts under src/ in Node's own test runner. Lint and types run
// first so a failure there stops early; the test runner runs last so that its summary is the last
// thing printed (CI reads that line).
//
// Before the test runner starts, every module is migrated once into a template
// (src/kernel/server/test-template.ts) that each test file's databases are copied from, instead of
// each migrating from empty; it is made anew on every run and removed at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const bin = (name) => join('node_modules', '.bin', name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    // The reliability suite (crashes, fuzzing, the authorization matrix) has its own command,
    // `npm run test:reliability`, which CI runs beside this one.
    if (path === join('src', 'reliability')) continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

// `npm test -- path/a.test.ts` runs just those files (and skips lint and types, for quick iteration).
const only = process.argv.slice(2);
if (only.length === 0) {
  run(bin('biome'), ['check', '.']);
  run(bin('tsc'), ['--noEmit', '-p', '.']);
  run(bin('vite'), ['build', '--logLevel', 'warn']);
}
const files = only.length > 0 ? only : findTests('src').sort();

// Ctrl-C reaches the test runner too (same process group); this script outlives it to clean up.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});

const scratch = mkdtempSync(join(tmpdir(), 'rightscity-test-'));
const built = spawnSync(
  process.execPath,
  ['--import', 'tsx', join('src', 'kernel', 'server', 'test-template.ts'), scratch],
  { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
const template = built.status === 0 ? built.stdout.trim().split('\n').at(-1) : undefined;
if (!template) {
  rmSync(scratch, { recursive: true, force: true });
  console.error('Could not migrate the test template.');
  process.exit(built.status || 1);
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, RIGHTSCITY_TEST_TEMPLATE: template } },
);

rmSync(scratch, { recursive: true, force: true });
if (template.startsWith('postgresql:')) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  try {
    await client.connect();
    await client.query(`drop database if exists ${template.slice('postgresql:'.length)} with (force)`);
  } catch (error) {
    console.error(`Could not drop the test template ${template}: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
process.exit(result.status ?? 1);
