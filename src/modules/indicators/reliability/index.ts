/**
 * The indicators' part of the reliability suite, made through the API as the office would: indicator
 * 1-2 becomes the test department's own (it is responsible for it) and 1-1 another's, both
 * qualitative; a 2030 cycle at data collection with a questionnaire on each; a 2031 cycle at the
 * report with a complementation action owned by the test department and one owned by another; a 2032
 * cycle closed, whose results are public. And a minimal Open SDG CSV for the upload.
 *
 * `PATCH /actions/{id}`: the owner department may move the status but not change what and when. The
 * matrix sends the same generated body on both records, so that limit is a 400 on the field (the
 * caller is past the policy: it is its action) and the matrix states the rule that matters, whose
 * action it is ("own"). The field rule is tested in `server/cycle-work.test.ts`.
 *
 * The edits people make with a version: a target and plan, an area's self-assessment, an action's
 * status (by its owner department) and a year's value (by its department). The concurrent-edit suite
 * runs without the Gwangju dataset, so they act on an area and an indicator of their own, written
 * into the catalogue directly (the catalogue comes from the seed: no API creates an indicator).
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createUser } from '../../../kernel/server/accounts/testing.ts';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { EditableRecord, ModuleReliability, Variants } from '../../../reliability/contributions.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';

const area = 'RELIABILITY';
const indicator = '90-1';

async function catalogue(test: TestApp) {
  const db = test.database.db;
  await sql`insert into indicators_areas (code, number, name_ko, name_en, stated_count, source_section)
    values (${area}, 90, '동시 수정', 'Concurrent edits', 1, 'reliability')
    on conflict (code) do nothing`.execute(db);
  await sql`insert into indicators_indicators (code, area_code, name_ko, name_en, responsible_department)
    values (${indicator}, ${area}, '동시 수정 지표', 'Concurrently edited indicator', 'TEST-DEPT')
    on conflict (code) do nothing`.execute(db);
}

async function send(
  test: TestApp,
  headers: Record<string, string>,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  status = 200,
) {
  const response = await test.app.inject({
    method,
    url: `/api/v1/indicators${url}`,
    headers,
    ...(payload ? { payload } : {}),
  });
  assert.equal(response.statusCode, status, response.body);
  return response.json();
}

/** What an edit of an indicator sends back as it read it (`PUT /indicators/:code`). */
const editableFields = [
  ...['ohchrType', 'kind', 'status', 'task', 'unit', 'numerator', 'denominator', 'direction'],
  ...['dataSource', 'periodicity', 'responsibleDepartment', 'baseline', 'target', 'minValue'],
  ...['maxValue', 'changeThresholdPercent', 'tags'],
];

/** A cycle for `year` (one per use, so that none moves another's on), moved on by `actions`. */
async function cycleAt(test: TestApp, headers: Record<string, string>, year: number, actions: string[]) {
  let { version } = await send(test, headers, 'POST', '/cycles', { year }, 201);
  for (const action of actions) {
    ({ version } = await send(test, headers, 'POST', `/cycles/${year}/transitions`, { action, version }));
  }
}

/** An action's status says little about who set it; editors alternate, so a lost update shows half the time. */
const statusOf = (index: number) => (index % 2 === 0 ? 'in_progress' : 'done');

