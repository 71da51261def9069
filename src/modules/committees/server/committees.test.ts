/**
 * The committees API on the real app: the seeded bodies, the seat limit and term alerts, quorum from
 * attendance, the minutes' workflow, recommendations closed only by their department's answer,
 * roundtable registration (waiting list, cancellation, the last seat under concurrency, personal data
 * and its access log and retention), and the iCalendar feed parsed by ical.js.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { addCalendarDays as addDays, cityToday } from '../../../kernel/server/city/clock.ts';
import { runCommand } from '../../../kernel/server/command.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { vocabDb } from '../../../kernel/server/vocabularies/tables.ts';
import { modules } from '../../../server/modules.ts';
import type { Body, MeetingDetail } from '../contract.ts';
import { committeesModule } from '../module.ts';
import { createTestBody, scheduleTestMeeting, seatTestMember } from '../test/factories.ts';
import { eraseRegistrants } from './commands/registrations.ts';

type Headers = Record<string, string>;
const api = '/api/v1/committees';
const future = (days: number, hour = 19) =>
  `${addDays(cityToday(), days)}T${String(hour).padStart(2, '0')}:00:00+09:00`;

describe('committees API', () => {
  let test: TestApp;
  const as = {} as Record<
    'public' | 'admin' | 'officer' | 'committee' | 'department' | 'otherDepartment' | 'organisation',
    Headers
  >;

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: object) =>
    payload === undefined
      ? test.app.inject({ method, url: `${api}${url}`, headers })
      : test.app.inject({ method, url: `${api}${url}`, headers, payload });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    as.public = {};
    for (const role of ['admin', 'officer', 'committee', 'organisation'] as const) {
      as[role] = (await signIn(test.app, await createUser(test.database, { role }))).headers;
    }
    // The register addresses recommendations to departments of the shared vocabulary only.
    await vocabDb(test.database.db)
      .insertInto('vocab_terms')
      .values(
        ['DEPT-A', 'DEPT-B'].map((code) => ({
          vocabulary: 'departments',
          code,
          name_ko: code,
          name_en: code,
        })),
      )
      .onConflict((oc) => oc.columns(['vocabulary', 'code']).doNothing())
      .execute();
    as.department = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DEPT-A' }),
      )
    ).headers;
    as.otherDepartment = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'DEPT-B' }),
      )
    ).headers;
  });
  after(() => test?.close());

  it('loads the three bodies of sections 2.1–2.3 with their rules and historical counts, and no members', async () => {
    const response = await call('GET', '/bodies', as.public);
    assert.equal(response.statusCode, 200);
    const bodies = (response.json() as { bodies: Body[] }).bodies;
    const byId = new Map(bodies.map((body) => [body.id, body]));
    const committee = byId.get('citizen-committee');
    assert.deepEqual(
      [
        committee?.seats,
        committee?.termYears,
        committee?.meetingsPerYear,
        committee?.sinceYear,
        committee?.seated,
      ],
      [20, 2, 4, 2009, 0],
    );
    assert.equal(committee?.vacancies, 20);
    assert.deepEqual(byId.get('joint-meeting')?.historical, {
      meetings: 69,
      years: 7,
      source: '2.2: joint-meetings, joint-meetings-years',
    });
    const roundtable = byId.get('roundtable');
    assert.equal(roundtable?.historical?.meetings, 66);
    assert.equal(roundtable?.historical?.years, 8);
    assert.equal(roundtable?.meetingsPerYear, 12);
    assert.equal(roundtable?.organisers.length, 5);
    assert.equal(roundtable?.isPublic, true);
    const { n } = (
      await sql<{ n: number }>`select count(*)::integer as n from committees_members`.execute(
        test.database.db,
      )
    ).rows[0] ?? { n: -1 };
    assert.equal(n, 0);
  });

  it('refuses a member beyond the seats and lists the terms ending within 60 days', async () => {
    const bodyId = await createTestBody(test.database, { seats: 2 });
    const today = cityToday();
    const soon = { termStart: addDays(today, -700), termEnd: addDays(today, 30) };
    const member = (name: string, term: { termStart: string; termEnd: string }) => ({
      name,
      position: 'member',
      recommendedBy: '시의회',
      gender: 'male',
      sector: 'expert',
      ...term,
    });
    assert.equal(
      (await call('POST', `/bodies/${bodyId}/members`, as.officer, member('임기곧끝남', soon))).statusCode,
      201,
    );
    const later = { termStart: addDays(today, -10), termEnd: addDays(today, 700) };
    assert.equal(
      (await call('POST', `/bodies/${bodyId}/members`, as.officer, member('임기김', later))).statusCode,
      201,
    );
    const third = await call('POST', `/bodies/${bodyId}/members`, as.officer, member('세번째', later));
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().code, 'committees_seats_full');
    // A term that starts after the first one ends takes its seat.
    const successor = { termStart: addDays(today, 31), termEnd: addDays(today, 760) };
    assert.equal(
      (await call('POST', `/bodies/${bodyId}/members`, as.officer, member('후임', successor))).statusCode,
      201,
    );
    assert.equal(
      (await call('POST', `/bodies/${bodyId}/members`, as.committee, member('위원이 추가', later)))
        .statusCode,
      403,
    );

    const alerts = await call('GET', '/term-alerts', as.officer);
    assert.equal(alerts.statusCode, 200);
    const names = (alerts.json() as { members: { name: string; bodyId: string }[] }).members
      .filter((entry) => entry.bodyId === bodyId)
      .map((entry) => entry.name);
    assert.deepEqual(names, ['임기곧끝남']);
    const within10 = (await call('GET', '/term-alerts?days=10', as.officer)).json() as {
      members: { bodyId: string }[];
    };
    assert.equal(within10.members.filter((entry) => entry.bodyId === bodyId).length, 0);
    assert.equal((await call('GET', '/term-alerts', as.public)).statusCode, 401);
    assert.equal((await call('GET', '/term-alerts', as.department)).statusCode, 403);

    const body = ((await call('GET', '/bodies', as.public)).json() as { bodies: Body[] }).bodies.find(
      (b) => b.id === bodyId,
    );
    assert.deepEqual([body?.seated, body?.vacancies], [2, 0]);
  });

  it('refuses a body under a parent that does not exist, and one id twice even at once', async () => {
    const body = (id: string, parentId: string | null) => ({
      id,
      kind: 'subcommittee',
      parentId,
      name: { ko: '분과', en: 'Subcommittee' },
    });
    for (const parentId of ['', 'no-such-body']) {
      const refused = await call('POST', '/bodies', as.officer, body('orphan', parentId));
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(refused.json().errors[0].field, 'parentId');
    }
    const twice = await Promise.all(
      [1, 2].map(() => call('POST', '/bodies', as.officer, body('twice', 'citizen-committee'))),
    );
    assert.deepEqual(twice.map((response) => response.statusCode).sort(), [201, 400]);
    const again = await call('POST', '/bodies', as.admin, body('twice', null));
    assert.equal(again.json().errors[0].field, 'id');
  });

  it('computes the quorum from attendance: more than half of those seated, or the body’s own number', async () => {
    const bodyId = await createTestBody(test.database, { seats: 5 });
    const term = { start: addDays(cityToday(), -100), end: addDays(cityToday(), 600) };
    const members: string[] = [];
    for (let index = 0; index < 4; index++) members.push(await seatTestMember(test.database, bodyId, term));
    const meetingId = await scheduleTestMeeting(test.database, bodyId, {
      startsAt: future(3),
      endsAt: future(3, 21),
      isPublic: false,
    });
    const record = (present: string[]) =>
      call('PUT', `/meetings/${meetingId}/attendance`, as.officer, {
        present,
        absent: members.filter((id) => !present.includes(id)),
      });
    const two = await record(members.slice(0, 2));
    assert.equal(two.statusCode, 200);
    assert.deepEqual(two.json(), { present: 2, required: 3, seated: 4, reached: false });
    const three = await record(members.slice(0, 3));
    assert.deepEqual(three.json(), { present: 3, required: 3, seated: 4, reached: true });
    const detail = (await call('GET', `/meetings/${meetingId}`, as.committee)).json();
    assert.equal(detail.quorum.reached, true);
    assert.equal(detail.attendance.filter((entry: { present: boolean }) => entry.present).length, 3);
    assert.equal(
      (await call('GET', `/meetings/${meetingId}`, as.public)).statusCode,
      404,
      'internal meetings are not public',
    );
    const doubled = await call('PUT', `/meetings/${meetingId}/attendance`, as.officer, {
      present: [members[0], members[0], members[1]],
      absent: [members[1], members[2], members[2]],
    });
    assert.deepEqual(doubled.json(), { present: 2, required: 3, seated: 4, reached: false });
    const stranger = await call('PUT', `/meetings/${meetingId}/attendance`, as.officer, {
      present: ['nobody'],
    });
    assert.equal(stranger.statusCode, 400);
  });

  it('publishes minutes only after approval, and shows the public only published minutes', async () => {
    const meetingId = await scheduleTestMeeting(test.database, 'citizen-committee', {
      startsAt: future(-3, 14),
      endsAt: future(-3, 16),
    });
    const version = async () =>
      (await call('GET', `/meetings/${meetingId}`, as.officer)).json().version as number;
    const write = await call('PUT', `/meetings/${meetingId}/minutes`, as.officer, {
      minutes: '회의록 초안',
      version: await version(),
    });
    assert.equal(write.statusCode, 200);
    const early = await call('POST', `/meetings/${meetingId}/minutes/transitions`, as.officer, {
      action: 'publish',
      version: await version(),
    });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'committees_minutes_not_approved');
    assert.equal((await call('GET', `/meetings/${meetingId}`, as.public)).json().minutes, null);
    assert.equal((await call('GET', `/meetings/${meetingId}`, as.committee)).json().minutes, '회의록 초안');
    const wild = await call('POST', `/meetings/${meetingId}/minutes/transitions`, as.officer, {
      action: 'approve',
      version: 1e15,
    });
    assert.equal(wild.statusCode, 400);
    const stale = await call('POST', `/meetings/${meetingId}/minutes/transitions`, as.officer, {
      action: 'approve',
      version: 1,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');
    assert.equal(
      (
        await call('POST', `/meetings/${meetingId}/minutes/transitions`, as.committee, {
          action: 'approve',
          version: await version(),
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await call('POST', `/meetings/${meetingId}/minutes/transitions`, as.officer, {
          action: 'approve',
          version: await version(),
        })
      ).statusCode,
      200,
    );
    assert.equal(
      (
        await call('POST', `/meetings/${meetingId}/minutes/transitions`, as.officer, {
          action: 'publish',
          version: await version(),
        })
      ).statusCode,
      200,
    );
    const published = (await call('GET', `/meetings/${meetingId}`, as.public)).json();
    assert.equal(published.minutes, '회의록 초안');
    assert.equal(published.minutesStatus, 'published');
    assert.equal(published.attendance, null, 'attendance is not public');
  });

  it('issues a decision’s recommendations through the register, where the department answers them', async () => {
    const meetingId = await scheduleTestMeeting(test.database, 'citizen-committee', {
      startsAt: future(-10),
      endsAt: future(-10, 21),
    });
    const unknown = await call('POST', `/meetings/${meetingId}/decisions`, as.officer, {
      text: '없는 부서에 권고',
      recommendations: [{ departmentCode: 'NO-SUCH-DEPT', body: '청사 경사로 설치' }],
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].field, 'body.recommendations.0.departmentCode');
    const decision = await call('POST', `/meetings/${meetingId}/decisions`, as.officer, {
      text: '장애인 접근성 개선을 권고하기로 의결',
      recommendations: [
        { departmentCode: 'DEPT-A', body: '청사 경사로 설치' },
        { departmentCode: 'DEPT-A', body: '점자 안내판 설치' },
      ],
    });
    assert.equal(decision.statusCode, 201);
    const staffList = async (headers: Headers) => {
      const response = await test.app.inject({ url: '/api/v1/recommendations/staff?limit=100', headers });
      assert.equal(response.statusCode, 200, response.body);
      return (
        response.json() as {
          items: {
            id: string;
            version: number;
            text: { ko: string };
            source: { kind: string; reference: string };
          }[];
        }
      ).items.filter((item) => ['청사 경사로 설치', '점자 안내판 설치'].includes(item.text.ko));
    };
    const mine = await staffList(as.department);
    assert.equal(
      mine.length,
      2,
      'the department finds them in the register, with everything else addressed to it',
    );
    assert.ok(
      mine.every(
        (item) => item.source.kind === 'committee' && item.source.reference.includes('인권증진시민위원회'),
      ),
    );
    assert.deepEqual(await staffList(as.otherDepartment), []);
    // Issued through the register, they are announced to the department as the office's are.
    const notices = (
      await test.app.inject({ url: '/api/v1/notifications?limit=100', headers: as.department })
    ).json() as { items: { kind: string; path: string | null }[] };
    for (const item of mine) {
      assert.ok(
        notices.items.some(
          (notice) =>
            notice.kind === 'recommendations.addressed' &&
            notice.path === `/staff/recommendations/${item.id}`,
        ),
        `the department is told of ${item.text.ko}`,
      );
    }
    const ramp = mine.find((item) => item.text.ko === '청사 경사로 설치');
    assert.ok(ramp);
    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/v1/recommendations/${ramp.id}/transitions`,
      headers: as.department,
      payload: {
        action: 'answer',
        version: ramp.version,
        departmentCode: 'DEPT-A',
        answer: 'accepted',
        reasons: '설계 중',
      },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    const detail = (await call('GET', `/meetings/${meetingId}`, as.officer)).json() as MeetingDetail;
    const rows = (detail.recommendations ?? []).map((row) => [
      row.body,
      row.status,
      row.staffPath,
      row.publicPath,
    ]);
    assert.deepEqual(
      rows.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'ko')),
      [
        [
          '점자 안내판 설치',
          'issued',
          `/staff/recommendations/${mine.find((item) => item.id !== ramp.id)?.id}`,
          null,
        ],
        ['청사 경사로 설치', 'answered', `/staff/recommendations/${ramp.id}`, null],
      ],
      'the meeting links each to the register; none public while the minutes are unpublished',
    );
    assert.equal((await test.app.inject({ url: `/api/v1/recommendations/${ramp.id}` })).statusCode, 404);
    // The old routes are gone: answers happen in the register only.
    assert.equal((await call('GET', '/recommendations', as.department)).statusCode, 404);
  });

  it('puts registrations past capacity on the waiting list and moves them up on cancellation', async () => {
    const meetingId = await scheduleTestMeeting(test.database, 'roundtable', {
      kind: 'roundtable',
      organiser: 'Board of Education',
      capacity: 2,
      startsAt: future(20),
      endsAt: future(20, 21),
    });
    const registerAs = (name: string) =>
      call('POST', `/meetings/${meetingId}/registrations`, as.public, {
        name,
        contact: `${name}@example.org`,
      });
    const empty = (await call('GET', `/meetings/${meetingId}`, as.public)).json();
    assert.deepEqual([empty.seatsTaken, empty.capacity], [0, 2]);
    const first = await registerAs('첫째시민');
    const second = await registerAs('둘째시민');
    const third = await registerAs('셋째시민');
    assert.deepEqual(
      [first.statusCode, first.json().status, second.json().status],
      [201, 'confirmed', 'confirmed'],
    );
    assert.deepEqual([third.json().status, third.json().waitingPosition], ['waiting', 1]);

    const cancel = await call('POST', '/registrations/cancellations', as.public, {
      token: first.json().cancellationToken,
    });
    assert.deepEqual(cancel.json(), { status: 'cancelled', meetingId });
    const twice = await call('POST', '/registrations/cancellations', as.public, {
      token: first.json().cancellationToken,
    });
    assert.equal(twice.statusCode, 404);

    assert.equal((await call('GET', `/meetings/${meetingId}/registrations`, as.committee)).statusCode, 403);
    assert.equal((await call('GET', `/meetings/${meetingId}/registrations`, as.public)).statusCode, 401);
    const list = await call('GET', `/meetings/${meetingId}/registrations`, as.officer);
    const registrants = list.json().registrants as { name: string; status: string; contact: string }[];
    assert.deepEqual(
      registrants.map((entry) => [entry.name, entry.status]),
      [
        ['첫째시민', 'cancelled'],
        ['둘째시민', 'confirmed'],
        ['셋째시민', 'confirmed'],
      ],
    );
    const logged = await sql<{ n: number }>`
      select count(*)::integer as n from audit_access_log where entity_type = 'committees_registration'`.execute(
      test.database.db,
    );
    assert.equal(logged.rows[0]?.n, 3, 'each registrant shown is logged');
    const stored = await sql<{
      name_enc: string;
    }>`select name_enc from committees_registrations where meeting_id = ${meetingId}`.execute(
      test.database.db,
    );
    assert.ok(stored.rows.every((row) => row.name_enc.startsWith('v1.') && !row.name_enc.includes('시민')));
    const publicView = (await call('GET', `/meetings/${meetingId}`, as.public)).json();
    assert.deepEqual([publicView.seatsTaken, publicView.capacity, publicView.waiting], [2, 2, 0]);
    assert.ok(!JSON.stringify(publicView).includes('시민@'), 'no registrant on the public page');
  });

  it('gives the last seat to exactly one of two concurrent registrations', async () => {
    for (let round = 0; round < 3; round++) {
      const meetingId = await scheduleTestMeeting(test.database, 'roundtable', {
        kind: 'roundtable',
        organiser: 'City Hall',
        capacity: 1,
        startsAt: future(25),
        endsAt: future(25, 21),
      });
      const results = await Promise.all(
        ['가', '나'].map((name) =>
          call('POST', `/meetings/${meetingId}/registrations`, as.public, { name, contact: '010-0000-0000' }),
        ),
      );
      assert.deepEqual(
        results.map((result) => result.statusCode),
        [201, 201],
      );
      assert.deepEqual(results.map((result) => result.json().status).sort(), ['confirmed', 'waiting']);
    }
  });

  it('refuses registration for meetings without seats and roundtables not organised by a rotating institution', async () => {
    const internal = await scheduleTestMeeting(test.database, 'citizen-committee', {
      startsAt: future(5),
      endsAt: future(5, 21),
    });
    const refused = await call('POST', `/meetings/${internal}/registrations`, as.public, {
      name: '가',
      contact: '나',
    });
    assert.equal(refused.json().code, 'committees_registration_closed');
    const wrongOrganiser = await call('POST', '/meetings', as.officer, {
      bodyId: 'roundtable',
      kind: 'roundtable',
      title: '라운드테이블',
      startsAt: future(9),
      endsAt: future(9, 21),
      place: '광주',
      organiser: 'Somebody Else',
      isPublic: true,
      capacity: 30,
    });
    assert.equal(wrongOrganiser.statusCode, 400);
    const wrongOffset = await call('POST', '/meetings', as.officer, {
      bodyId: 'roundtable',
      kind: 'roundtable',
      title: '라운드테이블',
      startsAt: '2031-01-01T19:00:00+99:00',
      endsAt: future(9, 21),
      place: '광주',
      organiser: 'City Hall',
    });
    assert.equal(wrongOffset.statusCode, 400);
    assert.equal(wrongOrganiser.json().errors[0].field, 'organiser');
  });

  it('erases registrants’ names and contacts once the meeting is past the retention period', async () => {
    const meetingId = await scheduleTestMeeting(test.database, 'roundtable', {
      kind: 'roundtable',
      organiser: 'City Hall',
      capacity: 5,
      startsAt: future(1),
      endsAt: future(1, 21),
    });
    await call('POST', `/meetings/${meetingId}/registrations`, as.public, {
      name: '보존시험',
      contact: 'keep@example.org',
    });
    const fourtyDaysOn = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    assert.equal(
      (await runCommand(test.database.db, { userId: null }, (context) =>
        eraseRegistrants(context, 30, new Date(Date.now() + 20 * 24 * 3600 * 1000)),
      )) >= 0,
      true,
    );
    const before = await sql<{
      n: number;
    }>`select count(*)::integer as n from committees_registrations where meeting_id = ${meetingId} and name_enc is not null`.execute(
      test.database.db,
    );
    assert.equal(before.rows[0]?.n, 1, 'kept within the period');
    await runCommand(test.database.db, { userId: null }, (context) =>
      eraseRegistrants(context, 30, fourtyDaysOn),
    );
    const afterErase = await sql<{
      n: number;
    }>`select count(*)::integer as n from committees_registrations where meeting_id = ${meetingId} and (name_enc is not null or contact_enc is not null)`.execute(
      test.database.db,
    );
    assert.equal(afterErase.rows[0]?.n, 0);
    assert.equal(test.config.COMMITTEES_REGISTRANT_RETENTION_DAYS, 30);
  });

  it('serves each body’s public meetings as valid iCalendar with Asia/Seoul times', async () => {
    const title =
      '인권 라운드테이블: 지속가능발전목표와 새로운 도시의제, 도시의 인권; 긴 제목이 75옥텟에서 접히는지 확인합니다';
    const meetingId = await scheduleTestMeeting(test.database, 'roundtable', {
      kind: 'roundtable',
      organiser: 'Gwangju Human Rights Council',
      capacity: 40,
      title,
      startsAt: '2031-03-12T19:00:00+09:00',
      endsAt: '2031-03-12T21:30:00+09:00',
    });
    await scheduleTestMeeting(test.database, 'roundtable', {
      kind: 'roundtable',
      organiser: 'City Hall',
      title: '비공개 준비 회의',
      isPublic: false,
      startsAt: '2031-03-01T10:00:00+09:00',
      endsAt: '2031-03-01T11:00:00+09:00',
    });
    const response = await call('GET', '/bodies/roundtable/calendar.ics', as.public);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/calendar/);
    const text = response.body;
    assert.ok(text.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    for (const line of text.split('\r\n'))
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
    assert.ok(!text.includes('비공개 준비 회의'), 'internal meetings are left out');

    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const event = events.find((candidate) => candidate.uid.startsWith(meetingId));
    assert.ok(event, 'the meeting is in the feed');
    assert.equal(event.summary, title);
    assert.equal(event.startDate.zone?.tzid, 'Asia/Seoul');
    assert.deepEqual([event.startDate.hour, event.startDate.minute], [19, 0]);
    assert.equal(event.startDate.toJSDate().toISOString(), '2031-03-12T10:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2031-03-12T12:30:00.000Z');
    assert.equal((await call('GET', '/bodies/nothing-here/calendar.ics', as.public)).statusCode, 404);
    ICAL.TimezoneService.reset();
  });

  it('publishes meetings as open data, headlines and public search', async () => {
    const dataset = committeesModule.openData?.find((entry) => entry.id === 'committee-meetings');
    assert.ok(dataset);
    const rows = await dataset.rows(test.database.db);
    assert.ok(
      rows.some(
        (row) =>
          row.body_id === 'joint-meeting' &&
          row.source === 'published' &&
          row.meetings === 69 &&
          row.period_years === 7,
      ),
    );
    assert.ok(
      rows.some((row) => row.body_id === 'roundtable' && row.source === 'published' && row.meetings === 66),
    );
    assert.deepEqual(dataset.report, { part: 'collaboration', order: 10, chart: false });
    const headlines = (await committeesModule.headlines?.(test.database.db)) ?? [];
    assert.deepEqual(
      headlines.map((headline) => headline.value),
      [20, 69, 66],
    );
    const hits = (await committeesModule.publicSearch?.(test.database.db, '지속가능발전', 10)) ?? [];
    assert.equal(hits.length, 1);
    assert.equal((await committeesModule.publicSearch?.(test.database.db, '비공개 준비', 10))?.length, 0);
  });

  it('keeps the secretariat’s records when the dataset is reloaded', async () => {
    const term = { start: addDays(cityToday(), -10), end: addDays(cityToday(), 700) };
    const memberId = await seatTestMember(test.database, 'citizen-committee', term, '재적재적');
    const meetingId = await scheduleTestMeeting(test.database, 'citizen-committee', {
      startsAt: future(40),
      endsAt: future(40, 21),
    });
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: true, demo: false });
    const kept = await sql<{ n: number }>`
      select (select count(*) from committees_members where id = ${memberId})
           + (select count(*) from committees_meetings where id = ${meetingId}) as n`.execute(
      test.database.db,
    );
    assert.equal(Number(kept.rows[0]?.n), 2);
    const bodies = ((await call('GET', '/bodies', as.public)).json() as { bodies: Body[] }).bodies;
    assert.equal(
      bodies.filter((body) => ['citizen-committee', 'joint-meeting', 'roundtable'].includes(body.id)).length,
      3,
    );
    assert.equal(bodies.find((body) => body.id === 'citizen-committee')?.seats, 20);
  });
});
