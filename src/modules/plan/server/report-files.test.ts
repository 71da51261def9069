// Evidence files on progress reports, on the real app: the lead department attaches them while its
// report awaits review, the readers of the task download them, another department can do neither,
// a decided report takes no more, a file of a refused type is refused by name and nothing is kept,
// and a resubmission starts with the returned revision's files while the history keeps both lists;
// the lead department removes a file while its revision awaits review (never a reviewed revision's,
// nor one carried over from the returned revision); a reload of the samples takes their files with
// them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { removalAudit, storedFileExists } from '../../../kernel/server/files/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { Report, ReportFile, TaskDetail } from '../contract.ts';
import { taskInput } from '../test/factories.ts';

type Headers = Record<string, string>;

const year = 2031;
const leadCode = 'DHRP-DHR';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('evidence files on progress reports', () => {
  let test: TestApp;
  let officer: Headers;
  let lead: Headers;
  let cooperating: Headers;
  let another: Headers;
  let committee: Headers;
  let taskId: number;

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Headers, payload?: unknown) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const upload = (reportId: number, headers: Headers, body: Buffer, name = 'evidence.pdf', language = 'ko') =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/plan/staff/reports/${reportId}/files?name=${encodeURIComponent(name)}`,
      headers: { ...headers, 'content-type': 'application/octet-stream', 'accept-language': language },
      payload: body,
    });
  const download = (reportId: number, fileId: string, headers: Headers) =>
    call('GET', `/plan/staff/reports/${reportId}/files/${fileId}`, headers);
  const remove = (reportId: number, fileId: string, headers: Headers, language = 'ko') =>
    call('DELETE', `/plan/staff/reports/${reportId}/files/${fileId}`, {
      ...headers,
      'accept-language': language,
    });
  const filesOf = async (reportId: number) => {
    const task = (await call('GET', `/plan/staff/tasks/${taskId}`, officer)).json() as TaskDetail;
    return task.reports.find((entry) => entry.id === reportId)?.files.map((entry) => entry.name);
  };
  const storedCount = async () => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from stored_files`.execute(
      test.database.db,
    );
    return Number(rows[0]?.n);
  };
  const submit = async (period: string) => {
    const response = await call('POST', `/plan/staff/tasks/${taskId}/reports`, lead, {
      period,
      statusCode: 'in-progress',
      narrative: 'Half done.',
      budgetExecuted: null,
      nextSteps: null,
      evidenceLinks: ['https://example.org/minutes'],
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as Report;
  };
  const review = async (reportId: number, decision: 'accept' | 'return') => {
    const response = await call('POST', `/plan/staff/reports/${reportId}/review`, officer, {
      decision,
      comment: decision === 'return' ? 'Attach the minutes.' : null,
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  const attached = async (reportId: number, headers: Headers, body: Buffer, name?: string) => {
    const response = await upload(reportId, headers, body, name);
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as ReportFile;
  };

  before(async () => {
    test = await createTestApp();
    // Departments of the dataset (without loading it all), so that the reload at the end keeps them.
    for (const code of [leadCode, 'DHRP-M18', 'HRO']) {
      await sql`insert into vocab_terms (vocabulary, code, name_ko, name_en)
        values ('departments', ${code}, ${code}, ${code})`.execute(test.database.db);
    }
    const sign = async (role: 'officer' | 'department' | 'committee', departmentCode?: string) =>
      (
        await signIn(
          test.app,
          await createUser(test.database, { role, ...(departmentCode ? { departmentCode } : {}) }),
        )
      ).headers;
    officer = await sign('officer');
    lead = await sign('department', leadCode);
    cooperating = await sign('department', 'DHRP-M18');
    another = await sign('department', 'HRO');
    committee = await sign('committee');
    const created = await call(
      'POST',
      '/plan/staff/tasks',
      officer,
      taskInput({ year, areaCode: null, leadDepartment: leadCode, cooperatingDepartments: ['DHRP-M18'] }),
    );
    assert.equal(created.statusCode, 201, created.body);
    taskId = (created.json() as TaskDetail).id;
  });
  after(() => test?.close());

  it('lets the lead department attach files that the report lists and its readers download', async () => {
    const report = await submit(`${year}-Q1`);
    const file = await attached(report.id, lead, pdf, '회의록 1.pdf');
    assert.equal(file.contentType, 'application/pdf');
    assert.equal(file.sizeBytes, pdf.length);
    await attached(report.id, lead, png, 'photo.png');

    const task = (await call('GET', `/plan/staff/tasks/${taskId}`, officer)).json() as TaskDetail;
    const listed = task.reports.find((entry) => entry.id === report.id);
    assert.deepEqual(
      listed?.files.map((entry) => [entry.name, entry.contentType]),
      [
        ['회의록 1.pdf', 'application/pdf'],
        ['photo.png', 'image/png'],
      ],
    );
    assert.deepEqual(
      listed?.evidenceLinks,
      ['https://example.org/minutes'],
      'the links stay beside the files',
    );

    for (const reader of [officer, lead, cooperating, committee]) {
      const response = await download(report.id, file.id, reader);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.match(String(response.headers['content-disposition']), /^attachment;/);
      assert.match(String(response.headers['content-disposition']), /filename\*=UTF-8''%ED%9A%8C/);
      assert.match(String(response.headers['cache-control']), /no-store/);
      assert.deepEqual(response.rawPayload, pdf);
    }
    await review(report.id, 'accept');
  });

  it('refuses another department both ways, and the office an upload, storing nothing', async () => {
    const report = await submit(`${year}-Q2`);
    const file = await attached(report.id, lead, pdf);
    const before = await storedCount();
    const byAnother = await upload(report.id, another, pdf);
    assert.equal(byAnother.statusCode, 404, byAnother.body);
    assert.equal((await download(report.id, file.id, another)).statusCode, 404);
    assert.equal(
      (await upload(report.id, cooperating, pdf)).statusCode,
      404,
      'a cooperator reads, not reports',
    );
    assert.equal((await upload(report.id, officer, pdf)).statusCode, 403);
    assert.equal(await storedCount(), before);
    assert.equal(
      (await download(report.id, '00000000-0000-4000-8000-000000000000', officer)).statusCode,
      404,
      'a file that is not on the report',
    );
    await review(report.id, 'accept');
  });

  it('refuses a file of another type with the bilingual 415 naming the field, keeping nothing', async () => {
    const report = await submit(`${year}-Q3`);
    const before = await storedCount();
    const text = Buffer.from('just some text, named as a PDF');
    const messages: string[] = [];
    for (const language of ['ko', 'en']) {
      const response = await upload(report.id, lead, text, 'fake.pdf', language);
      assert.equal(response.statusCode, 415, response.body);
      const problem = response.json() as { code: string; errors: { field: string; message: string }[] };
      assert.equal(problem.code, 'file_type_refused');
      assert.equal(problem.errors[0]?.field, 'file');
      messages.push(problem.errors[0]?.message ?? '');
    }
    assert.match(messages[0] ?? '', /파일만/);
    assert.match(messages[1] ?? '', /Only PDF/);
    assert.equal(await storedCount(), before);
    const task = (await call('GET', `/plan/staff/tasks/${taskId}`, lead)).json() as TaskDetail;
    assert.deepEqual(task.reports.find((entry) => entry.id === report.id)?.files, []);
    await review(report.id, 'accept');
  });

  it('refuses new files on an accepted report with a 409', async () => {
    const report = (await call('GET', `/plan/staff/tasks/${taskId}`, lead)).json() as TaskDetail;
    const accepted = report.reports.find((entry) => entry.period === `${year}-Q1`) as Report;
    assert.equal(accepted.state, 'accepted');
    const before = await storedCount();
    const response = await upload(accepted.id, lead, pdf);
    assert.equal(response.statusCode, 409, response.body);
    assert.equal((response.json() as { code: string }).code, 'plan_report_closed');
    assert.equal(await storedCount(), before);
  });

  it('starts a resubmission with the returned revision’s files and keeps each revision’s list', async () => {
    const first = await submit(`${year}-Q4`);
    const kept = await attached(first.id, lead, pdf, 'first.pdf');
    await review(first.id, 'return');
    assert.equal((await upload(first.id, lead, pdf)).statusCode, 409, 'a returned revision is history');

    const second = await submit(`${year}-Q4`);
    assert.equal(second.revision, 2);
    assert.deepEqual(
      second.files.map((entry) => entry.id),
      [kept.id],
    );
    await attached(second.id, lead, png, 'second.png');
    const task = (await call('GET', `/plan/staff/tasks/${taskId}`, officer)).json() as TaskDetail;
    const names = (revision: number) =>
      task.reports
        .find((entry) => entry.period === `${year}-Q4` && entry.revision === revision)
        ?.files.map((entry) => entry.name);
    assert.deepEqual(names(1), ['first.pdf']);
    assert.deepEqual(names(2), ['first.pdf', 'second.png']);
    assert.equal((await download(first.id, kept.id, officer)).statusCode, 200);
    assert.equal((await download(second.id, kept.id, officer)).statusCode, 200);
  });

  it('lets the lead department remove a file while its revision awaits review, deleting the bytes and auditing', async () => {
    const task = (await call('GET', `/plan/staff/tasks/${taskId}`, lead)).json() as TaskDetail;
    const awaiting = task.reports.find((entry) => entry.state === 'submitted') as Report;
    const wrong = await attached(awaiting.id, lead, png, 'wrong.png');
    const later = await attached(awaiting.id, lead, pdf, 'later.pdf');
    assert.deepEqual(await filesOf(awaiting.id), ['first.pdf', 'second.png', 'wrong.png', 'later.pdf']);

    const before = await storedCount();
    for (const [who, headers, status] of [
      ['another department', another, 404],
      ['a cooperating department', cooperating, 404],
      ['the office', officer, 403],
      ['the committee', committee, 403],
      ['the public', {}, 401],
    ] as const) {
      assert.equal((await remove(awaiting.id, wrong.id, headers)).statusCode, status, who);
    }
    assert.equal(await storedCount(), before, 'nothing removed by those who may not');

    const removed = await remove(awaiting.id, wrong.id, lead);
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal(await storedFileExists(test.database.db, wrong.id), false, 'the stored file is gone');
    assert.equal(await storedCount(), before - 1);
    assert.deepEqual(await filesOf(awaiting.id), ['first.pdf', 'second.png', 'later.pdf']);
    const audit = await removalAudit(test.database.db, wrong.id);
    assert.equal(audit?.action, 'plan.remove-report-file');
    assert.equal(audit?.entity_id, String(awaiting.id));
    assert.equal(audit?.before.sha256, createHash('sha256').update(png).digest('hex'));
    assert.ok(!JSON.stringify(audit).includes('wrong.png'), 'the name stays out of the trail');
    assert.equal((await remove(awaiting.id, wrong.id, lead)).statusCode, 404, 'gone is gone');
    assert.equal((await download(awaiting.id, wrong.id, officer)).statusCode, 404);

    // The gap the removal left in the order is no obstacle to the next file.
    await attached(awaiting.id, lead, pdf, 'next.pdf');
    assert.deepEqual(await filesOf(awaiting.id), ['first.pdf', 'second.png', 'later.pdf', 'next.pdf']);
    assert.equal((await remove(awaiting.id, later.id, lead)).statusCode, 204);
  });

  it('keeps a reviewed revision’s files and those carried over from it, with a bilingual 409 and nothing changed', async () => {
    const task = (await call('GET', `/plan/staff/tasks/${taskId}`, lead)).json() as TaskDetail;
    const accepted = task.reports.find((entry) => entry.period === `${year}-Q1`) as Report;
    const returned = task.reports.find((entry) => entry.state === 'returned') as Report;
    const awaiting = task.reports.find((entry) => entry.state === 'submitted') as Report;
    const carried = returned.files[0]?.id ?? '';
    const before = await storedCount();

    const reviewed = await remove(accepted.id, accepted.files[0]?.id ?? '', lead, 'en');
    assert.equal(reviewed.statusCode, 409, reviewed.body);
    assert.equal(reviewed.json().code, 'plan_report_file_reviewed');
    assert.match(reviewed.json().title, /part of the record|record of that decision/);
    const inKorean = await remove(returned.id, carried, lead, 'ko');
    assert.equal(inKorean.statusCode, 409);
    assert.match(inKorean.json().title, /삭제할 수 없습니다/);
    const earlier = await remove(awaiting.id, carried, lead, 'en');
    assert.equal(earlier.statusCode, 409, earlier.body);
    assert.equal(earlier.json().code, 'plan_report_file_earlier');
    assert.match(earlier.json().title, /earlier revision/);

    assert.equal(await storedCount(), before);
    assert.equal((await download(awaiting.id, carried, officer)).statusCode, 200);
    assert.equal((await download(returned.id, carried, officer)).statusCode, 200);
  });

  it('removes the files of sample tasks when the samples are loaded again', async () => {
    const before = await storedCount();
    assert.ok(before > 0);
    await sql`update plan_tasks set is_sample = true where id = ${taskId}`.execute(test.database.db);
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: true, demo: false });
    assert.equal((await call('GET', `/plan/staff/tasks/${taskId}`, officer)).statusCode, 404);
    assert.equal(await storedCount(), 0);
  });
});
