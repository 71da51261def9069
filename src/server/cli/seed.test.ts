import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../kernel/server/db.ts';
import { createServerDatabase, testEngine } from '../../kernel/server/testing.ts';
import { runCli } from '../test-support/run-cli.ts';

describe('rightscity seed', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: { url: string; drop(): Promise<void> } | undefined;

  const query = async <T>(text: ReturnType<typeof sql<T>>) => {
    const database = await openDatabase(
      server ? { databaseUrl: server.url } : { pgliteDir: join(dataDir, 'pglite') },
    );
    try {
      return (await text.execute(database.db)).rows;
    } finally {
      await database.close();
    }
  };

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rightscity-cli-seed-'));
    server = testEngine === 'postgresql' ? await createServerDatabase() : undefined;
    env = { DATA_DIR: dataDir, ...(server ? { DATABASE_URL: server.url } : {}) };
  });
  after(async () => {
    await server?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the dataset, showing its steps as plain lines when not on a terminal', async () => {
    const result = await runCli(['seed'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^\[1\/\d+\] loading vocab$/m);
    assert.match(result.stdout, /^Loaded the dataset of gwangju from \d+ files\.$/m);
  });

  it('says so, and loads nothing, when the dataset was loaded before', async () => {
    const result = await runCli(['seed', '--demo'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /The dataset of gwangju was loaded on \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Seoul\); nothing to do/,
    );
    assert.match(result.stdout, /rightscity seed --reset --demo/);
    const runs = await query(sql<{ count: number }>`select count(*)::int as count from seed_runs`);
    assert.equal(runs[0]?.count, 1);
  });

  it('--reset --demo reloads with the sample records', async () => {
    const result = await runCli(['seed', '--reset', '--demo'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /emptying seed_figures/);
    assert.match(result.stdout, /Reloaded the dataset of gwangju from \d+ files, with the sample records\./);
    const samples = await query(
      sql<{ count: number }>`select count(*)::int as count from vocab_terms where is_sample`,
    );
    assert.ok((samples[0]?.count ?? 0) > 0);
  });

  it('fails with the message alone for a city without a dataset', async () => {
    // A city is its configuration first (datasets/<city>/city.json): without it nothing starts, and the
    // message says which file is missing and where to read how a city makes its own.
    const result = await runCli(['seed', '--reset'], { ...env, RIGHTSCITY_CITY: 'atlantis' });
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /^RIGHTSCITY_CITY=atlantis: no city file at .*datasets\/atlantis\/city\.json/,
    );
    assert.doesNotMatch(result.stderr, /\bat .*\.ts/);
  });
});