const editableRecords: EditableRecord[] = [
  {
    name: "a year's target and plan (PUT /indicators/cycles/:year/targets/:code)",
    async create(test, adminId) {
      const admin = await sessionHeaders(test.database.db, adminId);
      await catalogue(test);
      await cycleAt(test, admin, 2091, []);
      const url = `/cycles/2091/targets/${indicator}`;
      const body = { version: 0, targetValue: 1, targetYear: 2095, plan: 'First plan' };
      const { version } = await send(test, admin, 'PUT', url, body);
      const base = '/api/v1/indicators';
      return {
        method: 'PUT',
        url: `${base}${url}`,
        readUrl: `${base}/cycles/2091/targets`,
        version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ version, targetValue: index, targetYear: 2095, plan: `Editor ${index}` }),
    read(index, body) {
      const { targets } = body as {
        targets: { code: string; plan: string; targetValue: number; version: number }[];
      };
      const target = targets.find((row) => row.code === indicator);
      return {
        madeBy: target?.plan === `Editor ${index}` && target.targetValue === index,
        version: target?.version ?? 0,
      };
    },
  },
  {
    name: "an area's self-assessment (PUT /indicators/cycles/:year/assessments/:area)",
    async create(test, adminId) {
      const admin = await sessionHeaders(test.database.db, adminId);
      await catalogue(test);
      await cycleAt(test, admin, 2092, ['start_collection', 'start_assessment']);
      const url = `/cycles/2092/assessments/${area}`;
      const { version } = await send(test, admin, 'PUT', url, { version: 0, score: 3, narrative: 'First' });
      const base = '/api/v1/indicators';
      return {
        method: 'PUT',
        url: `${base}${url}`,
        readUrl: `${base}/cycles/2092/assessments`,
        version,
        editorId: adminId,
      };
    },
    change: (index, version) => ({ version, score: (index % 5) + 1, narrative: `Editor ${index}` }),
    read(index, body) {
      const { areas } = body as {
        areas: { areaCode: string; score: number; narrative: string; version: number }[];
      };
      const assessment = areas.find((row) => row.areaCode === area);
      return {
        madeBy: assessment?.narrative === `Editor ${index}` && assessment.score === (index % 5) + 1,
        version: assessment?.version ?? 0,
      };
    },
  },
  {
    name: "a complementation action's status, by its owner department (PATCH /indicators/actions/:id)",
    async create(test, adminId) {
      const admin = await sessionHeaders(test.database.db, adminId);
      await catalogue(test);
      await cycleAt(test, admin, 2093, ['start_collection', 'start_assessment', 'issue_report']);
      const action = await send(
        test,
        admin,
        'POST',
        '/cycles/2093/actions',
        {
          indicatorCode: indicator,
          description: 'Contested',
          ownerDepartment: 'TEST-DEPT',
          dueDate: '2094-01-31',
        },
        201,
      );
      const owner = await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' });
      const base = '/api/v1/indicators';
      return {
        method: 'PATCH',
        url: `${base}/actions/${action.id}`,
        readUrl: `${base}/cycles/2093/actions`,
        version: action.version,
        editorId: owner.id,
      };
    },
    change: (index, version) => ({ version, status: statusOf(index) }),
    read(index, body) {
      const { actions } = body as { actions: { status: string; version: number }[] };
      const [action] = actions;
      return {
        madeBy: actions.length === 1 && action?.status === statusOf(index),
        version: action?.version ?? 0,
      };
    },
  },
  {
    name: "an indicator's value of a year, by its department (PUT /indicators/:code/values/:year)",
    async create(test) {
      await catalogue(test);
      const owner = await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' });
      const headers = await sessionHeaders(test.database.db, owner.id);
      const url = `/${indicator}/values/2094`;
      const first = { dimensions: {}, value: 0, comment: 'First', version: 0 };
      const { rows } = await send(test, headers, 'PUT', url, { entries: [first] });
      const base = '/api/v1/indicators';
      return {
        method: 'PUT',
        url: `${base}${url}`,
        readUrl: `${base}${url}`,
        version: rows[0].version,
        editorId: owner.id,
      };
    },
    change: (index, version) => ({
      entries: [{ dimensions: {}, value: index, comment: `Editor ${index}`, version }],
    }),
    read(index, body) {
      const { rows } = body as {
        rows: { dimensions: object; value: string; comment: string; version: number }[];
      };
      const total = rows.find((row) => Object.keys(row.dimensions).length === 0);
      return {
        madeBy: total?.comment === `Editor ${index}` && Number(total.value) === index,
        version: total?.version ?? 0,
      };
    },
  },
];

