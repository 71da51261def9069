/**
 * The register beyond its transition table: the seed's six historical ombudsman recommendations
 * (section 1.6, quoting the seed, nothing invented), the public tracker's filters and pagination, a
 * department's isolation from other departments' recommendations, and recording and editing with its
 * validation and optimistic version.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { Recommendation, RecommendationList, StaffRecommendation } from '../contract.ts';
import { createRecommendation, type Headers, recommendationInput } from '../test/factories.ts';

const seedText = readFileSync(
  new URL('../../../../datasets/gwangju/source/major-policies-and-systems-of-gwangju.txt', import.meta.url),
  'utf8',
);
const section16 = seedText.slice(seedText.indexOf('1.6. Introduction'), seedText.indexOf('1.7.'));
/** The dataset's parts this file needs: the departments (vocab), the figures (seed), the register. */
const seeding = modules.filter((module) => ['vocab', 'seed', 'recommendations'].includes(module.name));

describe('recommendations register', () => {
  let test: TestApp;
  let officer: Headers;
  let dhr: Headers;
  let hro: Headers;
  let committee: Headers;

  const get = async <T>(url: string, headers?: Headers, status = 200) => {
    const response = await test.app.inject({ url: `/api/v1${url}`, ...(headers ? { headers } : {}) });
    assert.equal(response.statusCode, status, `${url}: ${response.body}`);
    return response.json() as T;
  };

  before(async () => {
    test = await createTestApp();
    await loadDataset({
      database: test.database,
      modules: seeding,
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    dhr = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DHRP-DHR' }),
      )
    ).headers;
    hro = (
      await signIn(test.app, await createUser(test.database, { role: 'department', departmentCode: 'HRO' }))
    ).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
  });
  after(() => test.close());

  it('holds the six matters of section 1.6 as public historical ombudsman recommendations, quoting the seed', async () => {
    const list = await get<RecommendationList>('/recommendations?source=ombudsman');
    assert.equal(list.total, 6);
    assert.deepEqual(
      list.items.map((item) => item.source.citation),
      [
        'the installation of CCTV in psychiatric facilities',
        'denial of applications for water supply',
        'limiting the rights of public officials to organize labor unions',
        'physical violence to hospitalized patients',
        'limited access of the citizens to the city hall',
        'privacy infringement of various citizens at the request of police',
      ],
    );
    for (const item of list.items) {
      // Each quotes the seed's own words, in the section that names it ...
      assert.ok(section16.includes(item.source.citation ?? '-'), item.source.citation ?? '');
      assert.ok(item.text.en.includes(item.source.citation ?? '-'));
      assert.equal(item.source.section, '1.6');
      assert.equal(item.source.kind, 'ombudsman');
      assert.equal(item.historical, true);
      assert.equal(item.isPublic, true);
      // ... and the seed states no date, department or answer: none is invented.
      assert.equal(item.issuedOn, null);
      assert.equal(item.answerDue, null);
      assert.equal(item.implementationDue, null);
      assert.deepEqual(item.departments, []);
    }
    const one = await get<Recommendation>(`/recommendations/${list.items[0]?.id}`);
    assert.deepEqual(one.timeline, []);
    assert.deepEqual(one.tags, []);
  });

  it('keeps the historical records, and their addresses, when the dataset is loaded again', async () => {
    const before = await get<RecommendationList>('/recommendations?source=ombudsman');
    await loadDataset({
      database: test.database,
      modules: seeding,
      city: 'gwangju',
      reset: true,
      demo: false,
    });
    const again = await get<RecommendationList>('/recommendations?source=ombudsman');
    assert.deepEqual(again.items.map((item) => item.id).sort(), before.items.map((item) => item.id).sort());
  });

  it('refuses to edit a historical record through the API: the dataset holds it', async () => {
    const list = await get<RecommendationList>('/recommendations?source=ombudsman', officer);
    const item = list.items[0];
    assert.ok(item);
    const response = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/recommendations/${item.id}`,
      headers: officer,
      payload: { ...recommendationInput({ departments: ['HRO'] }), version: item.version },
    });
    assert.equal(response.statusCode, 409, response.body);
    assert.equal(response.json().code, 'recommendations_historical');
  });

  it('filters the public tracker by source, department, status and year, and pages it', async () => {
    const a = await createRecommendation(test.app, officer, {
      departments: ['DHRP-DHR'],
      isPublic: true,
      issuedOn: '2025-06-01',
      source: { kind: 'committee', reference: '2025년 회의록' },
    });
    const b = await createRecommendation(test.app, officer, {
      departments: ['HRO', 'DHRP-DHR'],
      isPublic: true,
      issuedOn: '2026-02-01',
      source: { kind: 'un', reference: 'CCPR/C/KOR/CO/5, para. 13' },
    });
    const hidden = await createRecommendation(test.app, officer, { departments: ['HRO'], isPublic: false });
    const ids = (list: RecommendationList) => list.items.map((item) => item.id);

    const all = await get<RecommendationList>('/recommendations?limit=100');
    assert.equal(all.total, 8);
    assert.ok(!ids(all).includes(hidden.id));
    // Dated ones first, newest first; the undated historical ones after them.
    assert.deepEqual(ids(all).slice(0, 2), [b.id, a.id]);
    assert.deepEqual(ids(await get('/recommendations?source=un')), [b.id]);
    assert.deepEqual(ids(await get('/recommendations?department=DHRP-DHR')), [b.id, a.id]);
    assert.deepEqual(ids(await get('/recommendations?department=HRO')), [b.id]);
    assert.deepEqual(ids(await get('/recommendations?year=2025')), [a.id]);
    assert.deepEqual(ids(await get('/recommendations?status=answered')), []);
    const page = await get<RecommendationList>('/recommendations?limit=3&offset=3');
    assert.deepEqual([page.total, page.limit, page.offset, page.items.length], [8, 3, 3, 3]);
    assert.deepEqual(ids(page), ids(all).slice(3, 6));

    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/${a.id}/transitions`,
      headers: dhr,
      payload: {
        action: 'answer',
        version: a.version,
        departmentCode: 'DHRP-DHR',
        answer: 'accepted',
        reasons: '수용',
      },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.deepEqual(ids(await get('/recommendations?status=answered')), [a.id]);
    const timeline = (await get<Recommendation>(`/recommendations/${a.id}`)).timeline;
    assert.deepEqual(
      timeline.map((event) => [event.action, event.answer, event.departmentCode]),
      [
        ['issue', null, null],
        ['answer', 'accepted', 'DHRP-DHR'],
      ],
    );

    const bad = await test.app.inject({ url: '/api/v1/recommendations?source=newspaper&limit=0' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
      ['querystring.limit', 'querystring.source'],
    );
  });

  it('keeps a non-public recommendation out of every public answer and from departments it is not addressed to', async () => {
    const secret = await createRecommendation(test.app, officer, {
      departments: ['HRO'],
      isPublic: false,
      text: { ko: '비공개 권고 문구', en: 'unpublished recommendation wording' },
    });
    // The public, and anyone signed in, through the public tracker.
    await get(`/recommendations/${secret.id}`, undefined, 404);
    await get(`/recommendations/${secret.id}`, hro, 404);
    for (const headers of [undefined, officer, hro]) {
      const response = await test.app.inject({
        url: '/api/v1/recommendations?limit=100',
        ...(headers ? { headers } : {}),
      });
      assert.ok(!response.body.includes(secret.id));
      assert.ok(!response.body.includes('unpublished recommendation wording'));
    }
    // The department it is addressed to sees it and may answer; another department does not see it.
    const own = await get<StaffRecommendation>(`/recommendations/staff/${secret.id}`, hro);
    assert.deepEqual(own.answerableDepartments, ['HRO']);
    await get(`/recommendations/staff/${secret.id}`, dhr, 404);
    const theirs = await get<RecommendationList>('/recommendations/staff?limit=100', dhr);
    assert.ok(!theirs.items.some((item) => item.id === secret.id));
    assert.ok(theirs.items.every((item) => item.departments.some((part) => part.code === 'DHRP-DHR')));
    const mine = await get<RecommendationList>('/recommendations/staff?limit=100', hro);
    assert.ok(mine.items.some((item) => item.id === secret.id));
    const refused = await test.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/${secret.id}/transitions`,
      headers: dhr,
      payload: {
        action: 'answer',
        version: secret.version,
        departmentCode: 'HRO',
        answer: 'accepted',
        reasons: '수용',
      },
    });
    assert.equal(refused.statusCode, 404, refused.body);
    // Nor does the portal's search find it; it finds the public ones.
    const search = await test.app.inject({
      url: `/api/v1/portal/search?q=${encodeURIComponent('권고 문구')}`,
    });
    assert.equal(search.statusCode, 200, search.body);
    assert.ok(!search.body.includes(secret.id));
    const found = await test.app.inject({ url: `/api/v1/portal/search?q=${encodeURIComponent('CCTV')}` });
    assert.ok(found.body.includes('/recommendations/'), found.body);
    // Roles outside the register's staff are refused before anything is read.
    await get(`/recommendations/staff/${secret.id}`, committee, 403);
    await get('/recommendations/staff', undefined, 401);
  });

  it('records a recommendation only with known departments and due dates in order, changing nothing otherwise', async () => {
    const before = await get<RecommendationList>('/recommendations/staff?limit=1', officer);
    const send = (payload: object) =>
      test.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: officer, payload });
    const unknown = await send(recommendationInput({ departments: ['HRO', 'NO-SUCH-DEPT'] }));
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.equal(unknown.json().errors[0].field, 'body.departments.1');
    const order = await send(
      recommendationInput({ departments: ['HRO'], answerDue: '2026-05-01', implementationDue: '2026-04-01' }),
    );
    assert.equal(order.statusCode, 400, order.body);
    assert.equal(order.json().errors[0].field, 'body.implementationDue');
    const term = await send(
      recommendationInput({ departments: ['HRO'], tags: [{ vocabulary: 'rights', code: 'no-such-right' }] }),
    );
    assert.equal(term.statusCode, 400, term.body);
    const extra = await send({ ...recommendationInput({ departments: ['HRO'] }), caseId: 'x' });
    assert.equal(extra.statusCode, 400, extra.body);
    const none = await send(recommendationInput({ departments: [] }));
    assert.equal(none.statusCode, 400, none.body);
    const department = await test.app.inject({
      method: 'POST',
      url: '/api/v1/recommendations',
      headers: hro,
      payload: recommendationInput({ departments: ['HRO'] }),
    });
    assert.equal(department.statusCode, 403);
    assert.equal(
      (await get<RecommendationList>('/recommendations/staff?limit=1', officer)).total,
      before.total,
    );
  });

  it('edits with the version read, fixes the departments once one has answered, and tags with the vocabularies', async () => {
    const created = await createRecommendation(test.app, officer, { departments: ['HRO'] });
    const put = (payload: object) =>
      test.app.inject({
        method: 'PUT',
        url: `/api/v1/recommendations/${created.id}`,
        headers: officer,
        payload,
      });
    const edited = await put({
      ...recommendationInput({
        departments: ['HRO', 'DHRP-DHR'],
        isPublic: true,
        tags: [{ vocabulary: 'departments', code: 'HRO' }],
      }),
      version: created.version,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const body = edited.json() as StaffRecommendation;
    assert.equal(body.version, created.version + 1);
    assert.deepEqual(
      body.departments.map((part) => part.code),
      ['DHRP-DHR', 'HRO'],
    );
    assert.deepEqual(body.tags, [
      { vocabulary: 'departments', code: 'HRO', name: { ko: '인권담당관실', en: 'Human Rights Office' } },
    ]);
    const stale = await put({ ...recommendationInput({ departments: ['HRO'] }), version: created.version });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');
    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/${created.id}/transitions`,
      headers: hro,
      payload: {
        action: 'answer',
        version: body.version,
        departmentCode: 'HRO',
        answer: 'not_accepted',
        reasons: '예산 없음',
      },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    const fixed = await put({
      ...recommendationInput({ departments: ['DHRP-DHR'] }),
      version: body.version + 1,
    });
    assert.equal(fixed.statusCode, 400, fixed.body);
    assert.equal(fixed.json().errors[0].field, 'body.departments');
  });
});
