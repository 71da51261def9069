/**
 * My work: the one due-state rule (every boundary), and the API gathering every module's items for
 * the signed-in user: a department sees its own unanswered recommendation with its due state and
 * nobody else's, an answered one leaves the list, an officer sees none of its own but every
 * department's in the office's view, and the public and other roles are refused that view.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestBody, scheduleTestMeeting } from '../../../modules/committees/test/factories.ts';
import {
  addDepartments,
  createRecommendation,
  type Headers,
} from '../../../modules/recommendations/test/factories.ts';
import type { DepartmentWork } from '../../shared/department-work.ts';
import type { MyWork } from '../../shared/work.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import { setClockNow } from '../city/clock.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { byUrgency, dueStateOf } from './due-state.ts';

describe('due states', () => {
  it('says none, upcoming, due soon (within 7 days), due today and overdue against today', () => {
    const today = '2026-05-10';
    assert.equal(dueStateOf(null, today), 'none');
    assert.equal(dueStateOf('2026-05-09', today), 'overdue');
    assert.equal(dueStateOf('2025-12-31', today), 'overdue');
    assert.equal(dueStateOf('2026-05-10', today), 'due_today');
    assert.equal(dueStateOf('2026-05-11', today), 'due_soon');
    assert.equal(dueStateOf('2026-05-17', today), 'due_soon');
    assert.equal(dueStateOf('2026-05-18', today), 'upcoming');
    // Across a month's end, by calendar days.
    assert.equal(dueStateOf('2026-06-06', '2026-05-30'), 'due_soon');
    assert.equal(dueStateOf('2026-06-07', '2026-05-30'), 'upcoming');
  });

  it('orders the earliest due first and undated last', () => {
    const item = (key: string, dueOn: string | null) => ({ key, dueOn }) as Parameters<typeof byUrgency>[0];
    const sorted = [
      item('c', null),
      item('b', '2026-05-02'),
      item('a', '2026-05-01'),
      item('d', '2026-05-02'),
    ]
      .sort(byUrgency)
      .map((entry) => entry.key);
    assert.deepEqual(sorted, ['a', 'b', 'd', 'c']);
  });
});

describe('my work API', () => {
  let test: TestApp;
  let officer: Headers;
  let deptA: Headers;
  let deptB: Headers;
  let restoreClock: () => void;

  const get = async <T>(url: string, headers?: Headers, status = 200) => {
    const response = await test.app.inject({ url: `/api/v1${url}`, ...(headers ? { headers } : {}) });
    assert.equal(response.statusCode, status, `${url}: ${response.body}`);
    return response.json() as T;
  };

  before(async () => {
    // 10:00 in Seoul on 10 May 2026.
    restoreClock = setClockNow('2026-05-10T01:00:00Z');
    test = await createTestApp();
    await addDepartments(test.database, ['DEPT-A', 'DEPT-B']);
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    deptA = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DEPT-A' }),
      )
    ).headers;
    deptB = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DEPT-B' }),
      )
    ).headers;
  });
  after(async () => {
    restoreClock();
    await test.close();
  });

  it('lists a department’s unanswered recommendations with due states, only its own, until answered', async () => {
    const late = await createRecommendation(test.app, officer, {
      departments: ['DEPT-A'],
      text: { ko: '늦은 권고', en: 'A late recommendation' },
      answerDue: '2026-05-01',
    });
    const soon = await createRecommendation(test.app, officer, {
      departments: ['DEPT-A', 'DEPT-B'],
      text: { ko: '곧 회신할 권고', en: 'An answer due soon' },
      answerDue: '2026-05-15',
    });
    await createRecommendation(test.app, officer, {
      departments: ['DEPT-B'],
      text: { ko: '다른 부서의 권고', en: 'Another department’s' },
      answerDue: '2026-05-10',
    });

    const mine = await get<MyWork>('/my-work', deptA);
    assert.equal(mine.today, '2026-05-10');
    const recommendations = mine.items.filter((item) => item.module === 'recommendations');
    assert.deepEqual(
      recommendations.map((item) => [
        item.title.en,
        item.dueOn,
        item.dueState,
        item.path,
        item.departmentCode,
      ]),
      [
        ['A late recommendation', '2026-05-01', 'overdue', `/staff/recommendations/${late.id}`, 'DEPT-A'],
        ['An answer due soon', '2026-05-15', 'due_soon', `/staff/recommendations/${soon.id}`, 'DEPT-A'],
      ],
    );
    assert.equal(recommendations[0]?.kind, 'recommendations.answer');

    const theirs = (await get<MyWork>('/my-work', deptB)).items.filter(
      (item) => item.module === 'recommendations',
    );
    assert.deepEqual(
      theirs.map((item) => [item.title.en, item.dueState]),
      [
        ['Another department’s', 'due_today'],
        ['An answer due soon', 'due_soon'],
      ],
    );
    // The office answers on a department's behalf but has none of its own here.
    const office = (await get<MyWork>('/my-work', officer)).items.filter(
      (item) => item.module === 'recommendations',
    );
    assert.deepEqual(office, []);

    // Department A answers its part of the shared one: it leaves A's list, stays on B's.
    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/${soon.id}/transitions`,
      headers: deptA,
      payload: {
        action: 'answer',
        version: soon.version,
        departmentCode: 'DEPT-A',
        answer: 'accepted',
        reasons: '수용',
      },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.deepEqual(
      (await get<MyWork>('/my-work', deptA)).items
        .filter((i) => i.module === 'recommendations')
        .map((i) => i.title.en),
      ['A late recommendation'],
    );
    assert.equal(
      (await get<MyWork>('/my-work', deptB)).items.filter((i) => i.module === 'recommendations').length,
      2,
    );
  });

  it('gives officers each department’s waiting and overdue work, and nobody else', async () => {
    const view = await get<DepartmentWork>('/my-work/departments', officer);
    const byCode = new Map(view.departments.map((row) => [row.code, row]));
    const a = byCode.get('DEPT-A');
    const b = byCode.get('DEPT-B');
    assert.ok(a && b, JSON.stringify(view.departments.map((row) => row.code)));
    assert.deepEqual(a.name, { ko: 'DEPT-A 부서', en: 'DEPT-A division' });
    const recommendationsOf = (row: typeof a) =>
      row.items.filter((item) => item.module === 'recommendations');
    assert.deepEqual(
      recommendationsOf(a).map((item) => [item.title.en, item.dueState]),
      [['A late recommendation', 'overdue']],
    );
    assert.equal(recommendationsOf(b).length, 2);
    assert.equal(a.overdue, a.items.filter((item) => item.dueState === 'overdue').length);
    assert.ok(a.overdue >= 1);
    assert.equal(a.open, a.items.length);

    await get('/my-work/departments', deptA, 403);
    await get('/my-work/departments', undefined, 401);
    await get('/my-work', undefined, 401);
  });

  it('gives the secretariat meetings whose agenda is unpublished and committee members those to prepare, in the next 30 days', async () => {
    const committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' })))
      .headers;
    const body = await createTestBody(test.database);
    const meeting = (date: string, title: string, agendaPublished: boolean) =>
      scheduleTestMeeting(test.database, body, {
        startsAt: `${date}T14:00:00+09:00`,
        endsAt: `${date}T16:00:00+09:00`,
        title,
        agendaPublished,
      });
    const unpublished = await meeting('2026-05-14', 'Unpublished', false);
    const published = await meeting('2026-05-12', 'Published', true);
    await meeting('2026-05-09', 'Yesterday', false);
    await meeting('2026-06-10', 'Too far ahead', false);
    const committeesOf = async (headers: Headers) =>
      (await get<MyWork>('/my-work', headers)).items
        .filter((item) => item.module === 'committees')
        .map((item) => [item.title.en.split(' — ')[1], item.dueOn, item.dueState, item.path]);
    assert.deepEqual(await committeesOf(officer), [
      ['Unpublished', '2026-05-14', 'due_soon', `/committees/meetings/${unpublished}/edit`],
    ]);
    assert.deepEqual(await committeesOf(committee), [
      ['Published', '2026-05-12', 'due_soon', `/committees/meetings/${published}`],
    ]);
    assert.deepEqual(await committeesOf(deptA), []);
  });
});