export const reliability: ModuleReliability = {
  editableRecords,
  async authorizationRecords({ test, users, headers }) {
    const admin = await headers(users.admin.id);
    // The catalogue's assignment, as the office makes it: 1-2 is the test department's, 1-1 another's;
    // both qualitative, so that each can have a questionnaire.
    for (const [code, department] of [
      ['1-2', 'TEST-DEPT'],
      ['1-1', 'DHRP-DHR'],
    ] as const) {
      const { indicator } = await send(test, admin, 'GET', `/${code}`);
      const kept = Object.fromEntries(editableFields.map((field) => [field, indicator[field]]));
      await send(test, admin, 'PUT', `/${code}`, {
        ...kept,
        version: indicator.version,
        kind: 'qualitative',
        responsibleDepartment: department,
      });
    }
    // 2030 collects data (its questionnaires take answers); 2031 is at the report, where actions begin.
    await cycleAt(test, admin, 2030, ['start_collection']);
    const tokens: Record<string, string> = {};
    for (const code of ['1-1', '1-2']) {
      const questionnaire = await send(test, admin, 'PUT', `/cycles/2030/questionnaires/${code}`, {
        version: 0,
        title: { ko: '설문', en: 'Survey' },
        questions: [{ kind: 'likert', prompt: { ko: '만족합니까?', en: 'Are you satisfied?' } }],
      });
      tokens[code] = questionnaire.token;
    }
    await cycleAt(test, admin, 2031, ['start_collection', 'start_assessment', 'issue_report']);
    const actions: Record<string, number> = {};
    for (const owner of ['TEST-DEPT', 'DHRP-DHR']) {
      const action = await send(
        test,
        admin,
        'POST',
        '/cycles/2031/actions',
        { indicatorCode: '1-2', description: 'Reliability', ownerDepartment: owner, dueDate: '2032-01-31' },
        201,
      );
      actions[owner] = action.id;
    }
    // A committee comment on 2031's report, which the office answers.
    const committee = await headers(users.committee.id);
    const report = await send(
      test,
      committee,
      'POST',
      '/cycles/2031/report/comments',
      { body: 'Reliability' },
      201,
    );
    // 2032 is closed: its results are public.
    await cycleAt(test, admin, 2032, [
      'start_collection',
      'start_assessment',
      'issue_report',
      'start_complementation',
      'collect_results',
      'close',
    ]);
    const records: Record<string, Variants> = {
      '/api/v1/indicators/results/{year}': { another: { year: 2032 }, exists: true },
      '/api/v1/indicators/cycles/{year}/report/comments/{id}/answers': {
        another: { year: 2031, id: report.comments[0].id },
        exists: true,
      },
    };
    for (const suffix of ['', '/notes', '/cancel']) {
      records[`/api/v1/indicators/actions/{id}${suffix}`] = {
        own: { id: actions['TEST-DEPT'] },
        another: { id: actions['DHRP-DHR'] },
        exists: true,
      };
    }
    for (const path of ['/api/v1/indicators/{code}/values/{year}']) {
      records[path] = {
        own: { code: '1-2', year: 2030 },
        another: { code: '1-1', year: 2030 },
        exists: true,
      };
    }
    for (const suffix of ['', '/responses', '/aggregate', '/invitations', '/invitations/revoke']) {
      records[`/api/v1/indicators/cycles/{year}/questionnaires/{code}${suffix}`] = {
        own: { code: '1-2', year: 2030 },
        another: { code: '1-1', year: 2030 },
        exists: true,
      };
    }
    for (const suffix of ['', '/responses', '/invited-responses', '/results']) {
      records[`/api/v1/indicators/questionnaires/{token}${suffix}`] = {
        another: { token: tokens['1-1'] },
        exists: true,
      };
    }
    for (const path of [
      '/api/v1/indicators/{code}',
      '/api/v1/indicators/{code}/observations',
      '/api/v1/indicators/{code}/observations.csv',
      '/api/v1/indicators/{code}/observations.json',
    ]) {
      records[path] = { own: { code: '1-2' }, another: { code: '1-1' }, exists: true };
    }
    return () => records;
  },
  rawBodies: {
    'POST /api/v1/indicators/{code}/observations': {
      contentType: 'text/csv',
      payload: 'Year,Value\n2024,1\n',
    },
  },
};
