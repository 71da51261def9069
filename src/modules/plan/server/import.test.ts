// Importing and exporting a year's tasks, CSV and .xlsx: all or nothing with line and column named,
// a byte-order mark or CP949 accepted, and an export that reads back as the same rows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { readWorkbook, xlsxContentType } from '../../../kernel/server/spreadsheet.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { importTasks } from './commands/import-tasks.ts';

type Headers = Awaited<ReturnType<typeof signIn>>['headers'];

const header =
  'code,parent_code,area,title_ko,title_en,lead_department,cooperating_departments,budget_planned,weight,milestones,target_groups,is_public';
const goodRows = [
  // The child comes first: a file may name a parent further down.
  'A.1,A,social-minorities,하위 과제,Sub-task,DHRP-DHR,HRO,5000,2,2024-06-30|중간 점검|Mid-year check,women,true',
  'A,,social-minorities,"상위 과제, 쉼표",Parent task,DHRP-DHR,,10000,1,,,true',
  'B,,charter-implementation,=위험한 제목,Formula-looking title,HRO,,,1,,,false',
];

describe('importing and exporting tasks', () => {
  let test: TestApp;
  let officer: Headers;

  const upload = (year: number, body: Buffer | string, type = 'text/csv') =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/plan/staff/years/${year}/tasks/import`,
      headers: { ...officer, 'content-type': type },
      payload: body,
    });
  const codes = async (year: number) =>
    (
      (
        await test.app.inject({
          method: 'GET',
          url: `/api/v1/plan/staff/years/${year}/tasks`,
          headers: officer,
        })
      ).json() as { tasks: { code: string }[] }
    ).tasks.map((task) => task.code);

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
  });
  after(() => test?.close());

  it('imports nothing from a CSV with one bad row, and names its line and column', async () => {
    const csv = `\uFEFF${[header, goodRows[0], 'X,,social-minorities,나쁜 행,Bad row,DHRP-DHR,,1.000,1,,,true', goodRows[1]].join('\n')}\n`;
    const response = await upload(2024, csv);
    assert.equal(response.statusCode, 400);
    const { errors } = response.json() as { errors: { field: string; message: string }[] };
    assert.deepEqual(
      errors.map((error) => error.field),
      ['file.3.budget_planned'],
    );
    assert.match(errors[0]?.message ?? '', /^3행 'budget_planned' 열: /);
    assert.deepEqual(await codes(2024), []);
  });

  it('names the line and column of a rule a cell breaks (department, parent, tag), still importing nothing', async () => {
    const csv = [
      header,
      'A.1,NOPE,social-minorities,하위,Sub,DHRP-DHR,,,1,,women,true',
      'A,,social-minorities,상위,Parent,NO-SUCH-DEPT,,,1,,not-a-group,true',
    ].join('\n');
    const response = await upload(2024, csv);
    assert.equal(response.statusCode, 400);
    const fields = (response.json() as { errors: { field: string }[] }).errors
      .map((error) => error.field)
      .sort();
    assert.deepEqual(fields, ['file.2.parent_code', 'file.3.lead_department', 'file.3.target_groups']);
    assert.deepEqual(await codes(2024), []);
  });

  it('imports a good file, a child before its parent, then updates by code on a second import', async () => {
    const response = await upload(2024, `\uFEFF${[header, ...goodRows].join('\r\n')}\r\n`);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { created: 3, updated: 0 });
    assert.deepEqual(await codes(2024), ['A', 'A.1', 'B']);
    const again = await upload(2024, [header, ...goodRows].join('\n'));
    assert.deepEqual(again.json(), { created: 0, updated: 3 });
  });

  it('reads CP949 text', async () => {
    const csv = iconv.encode([header, 'K,,,한글 과제,Korean task,HRO,,,1,,,true'].join('\n'), 'cp949');
    const response = await upload(2025, csv);
    assert.equal(response.statusCode, 200, response.body);
    const view = await test.app.inject({ method: 'GET', url: '/api/v1/plan/years/2025' });
    assert.equal((view.json() as { tasks: { title: { ko: string } }[] }).tasks[0]?.title.ko, '한글 과제');
  });

  it('exports a workbook that opens with the same rows as the CSV, and imports again as the same tasks', async () => {
    const xlsx = await test.app.inject({
      method: 'GET',
      url: '/api/v1/plan/staff/years/2024/tasks.xlsx',
      headers: officer,
    });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.headers['content-type'], xlsxContentType);
    const sheet = readWorkbook(xlsx.rawPayload);
    const csv = await test.app.inject({
      method: 'GET',
      url: '/api/v1/plan/staff/years/2024/tasks.csv',
      headers: officer,
    });
    assert.ok(csv.body.startsWith('\uFEFF'));
    assert.equal(sheet.rows.length, 3);
    const byCode = new Map(sheet.rows.map((row) => [row.values.code, row.values]));
    assert.deepEqual(
      {
        parent: byCode.get('A.1')?.parent_code,
        cooperating: byCode.get('A.1')?.cooperating_departments,
        milestones: byCode.get('A.1')?.milestones,
        groups: byCode.get('A.1')?.target_groups,
        budget: byCode.get('A.1')?.budget_planned,
        title: byCode.get('A')?.title_ko,
        formula: byCode.get('B')?.title_ko,
        isPublic: byCode.get('B')?.is_public,
      },
      {
        parent: 'A',
        cooperating: 'HRO',
        milestones: '2024-06-30|중간 점검|Mid-year check',
        groups: 'women',
        budget: '5000',
        title: '상위 과제, 쉼표',
        formula: '=위험한 제목',
        isPublic: 'false',
      },
    );
    const csvLines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(csvLines.length, 4, 'the CSV has the same three rows under its header');
    assert.deepEqual(csvLines[0]?.split(','), sheet.header);

    const reimported = await upload(2026, xlsx.rawPayload, xlsxContentType);
    assert.equal(reimported.statusCode, 200, reimported.body);
    const copy = await test.app.inject({
      method: 'GET',
      url: '/api/v1/plan/staff/years/2026/tasks.xlsx',
      headers: officer,
    });
    assert.deepEqual(
      readWorkbook(copy.rawPayload).rows.map((row) => row.values),
      sheet.rows.map((row) => row.values),
    );
    const fromCsv = await upload(2027, csv.rawPayload);
    assert.equal(fromCsv.statusCode, 200, fromCsv.body);
    assert.deepEqual(
      (
        await test.app.inject({
          method: 'GET',
          url: '/api/v1/plan/staff/years/2027/tasks.csv',
          headers: officer,
        })
      ).body,
      csv.body,
      'an exported CSV imports as the same tasks (the apostrophe guarding a formula is dropped)',
    );
  });

  it('tells the command line its progress and refuses a file that is not a workbook', async () => {
    const seen: [number, number][] = [];
    await importTasks(
      test.database.db,
      { userId: null },
      2028,
      Buffer.from([header, ...goodRows].join('\n')),
      'csv',
      {
        onProgress: (done, total) => seen.push([done, total]),
      },
    );
    assert.deepEqual(seen, [
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const notXlsx = await upload(2029, 'plain text', xlsxContentType);
    assert.equal(notXlsx.statusCode, 400);
    assert.equal((notXlsx.json() as { code: string }).code, 'invalid_workbook');
  });
});
