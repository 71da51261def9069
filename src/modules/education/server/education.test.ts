import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { writeWorkbook, xlsxContentType } from '../../../kernel/server/spreadsheet.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { Overview, ProgrammeDetail } from '../contract.ts';
import { educationModule } from '../module.ts';

const seedText = readFileSync(
  new URL('../../../../datasets/gwangju/source/major-policies-and-systems-of-gwangju.txt', import.meta.url),
  'utf8',
);

/** Table 3 as the seed prints it: blocks of group, types of education, participants. */
function seedTable3(): { group: string; types: string; participants: number }[] {
  const table = seedText.slice(seedText.indexOf('Table 3:'), seedText.indexOf('2.5. Collaboration'));
  const lines = table
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const start = lines.indexOf('Participants') + 1;
  const rows = [];
  for (let index = start; index + 2 < lines.length + 1; index += 3) {
    rows.push({
      group: lines[index] ?? '',
      types: lines[index + 1] ?? '',
      participants: Number((lines[index + 2] ?? '').replace(/,/g, '')),
    });
  }
  return rows;
}

type Headers = { cookie: string; 'x-csrf-token': string };

describe('education', () => {
  let test: TestApp;
  let officer: Headers;
  let committee: Headers;

  const get = <T>(url: string, headers?: Headers) =>
    test.app.inject({ url, ...(headers ? { headers } : {}) }).then((response) => {
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as T;
    });
  const createProgramme = async (payload: Record<string, unknown>) => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/education/programmes',
      headers: officer,
      payload,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as ProgrammeDetail;
  };
  const upload = (id: string, body: string | Buffer, type = 'text/csv') =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/education/programmes/${id}/attendance`,
      headers: { ...officer, 'content-type': type, 'accept-language': 'en' },
      payload: body,
    });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
  });
  after(() => test.close());

  it('reproduces Table 3 exactly: six groups, their types of education and participants, summing to 275,079', async () => {
    const expected = seedTable3();
    assert.equal(expected.length, 6);
    const body = await get<Overview>('/api/v1/education');
    const groups = new Map(body.groups.map((group) => [group.code, group]));
    assert.equal(body.table3.year, 2017);
    assert.deepEqual(
      body.table3.rows.map((row) => {
        const group = groups.get(row.groupCode);
        return { group: group?.name.en, types: group?.classTypes.en, participants: row.participants };
      }),
      expected,
    );
    assert.equal(body.table3.total, 275_079);

    const csv = await test.app.inject({ url: '/api/v1/open-data/education-participants.csv' });
    assert.equal(csv.statusCode, 200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines.length, 7);
    assert.match(lines[1] ?? '', /^2017,public-officials,.*,9518,Table 3$/);
  });

  it('refuses a dataset whose Table 3 differs from figures.csv, naming the file and line, and changes nothing', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'rightscity-education-'));
    try {
      await cp(fileURLToPath(new URL('../../../../datasets/', import.meta.url)), copy, { recursive: true });
      const file = join(copy, 'gwangju', 'education-participants.csv');
      await writeFile(file, (await readFile(file, 'utf8')).replace(',9518,', ',9519,'));
      await assert.rejects(
        loadDataset({
          database: test.database,
          modules,
          city: 'gwangju',
          reset: true,
          demo: false,
          datasetsDir: copy,
        }),
        /education-participants\.csv, line 2: column "participants": 9519 differs from figure "table3-public-officials" \(9518\)/,
      );
      const body = await get<Overview>('/api/v1/education');
      assert.equal(body.table3.total, 275_079);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('gives coverage for 2013 and 2017 with the computed and the stated rates side by side', async () => {
    const { coverage } = await get<Overview>('/api/v1/education');
    const byYear = new Map(coverage.map((year) => [year.year, year]));
    const of2013 = byYear.get(2013);
    assert.equal(of2013?.participants, 250_422);
    assert.equal(of2013?.statedRate, 16.8);
    // The seed gives no population for 2013: no rate is invented for it.
    assert.equal(of2013?.population, null);
    assert.equal(of2013?.computedRate, null);
    const of2017 = byYear.get(2017);
    assert.equal(of2017?.participants, 275_079);
    assert.equal(of2017?.population, 1_485_000);
    assert.equal(of2017?.populationFigure, 'population-2017');
    assert.equal(of2017?.computedRate, 18.52);
    assert.equal(of2017?.statedRate, 18.5);

    const csv = await test.app.inject({ url: '/api/v1/open-data/education-coverage.json' });
    const rows = (csv.json() as { rows: Record<string, unknown>[] }).rows;
    assert.deepEqual(
      rows.map((row) => [
        row.year,
        row.participants,
        row.coverage_computed_percent,
        row.coverage_stated_percent,
      ]),
      [
        [2013, 250_422, null, 16.8],
        [2017, 275_079, 18.52, 18.5],
      ],
    );
    const headlines = await educationModule.headlines?.(test.database.db);
    assert.deepEqual(
      headlines?.map((headline) => [headline.id, headline.value, headline.asOf]),
      [
        ['education-participants', 275_079, '2017'],
        ['education-coverage', 18.52, '2017'],
      ],
    );
  });

  it('imports nothing from an attendance sheet with a bad row, and names the row and column', async () => {
    const { programme } = await createProgramme({
      groupCode: 'ordinary-citizens',
      title: { ko: '시내버스 노동자 인권교육', en: 'Human rights class for city bus workers' },
      isPublic: true,
    });
    const bad =
      'date,place,instructor,participants\n2024-03-05,City Hall,Kim,30\n2024-03-12,City Hall,Kim,thirty\n';
    const refused = await upload(programme.id, bad);
    assert.equal(refused.statusCode, 400, refused.body);
    const problem = refused.json() as { code: string; errors: { field: string; message: string }[] };
    assert.equal(problem.code, 'education_sheet_invalid');
    assert.deepEqual(
      problem.errors.map((error) => error.field),
      ['sheet.3.participants'],
    );
    assert.match(problem.errors[0]?.message ?? '', /^Row 3, column "participants"/);

    const workbook = writeWorkbook([
      {
        name: 'Attendance',
        columns: ['날짜', '장소', '강사', '참여자 수'],
        rows: [
          { 날짜: '2024-04-02', 장소: '시청', 강사: '박', '참여자 수': 12 },
          { 날짜: '2024-04-31', 장소: '', 강사: '박', '참여자 수': 12 },
        ],
      },
    ]);
    const refusedXlsx = await upload(programme.id, workbook, xlsxContentType);
    assert.equal(refusedXlsx.statusCode, 400, refusedXlsx.body);
    assert.deepEqual(
      (refusedXlsx.json() as { errors: { field: string }[] }).errors.map((error) => error.field),
      ['sheet.3.날짜', 'sheet.3.장소'],
    );
    let detail = await get<ProgrammeDetail>(`/api/v1/education/staff/programmes/${programme.id}`, officer);
    assert.equal(detail.sessions.length, 0, 'nothing of either refused sheet was recorded');

    const good = await upload(programme.id, bad.replace('thirty', '31'));
    assert.equal(good.statusCode, 200, good.body);
    assert.deepEqual(good.json(), { imported: 2, participants: 61 });
    const goodXlsx = await upload(
      programme.id,
      writeWorkbook([
        {
          name: 'Attendance',
          columns: ['날짜', '장소', '강사', '참여자 수'],
          rows: [{ 날짜: '2024-04-02', 장소: '시청', 강사: '박', '참여자 수': 12 }],
        },
      ]),
      xlsxContentType,
    );
    assert.deepEqual(goodXlsx.json(), { imported: 1, participants: 12 });
    detail = await get<ProgrammeDetail>(`/api/v1/education/staff/programmes/${programme.id}`, officer);
    assert.deepEqual(
      detail.sessions.map((session) => [session.heldOn, session.instructor, session.participants]),
      [
        ['2024-04-02', '박', 12],
        ['2024-03-12', 'Kim', 31],
        ['2024-03-05', 'Kim', 30],
      ],
    );
    // The public see the sessions without the instructors.
    const shown = await get<ProgrammeDetail>(`/api/v1/education/programmes/${programme.id}`);
    assert.equal(shown.sessions[0]?.instructor, undefined);
  });

  it('sums sessions into participants per year and group, and coverage once the population is recorded', async () => {
    const { programme } = await createProgramme({
      groupCode: 'public-officials',
      title: { ko: '수요 인권교실', en: 'Wednesday Human Rights Class' },
    });
    const recorded = await test.app.inject({
      method: 'POST',
      url: `/api/v1/education/programmes/${programme.id}/sessions`,
      headers: officer,
      payload: { heldOn: '2025-05-07', place: 'City Hall', instructor: 'Lee', participants: 40 },
    });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const setPopulation = (version: number) =>
      test.app.inject({
        method: 'PUT',
        url: '/api/v1/education/population/2025',
        headers: officer,
        payload: { population: 1_000_000, version },
      });
    const first = await setPopulation(0);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().population, 1_000_000);
    assert.equal(first.json().populationVersion, 1, 'the answer carries the version to edit from');
    assert.equal((await setPopulation(0)).statusCode, 409, 'a stale version is a conflict');
    const body = await get<Overview>('/api/v1/education');
    assert.deepEqual(
      body.participants
        .filter((row) => row.year === 2025)
        .map((row) => [row.groupCode, row.participants, row.source]),
      [['public-officials', 40, 'sessions']],
    );
    const of2025 = body.coverage.find((year) => year.year === 2025);
    assert.equal(of2025?.participants, 40);
    assert.equal(of2025?.computedRate, 0);
    assert.equal(of2025?.statedRate, null);
    // A private programme is counted but neither listed nor shown to the public.
    assert.equal(
      body.programmes.some((entry) => entry.id === programme.id),
      false,
    );
    const hidden = await test.app.inject({ url: `/api/v1/education/programmes/${programme.id}` });
    assert.equal(hidden.statusCode, 404);
  });

  it('lets only the office write, refuses a stale edit, and searches public programmes only', async () => {
    const { programme } = await createProgramme({
      groupCode: 'children-youth',
      title: { ko: '찾아가는 인권교실', en: 'Visiting human rights class' },
      summary: { ko: '학교로 찾아가는 교실', en: 'A class that visits schools' },
      isPublic: true,
      tags: [{ vocabulary: 'target-groups', code: 'children-youth' }],
    });
    const edit = (version: number) =>
      test.app.inject({
        method: 'PUT',
        url: `/api/v1/education/programmes/${programme.id}`,
        headers: officer,
        payload: {
          version,
          groupCode: 'children-youth',
          title: { ko: '찾아가는 아동 인권교실', en: 'Visiting class for children' },
          isPublic: true,
        },
      });
    assert.equal((await edit(1)).statusCode, 200);
    assert.equal((await edit(1)).statusCode, 409);
    const byCommittee = await test.app.inject({
      method: 'POST',
      url: '/api/v1/education/programmes',
      headers: committee,
      payload: {},
    });
    assert.equal(byCommittee.statusCode, 403);
    const anonymous = await test.app.inject({
      method: 'POST',
      url: '/api/v1/education/programmes',
      payload: {},
    });
    assert.equal(anonymous.statusCode, 401);
    const unknownGroup = await test.app.inject({
      method: 'POST',
      url: '/api/v1/education/programmes',
      headers: officer,
      payload: { groupCode: 'nobody', title: { ko: '가', en: 'A' } },
    });
    assert.equal(unknownGroup.statusCode, 400);
    assert.equal(unknownGroup.json().errors[0].field, 'body.groupCode');

    const hits = await educationModule.publicSearch?.(test.database.db, '아동 인권', 10);
    assert.deepEqual(
      hits?.map((hit) => hit.path),
      [`/education/programmes/${programme.id}`],
    );
    assert.deepEqual(await educationModule.publicSearch?.(test.database.db, '수요', 10), []);
  });
});
