/**
 * The plan's part of the reliability suite. For the matrix: in a year of its own, a public task the
 * test department leads (its own: it reads it and reports on it) and one another department leads,
 * and a report on each, waiting for review, with an evidence file (the other department's report is
 * made by a user of that department): the test department attaches files to its own report,
 * downloads and removes its files, and none of that on the other's (a removed file is put back
 * before the next call, since the download and the removal share the files' path values). A task's public page
 * and the year's public view exist only for public tasks, so both tasks are public. The import gets
 * a task file with every column and no row: a valid file that changes nothing; an evidence upload, a
 * tiny PDF.
 *
 * Edited with a version: a task, a year's settings (version 0 until the first save) and a status
 * (a default, version 0 until it is first changed).
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createUser } from '../../../kernel/server/accounts/testing.ts';
import type { Db } from '../../../kernel/server/db.ts';
import { restorableFile } from '../../../kernel/server/files/testing.ts';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import { type CreateTaskInput, taskFileColumns } from '../contract.ts';
import { taskInput } from '../test/factories.ts';

const ownDepartment = 'TEST-DEPT';
const otherDepartment = 'DHRP-DHR';
/** A year no dataset plans, so that the suite's tasks are the year's only ones. */
const year = 2099;

/**
 * Tasks name departments of the `departments` vocabulary, which has no API for adding terms; the
 * test department is not in the dataset (and the concurrent-edit suite loads no dataset at all).
 */
async function ensureDepartments(db: Db, codes: readonly string[]) {
  for (const code of codes) {
    await sql`insert into vocab_terms (vocabulary, code, name_ko, name_en)
      values ('departments', ${code}, ${`시험 부서 ${code}`}, ${`Test department ${code}`})
      on conflict do nothing`.execute(db);
  }
}

async function createTask(test: TestApp, adminId: string, input: CreateTaskInput): Promise<number> {
  const created = await test.app.inject({
    method: 'POST',
    url: '/api/v1/plan/staff/tasks',
    headers: await sessionHeaders(test.database.db, adminId),
    payload: input,
  });
  assert.equal(created.statusCode, 201, created.body);
  return (created.json() as { id: number }).id;
}

/** The smallest thing the kernel takes for a PDF: its signature. */
const evidencePdf = '%PDF-1.4\n%%EOF\n';

