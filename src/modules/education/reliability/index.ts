/**
 * The education module's part of the reliability suite: public programmes made through the API for the
 * authorization matrix, a one-session attendance sheet for the upload, and the records staff edit with
 * a version: a programme, and a year's population (both its first entry, version 0, where two editors
 * race to insert the row, and a later edit of it).
 *
 * The public page and the edit route share a path, so one programme: an allowed edit with the suite's
 * generated body may make it non-public, which would turn the public page's calls into 404s (refusals)
 * for every caller after it, so it is made public again before each of those calls.
 *
 * Nothing is planted for the personal-data check: sessions hold head counts, never attendees' names,
 * and the one name the module keeps (a session's instructor, shown to staff only) needs a programme,
 * which needs one of Table 3's groups, which only the dataset brings; the personal-data server starts
 * without it.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import type { CoverageYear, ProgrammeDetail } from '../contract.ts';

const api = '/api/v1/education';

async function createProgramme(test: TestApp, userId: string, groupCode: string): Promise<ProgrammeDetail> {
  const created = await test.app.inject({
    method: 'POST',
    url: `${api}/programmes`,
    headers: await sessionHeaders(test.database.db, userId),
    payload: { groupCode, title: { ko: '가', en: 'A' }, isPublic: true },
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json() as ProgrammeDetail;
}

/**
 * The concurrent-edit test runs without the dataset, which is where Table 3's groups come from; a
 * programme needs one.
 */
async function ensureGroup(test: TestApp): Promise<string> {
  const code = 'reliability-group';
  await sql`insert into education_groups
      (code, sort_order, name_ko, name_en, class_types_ko, class_types_en, source_section)
    values (${code}, 99, '시험 집단', 'Test group', '시험', 'Test', 'Table 3')
    on conflict (code) do nothing`.execute(test.database.db);
  return code;
}

const editorTitle = (index: number) => ({ ko: `편집자 ${index}`, en: `Editor ${index}` });

function populationRecord(name: string, year: number, firstEntry: boolean): EditableRecord {
  const base = 1000;
  return {
    name,
    async create(test, adminId) {
      let version = 0;
      if (!firstEntry) {
        const recorded = await test.app.inject({
          method: 'PUT',
          url: `${api}/population/${year}`,
          headers: await sessionHeaders(test.database.db, adminId),
          payload: { population: base, version },
        });
        assert.equal(recorded.statusCode, 200, recorded.body);
        version = 1;
      }
      return {
        method: 'PUT',
        url: `${api}/population/${year}`,
        readUrl: `${api}/staff/programmes`,
        version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ population: base + 1 + index, version }),
    read(index, body) {
      const { coverage } = body as { coverage: CoverageYear[] };
      const row = coverage.find((item) => item.year === year);
      return { madeBy: row?.population === base + 1 + index, version: row?.populationVersion ?? 0 };
    },
  };
}

/** The programme the matrix calls the per-programme routes with. */
let matrixProgramme = '';

export const reliability: ModuleReliability = {
  async authorizationRecords({ test, users }) {
    const { programme } = await createProgramme(test, users.officer.id, 'public-officials');
    matrixProgramme = programme.id;
    const records: Record<string, Variants> = {};
    for (const path of [
      `${api}/programmes/{id}`,
      `${api}/programmes/{id}/sessions`,
      `${api}/programmes/{id}/attendance`,
      `${api}/staff/programmes/{id}`,
    ]) {
      records[path] = { another: { id: programme.id }, exists: true };
    }
    return () => records;
  },
  async beforeCall(operationId, { test, users, headers }) {
    if (operationId !== `GET ${api}/programmes/{id}`) return;
    const url = `${api}/programmes/${matrixProgramme}`;
    if ((await test.app.inject({ method: 'GET', url })).statusCode === 200) return;
    const officer = await headers(users.officer.id);
    const staffUrl = `${api}/staff/programmes/${matrixProgramme}`;
    const { programme } = (
      await test.app.inject({ method: 'GET', url: staffUrl, headers: officer })
    ).json() as ProgrammeDetail;
    const restored = await test.app.inject({
      method: 'PUT',
      url,
      headers: officer,
      payload: {
        version: programme.version,
        groupCode: programme.groupCode,
        title: programme.title,
        summary: programme.summary,
        isPublic: true,
        tags: [],
      },
    });
    assert.equal(restored.statusCode, 200, restored.body);
  },
  rawBodies: {
    [`POST ${api}/programmes/{id}/attendance`]: {
      contentType: 'text/csv',
      payload: 'date,place,instructor,participants\n2030-03-04,Hall,Instructor,10\n',
    },
  },
  editableRecords: [
    {
      name: 'an education programme (PUT /education/programmes/:id)',
      async create(test, adminId) {
        const { programme } = await createProgramme(test, adminId, await ensureGroup(test));
        return {
          method: 'PUT',
          url: `${api}/programmes/${programme.id}`,
          readUrl: `${api}/staff/programmes/${programme.id}`,
          version: programme.version,
          editorId: adminId,
        };
      },
      change: (index, version) => ({
        version,
        groupCode: 'reliability-group',
        title: editorTitle(index),
        isPublic: true,
        tags: [],
      }),
      read(index, body) {
        const { programme } = body as ProgrammeDetail;
        const expected = editorTitle(index);
        return {
          madeBy: programme.title.ko === expected.ko && programme.title.en === expected.en,
          version: programme.version,
        };
      },
    },
    populationRecord(
      "a year's population, first entry (PUT /education/population/:year, version 0)",
      2091,
      true,
    ),
    populationRecord("a year's population (PUT /education/population/:year)", 2092, false),
  ],
};
