#!/usr/bin/env node
// The whole suite in one command: format and lint (Biome), types (tsc), the web build (browser tests
// drive the built app), then every *.test.ts under src/ in Node's own test runner. Lint and types run
// first so a failure there stops early; the test runner runs last so that its summary is the last
// thing printed (CI reads that line).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
run(process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
  ...files,
]);