/** Submits a report on `taskId` as the user with `reportHeaders`, attaches a PDF; returns both ids. */
async function reportWithFile(test: TestApp, taskId: number, reportHeaders: Record<string, string>) {
  const settings = await test.app.inject({
    method: 'GET',
    url: `/api/v1/plan/staff/years/${year}`,
    headers: reportHeaders,
  });
  assert.equal(settings.statusCode, 200, settings.body);
  const period = (settings.json() as { periods: { code: string }[] }).periods[0]?.code;
  const submitted = await test.app.inject({
    method: 'POST',
    url: `/api/v1/plan/staff/tasks/${taskId}/reports`,
    headers: reportHeaders,
    payload: {
      period,
      statusCode: 'in-progress',
      narrative: '신뢰성 시험 보고',
      budgetExecuted: null,
      nextSteps: null,
      evidenceLinks: [],
    },
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  const id = (submitted.json() as { id: number }).id;
  const uploaded = await test.app.inject({
    method: 'POST',
    url: `/api/v1/plan/staff/reports/${id}/files?name=evidence.pdf`,
    headers: { ...reportHeaders, 'content-type': 'application/pdf' },
    payload: evidencePdf,
  });
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  return { id, fileId: (uploaded.json() as { id: string }).id };
}

/** Puts back the evidence files an allowed removal took. */
let restoreFiles: (() => Promise<void>)[] = [];

const relTask = (overrides: Partial<CreateTaskInput>) =>
  taskInput({ year, areaCode: null, budgetPlanned: null, ...overrides });

/** The task's fields as the editor sends them back, with editor `index`'s title. */
const taskChange = (index: number, version: number) => {
  const { year: _year, ...fields } = relTask({ code: 'CONTESTED', leadDepartment: ownDepartment });
  return { ...fields, title: { ko: `편집자 ${index}`, en: `Editor ${index}` }, version };
};

const editableRecords: EditableRecord[] = [
  {
    name: 'a plan task (PUT /plan/staff/tasks/:id)',
    async create(test, adminId) {
      await ensureDepartments(test.database.db, [ownDepartment]);
      const id = await createTask(
        test,
        adminId,
        relTask({ code: 'CONTESTED', leadDepartment: ownDepartment }),
      );
      const url = `/api/v1/plan/staff/tasks/${id}`;
      return { method: 'PUT', url, readUrl: url, version: 1, editorId: adminId };
    },
    change: taskChange,
    read(index, body) {
      const { title, version } = body as { title: { ko: string; en: string }; version: number };
      return { madeBy: title.ko === `편집자 ${index}` && title.en === `Editor ${index}`, version };
    },
  },
  {
    name: "a plan year's settings (PUT /plan/staff/years/:year)",
    async create(_test, adminId) {
      const url = `/api/v1/plan/staff/years/${year}`;
      return { method: 'PUT', url, readUrl: url, version: 0, editorId: adminId };
    },
    change: (index, version) => ({
      periodsPerYear: 4,
      review: { ko: `편집자 ${index}`, en: `Editor ${index}` },
      version,
    }),
    read(index, body) {
      const { review, version } = body as { review: { ko: string; en: string } | null; version: number };
      return { madeBy: review?.ko === `편집자 ${index}` && review.en === `Editor ${index}`, version };
    },
  },
  {
    name: 'a plan status (PUT /plan/staff/statuses/:code)',
    async create(_test, adminId) {
      return {
        method: 'PUT',
        url: '/api/v1/plan/staff/statuses/completed',
        readUrl: '/api/v1/plan/staff/statuses',
        version: 0,
        editorId: adminId,
      };
    },
    change: (index, version) => ({
      name: { ko: `편집자 ${index}`, en: `Editor ${index}` },
      progress: 100,
      sortOrder: 50 + index,
      version,
    }),
    read(index, body) {
      const { statuses } = body as {
        statuses: { code: string; name: { ko: string; en: string }; sortOrder: number; version: number }[];
      };
      const status = statuses.find((entry) => entry.code === 'completed');
      return {
        madeBy:
          status?.name.ko === `편집자 ${index}` &&
          status.name.en === `Editor ${index}` &&
          status.sortOrder === 50 + index,
        version: status?.version ?? -1,
      };
    },
  },
];

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users, headers }) {
    await ensureDepartments(test.database.db, [ownDepartment, otherDepartment]);
    const own = await createTask(
      test,
      users.officer.id,
      relTask({ code: 'REL-OWN', leadDepartment: ownDepartment }),
    );
    const another = await createTask(
      test,
      users.officer.id,
      relTask({ code: 'REL-ANOTHER', leadDepartment: otherDepartment }),
    );
    const report = await reportWithFile(test, own, await headers(users.department.id));
    const otherUser = await createUser(test.database, {
      role: 'department',
      departmentCode: otherDepartment,
    });
    const otherReport = await reportWithFile(test, another, await headers(otherUser.id));
    restoreFiles = await Promise.all(
      [report, otherReport].map((made) => restorableFile(test.database.db, made.fileId, 'plan_report_files')),
    );

    const tasks = { own: { id: own }, another: { id: another }, exists: true };
    const ofYear = { another: { year }, exists: true };
    const records: Record<string, Variants> = {
      '/api/v1/plan/staff/reports/{id}/review': { another: { id: report.id }, exists: true },
      '/api/v1/plan/staff/reports/{id}/files': {
        own: { id: report.id },
        another: { id: otherReport.id },
        exists: true,
      },
      '/api/v1/plan/staff/reports/{id}/files/{fileId}': {
        own: report,
        another: otherReport,
        exists: true,
      },
      '/api/v1/plan/staff/statuses/{code}': { another: { code: 'completed' }, exists: true },
    };
    for (const suffix of ['', '/reports', '/comments']) {
      records[`/api/v1/plan/staff/tasks/{id}${suffix}`] = tasks;
    }
    records['/api/v1/plan/tasks/{id}'] = tasks;
    records['/api/v1/plan/years/{year}'] = ofYear;
    for (const suffix of [
      '',
      '/tasks',
      '/comments',
      '/overdue',
      '/tasks.csv',
      '/tasks.xlsx',
      '/tasks/import',
    ]) {
      records[`/api/v1/plan/staff/years/{year}${suffix}`] = ofYear;
    }
    return () => records;
  },
  async beforeCall(operationId) {
    if (!operationId.includes('/plan/staff/reports/{id}/files/')) return;
    for (const restore of restoreFiles) await restore();
  },
  rawBodies: {
    'POST /api/v1/plan/staff/years/{year}/tasks/import': {
      contentType: 'text/csv',
      payload: `${taskFileColumns.join(',')}\n`,
    },
    'POST /api/v1/plan/staff/reports/{id}/files': { contentType: 'application/pdf', payload: evidencePdf },
  },
  editableRecords,
};
