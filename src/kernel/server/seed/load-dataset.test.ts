import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { modules } from '../../../server/modules.ts';
import { createUser } from '../accounts/testing.ts';
import { runCommand } from '../command.ts';
import type { Db } from '../db.ts';
import {
  createTestApp,
  createTestDatabase,
  type TestApp,
  type TestDatabase,
  testConfig,
} from '../testing.ts';
import { createRight } from '../vocabularies/commands/create-right.ts';
import type { Term } from '../vocabularies/contract.ts';
import { removeRecord, setTags } from '../vocabularies/tags.ts';
import { DatasetError } from './dataset-files.ts';
import { defaultDatasetsDir, loadDataset } from './load-dataset.ts';
import { seedModule } from './module.ts';

const datasetFile = (name: string) => join(defaultDatasetsDir, 'gwangju', name);

async function readDatasetRows(name: string): Promise<Record<string, string>[]> {
  return parse(await readFile(datasetFile(name), 'utf8'), { columns: true });
}

async function count(db: Db, table: string, where = sql`true`): Promise<number> {
  const result = await sql<{
    count: number;
  }>`select count(*)::int as count from ${sql.table(table)} where ${where}`.execute(db);
  return result.rows[0]?.count ?? 0;
}

async function getTerms(test: TestApp, vocabulary: string): Promise<Term[]> {
  const response = await test.app.inject({ method: 'GET', url: `/api/v1/vocabularies/${vocabulary}` });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().terms;
}

