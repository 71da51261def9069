import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestDatabase, type TestDatabase, testConfig } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { registerCli } from './cli.ts';

describe('rightscity import opensdg', () => {
  let dir: string;
  let test: TestDatabase;

  /** The command as the CLI runs it, on the test database; what it printed and its exit code. */
  const run = async (args: string[]) => {
    const program = new Command().exitOverride();
    registerCli(program, {
      openDatabase: async () => ({ config: testConfig(), database: test.database, close: async () => {} }),
    });
    const printed = { stdout: [] as string[], stderr: [] as string[] };
    const { log, error } = console;
    console.log = (...parts: unknown[]) => printed.stdout.push(parts.join(' '));
    console.error = (...parts: unknown[]) => printed.stderr.push(parts.join(' '));
    try {
      await program.parseAsync(['import', 'opensdg', ...args], { from: 'user' });
    } finally {
      console.log = log;
      console.error = error;
    }
    const code = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { code, stdout: printed.stdout.join('\n'), stderr: printed.stderr.join('\n') };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rightscity-cli-opensdg-'));
    test = await createTestDatabase();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
  });
  after(async () => {
    await test.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names each bad line and column and imports nothing, then imports the fixed file', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Year,Sex,Value\n2020,,1\n2020,female,abc\n2021,,\n');
    const refused = await run(['1-3', bad]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Line 3, column "Value": "abc" is not a number/);
    assert.match(refused.stderr, /Line 4, column "Value": the value is empty/);
    assert.match(refused.stderr, /Nothing was imported\./);

    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Year,Sex,Value\n2020,,1\n2020,female,2.5\n2021,,3\n');
    const imported = await run(['1-3', good]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(
      imported.stdout,
      /Imported 3 observation\(s\) of indicator 1-3; replaced the years 2020, 2021\./,
    );

    const lenient = await run(['1-3', bad, '--skip-invalid']);
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.match(lenient.stdout, /Imported 1 observation\(s\) .*skipped 2 bad row\(s\)/);
    assert.match(lenient.stderr, /skipped: Line 3, column "Value"/);
  });
});