/** A copy of the datasets folder in which `edit` changes one file. */
async function brokenDatasets(file: string, edit: (content: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rightscity-datasets-'));
  await cp(defaultDatasetsDir, dir, { recursive: true });
  const path = join(dir, 'gwangju', file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
  return dir;
}

/** figures.csv with one figure's value written with a thousands separator; returns its line number. */
function breakFigureValue(content: string): { content: string; line: number } {
  const lines = content.split('\n');
  const index = lines.findIndex((line) => line.startsWith('table4-2013-neighbourhoods,'));
  assert.ok(index > 0);
  lines[index] = (lines[index] ?? '').replace('Table 4,2013,3,', 'Table 4,2013,"1,000",');
  return { content: lines.join('\n'), line: index + 1 };
}

describe('loading the Gwangju dataset', () => {
  let test: TestApp;
  let db: Db;
  const load = (options: { reset?: boolean; demo?: boolean; datasetsDir?: string } = {}) =>
    loadDataset({
      database: test.database,
      modules,
      city: 'gwangju',
      reset: options.reset ?? false,
      demo: options.demo ?? false,
      ...(options.datasetsDir ? { datasetsDir: options.datasetsDir } : {}),
    });

  before(async () => {
    test = await createTestApp();
    db = test.database.db;
    const result = await load();
    assert.equal(result.loaded, true);
  });
  after(() => test.close());

  it('gives the bureau with its headcount and its three divisions, as departments.csv says', async () => {
    const terms = await getTerms(test, 'departments');
    const bureau = terms.find((term) => term.code === 'DHRP');
    assert.equal(bureau?.data.headcount, 45);
    assert.equal(bureau?.name.ko, '민주인권평화국');
    assert.equal(bureau?.sourceSection, '1.2');
    const divisions = terms.filter((term) => term.parentCode === 'DHRP');
    assert.deepEqual(
      divisions.map((division) => division.data.headcount),
      [16, 17, 12],
    );
    const rows = await readDatasetRows('departments.csv');
    assert.deepEqual(
      terms.map((term) => [term.code, term.parentCode ?? '', term.name.en]),
      rows.map((row) => [row.code, row.parent_code, row.name_en]),
    );
  });

  it('gives the five districts', async () => {
    const terms = await getTerms(test, 'districts');
    assert.deepEqual(
      terms.map((term) => term.code),
      ['dong-gu', 'seo-gu', 'nam-gu', 'buk-gu', 'gwangsan-gu'],
    );
    assert.equal(terms[0]?.name.ko, '동구');
  });

  it('gives the 17 SDGs and the 169 targets with Korean names', async () => {
    const goals = await getTerms(test, 'sdg-goals');
    assert.equal(goals.length, 17);
    for (const goal of goals) {
      assert.match(goal.name.ko, /[가-힣]/, goal.code);
      assert.match(goal.description?.ko ?? '', /[가-힣]/, goal.code);
      assert.equal(goal.koMissing, false);
    }
    assert.equal(goals.find((goal) => goal.code === '16')?.name.en, 'Peace, justice and strong institutions');

    const targets = await getTerms(test, 'sdg-targets');
    assert.equal(targets.length, 169);
    const target = targets.find((term) => term.code === '16.7');
    assert.equal(target?.data.goal, 16);
    assert.match(target?.name.en ?? '', /^Ensure responsive, inclusive, participatory/);
    const [translated] = (await readFile(join(defaultDatasetsDir, 'un-sdg', 'global_targets.ko.csv'), 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('16.7,'));
    assert.equal(`16.7,${target?.name.ko}`, translated);
    assert.match(target?.name.ko ?? '', /[가-힣]/);
    assert.equal(target?.koMissing, false);
    // UN order: numbered targets, then lettered ones, goal by goal.
    assert.deepEqual(
      targets.slice(0, 8).map((term) => term.code),
      ['1.1', '1.2', '1.3', '1.4', '1.5', '1.a', '1.b', '2.1'],
    );
  });

  it('gives the target groups of target-groups.csv', async () => {
    const terms = await getTerms(test, 'target-groups');
    const rows = await readDatasetRows('target-groups.csv');
    assert.deepEqual(
      terms.map((term) => term.code),
      rows.map((row) => row.code),
    );
  });

  it('records the run with the sha256 of every file read', async () => {
    const run = await sql<{ files: Record<string, string>; demo: boolean }>`
      select files, demo from seed_runs order by id limit 1`.execute(db);
    const files = run.rows[0]?.files ?? {};
    const figures = createHash('sha256')
      .update(await readFile(datasetFile('figures.csv')))
      .digest('hex');
    assert.equal(files['gwangju/figures.csv'], figures);
    assert.ok(files['un-sdg/global_targets.en.yml']);
    assert.ok(files['un-sdg/global_targets.ko.csv']);
    assert.equal(files['gwangju/demo/rights.csv'], undefined);
    assert.equal(run.rows[0]?.demo, false);
  });

  it('does not load twice: a second load reports the first', async () => {
    const before = await count(db, 'vocab_terms');
    const result = await load();
    assert.equal(result.loaded, false);
    assert.equal(result.loaded ? undefined : result.lastRun.city, 'gwangju');
    assert.equal(await count(db, 'vocab_terms'), before);
    assert.equal(await count(db, 'seed_runs'), 1);
  });

  it('reloads with reset without duplicates, keeping users, rights they entered and the audit trail', async () => {
    const admin = await createUser(test.database, { role: 'admin' });
    await createRight(
      db,
      { userId: admin.id },
      { code: 'article-1', number: 1, title: { ko: '존엄', en: 'Dignity' } },
    );
    const terms = await count(db, 'vocab_terms');
    const figures = await count(db, 'seed_figures');
    const audit = await count(db, 'audit_trail');

    const result = await load({ reset: true });
    assert.equal(result.loaded, true);
    assert.equal(await count(db, 'vocab_terms'), terms);
    assert.equal(await count(db, 'seed_figures'), figures);
    assert.equal(await count(db, 'accounts_users', sql`id = ${admin.id}`), 1);
    assert.equal(await count(db, 'vocab_terms', sql`vocabulary = 'rights' and code = 'article-1'`), 1);
    // The reload itself is audited; nothing was taken out of the trail.
    assert.equal(await count(db, 'audit_trail'), audit + 1);
    assert.equal(await count(db, 'seed_runs'), 2);
  });

  it('a malformed file fails the reload, naming file, line and column, and changes nothing', async () => {
    let line = 0;
    const dir = await brokenDatasets('figures.csv', (content) => {
      const broken = breakFigureValue(content);
      line = broken.line;
      return broken.content;
    });
    try {
      const figures = await count(db, 'seed_figures');
      const runs = await count(db, 'seed_runs');
      await assert.rejects(load({ reset: true, datasetsDir: dir }), (error: Error) => {
        assert.ok(error instanceof DatasetError, String(error));
        assert.match(
          error.message,
          new RegExp(`figures\\.csv, line ${line}: column "value" \\(4\\): "1,000"`),
        );
        return true;
      });
      assert.equal(await count(db, 'seed_figures'), figures);
      assert.equal(await count(db, 'seed_runs'), runs);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('--demo adds sample rights and sample tags, each marked; a reload without it removes them', async () => {
    const result = await load({ reset: true, demo: true });
    assert.equal(result.loaded, true);
    const samples = (await getTerms(test, 'rights')).filter((term) => term.isSample);
    assert.deepEqual(
      samples.map((term) => term.code).sort(),
      (await readDatasetRows('demo/rights.csv')).map((row) => row.code).sort(),
    );
    for (const sample of samples) {
      assert.match(sample.name.ko, /^\[예시\] /);
      assert.match(sample.name.en, /^\[Sample\] /);
    }
    const page = await test.app.inject({
      method: 'GET',
      url: `/api/v1/vocabularies/rights/${samples[0]?.code}`,
    });
    const records = page.json().modules.flatMap((group: { records: unknown[] }) => group.records);
    assert.ok(records.length > 0);
    for (const record of records) {
      assert.equal(record.isSample, true);
      assert.match(record.title.en, /^\[Sample\] /);
    }
    // The real terms' pages show no sample.
    const bureau = await test.app.inject({ method: 'GET', url: '/api/v1/vocabularies/departments/DHRP' });
    assert.deepEqual(bureau.json().modules, []);

    await load({ reset: true });
    const rights = await getTerms(test, 'rights');
    assert.deepEqual(
      rights.filter((term) => term.data.default === undefined).map((term) => term.code),
      ['article-1'],
    );
    // Real records keep their tags (the local SDG agendas' goals); no sample's tag is left.
    assert.equal(await count(db, 'vocab_tags', sql`is_sample`), 0);
  });
  it('a reload removes a term the dataset no longer lists, unless records are tagged with it', async () => {
    const dir = await brokenDatasets('districts.csv', (content) =>
      content.replace('gwangsan-gu,광산구,Gwangsan-gu\n', ''),
    );
    const tagged = { module: 'fixture', recordType: 'record', recordId: '1' };
    try {
      await runCommand(db, { userId: null }, ({ trx }) =>
        setTags(trx, { ...tagged, isPublic: true, title: { ko: '기록', en: 'Record' }, path: '/r/1' }, [
          { vocabulary: 'districts', code: 'gwangsan-gu' },
        ]),
      );
      await assert.rejects(
        load({ reset: true, datasetsDir: dir }),
        /no longer lists districts\/gwangsan-gu, but records are tagged/,
      );
      await runCommand(db, { userId: null }, ({ trx }) => removeRecord(trx, tagged));
      await load({ reset: true, datasetsDir: dir });
      assert.equal(await count(db, 'vocab_terms', sql`vocabulary = 'districts'`), 4);
      await load({ reset: true });
      assert.equal(await count(db, 'vocab_terms', sql`vocabulary = 'districts'`), 5);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('the first load', () => {
  let test: TestDatabase;
  const loadFrom = (datasetsDir: string, city = 'gwangju') =>
    loadDataset({ database: test.database, modules, city, reset: false, demo: false, datasetsDir });
  before(async () => {
    test = await createTestDatabase();
  });
  after(() => test.close());

  it('fails naming the file and line, and writes nothing', async () => {
    let line = 0;
    const dir = await brokenDatasets('figures.csv', (content) => {
      const broken = breakFigureValue(content);
      line = broken.line;
      return broken.content;
    });
    try {
      await assert.rejects(loadFrom(dir), new RegExp(`figures\\.csv, line ${line}: column "value"`));
      // The vocabularies were loaded before the figures, in the same transaction: rolled back too.
      for (const table of ['vocab_terms', 'seed_figures', 'seed_runs', 'audit_trail']) {
        assert.equal(await count(test.database.db, table), 0, table);
      }
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('names a Korean target title that is missing or names no UN target', async () => {
    const translations = '../un-sdg/global_targets.ko.csv';
    const missing = await brokenDatasets(translations, (content) => content.replace(/^1\.3,.*\n/m, ''));
    const unknown = await brokenDatasets(translations, (content) => content.replace(/^1\.3,/m, '1.9,'));
    try {
      await assert.rejects(
        loadFrom(missing),
        /global_targets\.ko\.csv: no row for the target\(s\) 1\.3 that \.\.\/un-sdg\/global_targets\.en\.yml lists/,
      );
      await assert.rejects(
        loadFrom(unknown),
        /global_targets\.ko\.csv, line 4: column "target": .*global_targets\.en\.yml has no target 1\.9/,
      );
      assert.equal(await count(test.database.db, 'vocab_terms'), 0);
    } finally {
      await rm(missing, { recursive: true });
      await rm(unknown, { recursive: true });
    }
  });

  it('names a broken department parent, a missing column, a missing city', async () => {
    const parent = await brokenDatasets('departments.csv', (content) =>
      content.replace('DHRP-IKC,DHRP,', 'DHRP-IKC,NOPE,'),
    );
    const column = await brokenDatasets('districts.csv', (content) =>
      content.replace('code,name_ko', 'kode,name_ko'),
    );
    try {
      await assert.rejects(
        loadFrom(parent),
        /departments\.csv, line 6: column "parent_code": no department has the code "NOPE"/,
      );
      await assert.rejects(loadFrom(column), /districts\.csv, line 1: .*missing: code; unexpected: kode/);
      await assert.rejects(loadFrom(defaultDatasetsDir, 'atlantis'), /no dataset for the city "atlantis"/);
    } finally {
      await rm(parent, { recursive: true });
      await rm(column, { recursive: true });
    }
  });

  it('first start loads the dataset once', async () => {
    const kernel = { config: testConfig(), database: test.database, modules };
    await seedModule.onStart?.(kernel);
    await seedModule.onStart?.(kernel);
    assert.equal(await count(test.database.db, 'seed_runs'), 1);
    assert.equal(await count(test.database.db, 'vocab_terms', sql`vocabulary = 'districts'`), 5);
  });
});
