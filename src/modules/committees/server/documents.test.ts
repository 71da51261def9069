/**
 * What the secretariat edits beyond scheduling, on the real app: agenda documents uploaded as files
 * (hidden with the agenda until it is published, a wrong type refused in both languages with nothing
 * stored, removed by the secretariat until the agenda is published and kept after), edits of a meeting, a body's rules and a member with their versions, and a meeting's tags
 * reaching the shared vocabularies' term pages while the meeting is public.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { addCalendarDays as addDays, cityToday } from '../../../kernel/server/city/clock.ts';
import { removalAudit, storedFileExists } from '../../../kernel/server/files/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { vocabDb } from '../../../kernel/server/vocabularies/tables.ts';
import { modules } from '../../../server/modules.ts';
import type { Body, MeetingDetail, Member } from '../contract.ts';
import { createTestBody, scheduleTestMeeting, seatTestMember } from '../test/factories.ts';

type Headers = Record<string, string>;
const api = '/api/v1/committees';
const at = (days: number, hour: number) =>
  `${addDays(cityToday(), days)}T${String(hour).padStart(2, '0')}:00:00+09:00`;
/** The smallest file the kernel takes for a PDF: what matters is that it starts like one. */
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('committees: documents, edits and tags', () => {
  let test: TestApp;
  let admin: Headers;
  let committee: Headers;
  const anonymous: Headers = {};

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    test.app.inject({ method, url: `${api}${url}`, headers, ...(payload === undefined ? {} : { payload }) });
  const upload = (itemId: string, name: string, body: Buffer, headers: Headers, type = 'application/pdf') =>
    test.app.inject({
      method: 'POST',
      url: `${api}/agenda-items/${itemId}/files?name=${encodeURIComponent(name)}`,
      headers: { ...headers, 'content-type': type },
      payload: body,
    });
  const meeting = async (id: string, headers: Headers) => {
    const response = await call('GET', `/meetings/${id}`, headers);
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as MeetingDetail;
  };
  const count = async (table: 'stored_files' | 'committees_agenda_files') => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      test.database.db,
    );
    return rows[0]?.n ?? 0;
  };

  before(async () => {
    test = await createTestApp();
    // The vocabularies' terms are what meetings are tagged with.
    const needed = new Set(['seed', 'vocab']);
    await loadDataset({
      database: test.database,
      modules: modules.filter((module) => needed.has(module.name)),
      city: 'gwangju',
      reset: false,
      demo: false,
    });
    admin = (await signIn(test.app, await createUser(test.database, { role: 'admin' }))).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
  });
  after(() => test?.close());

  it('hides an agenda’s documents until the agenda is published, then serves them to anyone', async () => {
    const bodyId = await createTestBody(test.database, { isPublic: true });
    const meetingId = await scheduleTestMeeting(test.database, bodyId, {
      startsAt: at(10, 14),
      endsAt: at(10, 16),
      agendaPublished: false,
    });
    const item = await call('POST', `/meetings/${meetingId}/agenda-items`, admin, {
      title: '인권영향평가 결과 보고',
      documents: [{ title: '평가 보고서(누리집)', url: 'https://example.org/report' }],
    });
    assert.equal(item.statusCode, 201, item.body);
    const itemId = (item.json() as { id: string }).id;

    const anonymousUpload = await upload(itemId, 'report.pdf', pdf, anonymous);
    assert.equal(anonymousUpload.statusCode, 401);
    const memberUpload = await upload(itemId, 'report.pdf', pdf, committee);
    assert.equal(memberUpload.statusCode, 403);
    const uploaded = await upload(itemId, '평가 보고서.pdf', pdf, admin, 'application/octet-stream');
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const file = uploaded.json() as { id: string; name: string; contentType: string };
    assert.deepEqual([file.name, file.contentType], ['평가 보고서.pdf', 'application/pdf']);

    const staffView = await meeting(meetingId, admin);
    assert.deepEqual(
      staffView.agenda[0]?.files.map((listed) => listed.id),
      [file.id],
    );
    assert.equal(staffView.agenda[0]?.documents.length, 1, 'links stay beside files');
    const staffDownload = await call('GET', `/documents/${file.id}`, admin);
    assert.equal(staffDownload.statusCode, 200);
    assert.deepEqual(staffDownload.rawPayload, pdf);
    assert.match(String(staffDownload.headers['content-disposition']), /^attachment;/);

    // Before the agenda is published: no document for the public; a member has it, to prepare.
    assert.equal((await call('GET', `/documents/${file.id}`, anonymous)).statusCode, 404);
    assert.equal((await call('GET', `/documents/${file.id}`, committee)).statusCode, 200);
    assert.deepEqual(
      (await meeting(meetingId, committee)).agenda[0]?.files.map((item: { id: string }) => item.id),
      [file.id],
    );
    assert.deepEqual((await meeting(meetingId, anonymous)).agenda, []);

    const { version } = staffView;
    const published = await call('PUT', `/meetings/${meetingId}`, admin, {
      kind: staffView.kind,
      title: staffView.title,
      startsAt: staffView.startsAt,
      endsAt: staffView.endsAt,
      place: staffView.place,
      isPublic: true,
      agendaPublished: true,
      version,
    });
    assert.equal(published.statusCode, 200, published.body);

    const publicDownload = await call('GET', `/documents/${file.id}`, anonymous);
    assert.equal(publicDownload.statusCode, 200);
    assert.deepEqual(publicDownload.rawPayload, pdf);
    assert.equal(publicDownload.headers['content-type'], 'application/pdf');
    assert.equal(publicDownload.headers['x-content-type-options'], 'nosniff');
    const publicView = await meeting(meetingId, anonymous);
    assert.deepEqual(
      publicView.agenda[0]?.files.map((listed) => listed.name),
      ['평가 보고서.pdf'],
    );
    assert.equal((await call('GET', `/documents/${randomUUID()}`, admin)).statusCode, 404);
  });

  it('refuses a file that is not a PDF or an image in both languages, storing nothing', async () => {
    const bodyId = await createTestBody(test.database);
    const meetingId = await scheduleTestMeeting(test.database, bodyId, {
      startsAt: at(5, 10),
      endsAt: at(5, 12),
    });
    const item = await call('POST', `/meetings/${meetingId}/agenda-items`, admin, { title: '기타 안건' });
    const itemId = (item.json() as { id: string }).id;
    const before = [await count('stored_files'), await count('committees_agenda_files')];
    const disguised = Buffer.from('<html><script>alert(1)</script></html>');
    const titles: string[] = [];
    for (const language of ['ko', 'en']) {
      const refused = await upload(itemId, 'minutes.pdf', disguised, {
        ...admin,
        'accept-language': language,
      });
      assert.equal(refused.statusCode, 415, refused.body);
      const problem = refused.json() as {
        code: string;
        title: string;
        errors: { field: string; message: string }[];
      };
      assert.equal(problem.code, 'file_type_refused');
      assert.deepEqual(
        problem.errors.map((error) => error.field),
        ['file'],
      );
      titles.push(problem.errors[0]?.message ?? '');
    }
    assert.match(titles[0] ?? '', /파일만/);
    assert.match(titles[1] ?? '', /Only PDF/);
    const json = await call('POST', `/agenda-items/${itemId}/files?name=x.pdf`, admin, { file: 'x' });
    assert.equal(json.statusCode, 415, 'a JSON body is no file');
    assert.deepEqual([await count('stored_files'), await count('committees_agenda_files')], before);
    assert.equal((await upload('no-such-item', 'a.pdf', pdf, admin)).statusCode, 404);
  });

  it('lets the secretariat remove a document until the agenda is published, and keeps it after', async () => {
    const bodyId = await createTestBody(test.database, { isPublic: true });
    const agendaItem = async (agendaPublished: boolean, days: number) => {
      const meetingId = await scheduleTestMeeting(test.database, bodyId, {
        startsAt: at(days, 10),
        endsAt: at(days, 12),
        agendaPublished,
      });
      const item = await call('POST', `/meetings/${meetingId}/agenda-items`, admin, {
        title: '삭제 시험 안건',
      });
      assert.equal(item.statusCode, 201, item.body);
      return { meetingId, itemId: (item.json() as { id: string }).id };
    };
    const attach = async (itemId: string, name: string) => {
      const response = await upload(itemId, name, pdf, admin);
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string };
    };
    const draft = await agendaItem(false, 20);
    const other = await agendaItem(false, 21);
    const wrong = await attach(draft.itemId, '개인정보가 담긴 초안.pdf');
    await attach(draft.itemId, 'right.pdf');
    const remove = (itemId: string, fileId: string, headers: Headers) =>
      call('DELETE', `/agenda-items/${itemId}/files/${fileId}`, headers);

    const before = [await count('stored_files'), await count('committees_agenda_files')];
    assert.equal((await remove(draft.itemId, wrong.id, anonymous)).statusCode, 401);
    assert.equal((await remove(draft.itemId, wrong.id, committee)).statusCode, 403, 'members read, not edit');
    assert.equal((await remove(other.itemId, wrong.id, admin)).statusCode, 404, 'not that item’s document');
    assert.deepEqual([await count('stored_files'), await count('committees_agenda_files')], before);

    const removed = await remove(draft.itemId, wrong.id, admin);
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal(await storedFileExists(test.database.db, wrong.id), false);
    assert.deepEqual(
      (await meeting(draft.meetingId, admin)).agenda[0]?.files.map((listed) => listed.name),
      ['right.pdf'],
    );
    const audit = await removalAudit(test.database.db, wrong.id);
    assert.equal(audit?.action, 'committees.remove-agenda-file');
    assert.equal(audit?.entity_id, draft.itemId);
    assert.equal(audit?.before.sha256, createHash('sha256').update(pdf).digest('hex'));
    assert.equal((await remove(draft.itemId, wrong.id, admin)).statusCode, 404);
    assert.equal((await call('GET', `/documents/${wrong.id}`, admin)).statusCode, 404);

    const published = await agendaItem(true, 22);
    const kept = await attach(published.itemId, 'published.pdf');
    const titles: string[] = [];
    for (const language of ['ko', 'en']) {
      const refused = await remove(published.itemId, kept.id, { ...admin, 'accept-language': language });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().code, 'committees_agenda_file_published');
      titles.push(refused.json().title);
    }
    assert.match(titles[0] ?? '', /공개 기록/);
    assert.match(titles[1] ?? '', /public record/);
    assert.equal((await call('GET', `/documents/${kept.id}`, anonymous)).statusCode, 200);
  });

  it('edits a meeting with its version: a stale one is a 409, and the times stay in Seoul time', async () => {
    const bodyId = await createTestBody(test.database);
    const meetingId = await scheduleTestMeeting(test.database, bodyId, {
      startsAt: at(3, 10),
      endsAt: at(3, 12),
    });
    const read = await meeting(meetingId, admin);
    const change = {
      kind: 'workshop',
      title: '역량 강화 워크숍',
      startsAt: '2031-03-05T19:30:00+09:00',
      endsAt: '2031-03-05T21:00:00+09:00',
      place: null,
      onlineUrl: 'https://meet.example.org/workshop',
      isPublic: false,
      version: read.version,
    };
    const first = await call('PUT', `/meetings/${meetingId}`, admin, change);
    assert.equal(first.statusCode, 200, first.body);
    const stale = await call('PUT', `/meetings/${meetingId}`, { ...admin, 'accept-language': 'en' }, change);
    assert.equal(stale.statusCode, 409);
    assert.match((stale.json() as { title: string }).title, /reload/);
    const edited = await meeting(meetingId, admin);
    assert.deepEqual(
      [edited.kind, edited.startsAt, edited.onlineUrl, edited.place],
      ['workshop', '2031-03-05T10:30:00.000Z', 'https://meet.example.org/workshop', null],
    );
  });

  it('refuses fewer seats than the members whose terms overlap, on the seats field', async () => {
    const bodyId = await createTestBody(test.database, { seats: 4 });
    const today = cityToday();
    await seatTestMember(test.database, bodyId, { start: addDays(today, -10), end: addDays(today, 100) });
    await seatTestMember(test.database, bodyId, { start: addDays(today, -10), end: addDays(today, 100) });
    // Seated from next month: counted, since the seats must hold then too.
    await seatTestMember(test.database, bodyId, { start: addDays(today, 30), end: addDays(today, 400) });
    // A past term no longer holds a seat.
    await seatTestMember(test.database, bodyId, { start: addDays(today, -800), end: addDays(today, -1) });
    const rulesOf = async () => {
      const { bodies } = (await call('GET', '/bodies', admin)).json() as { bodies: Body[] };
      const body = bodies.find((candidate) => candidate.id === bodyId);
      assert.ok(body);
      return body;
    };
    const rules = (seats: number, version: number) => ({
      seats,
      termYears: 2,
      meetingsPerYear: 4,
      quorum: null,
      version,
    });
    const tooFew = await call('PUT', `/bodies/${bodyId}/rules`, admin, rules(2, (await rulesOf()).version));
    assert.equal(tooFew.statusCode, 400, tooFew.body);
    assert.deepEqual(
      (tooFew.json() as { errors: { field: string }[] }).errors.map((error) => error.field),
      ['seats'],
    );
    const enough = await call('PUT', `/bodies/${bodyId}/rules`, admin, rules(3, (await rulesOf()).version));
    assert.equal(enough.statusCode, 200, enough.body);
    assert.equal((await rulesOf()).seats, 3);
    const stale = await call('PUT', `/bodies/${bodyId}/rules`, admin, rules(5, 1));
    assert.equal(stale.statusCode, 409);
  });

  it('edits a member with the version read', async () => {
    const bodyId = await createTestBody(test.database, { seats: 2 });
    const today = cityToday();
    const memberId = await seatTestMember(test.database, bodyId, { start: today, end: addDays(today, 700) });
    const { members } = (await call('GET', `/bodies/${bodyId}/members`, admin)).json() as {
      members: Member[];
    };
    const member = members.find((candidate) => candidate.id === memberId);
    assert.ok(member);
    const change = {
      name: member.name,
      position: 'co_chair',
      recommendedBy: '광주광역시의회',
      termStart: member.termStart,
      termEnd: addDays(today, 365),
      gender: 'female',
      sector: 'council',
      version: member.version,
    };
    assert.equal((await call('PUT', `/members/${memberId}`, admin, change)).statusCode, 200);
    assert.equal((await call('PUT', `/members/${memberId}`, admin, change)).statusCode, 409);
    const after = (await call('GET', `/bodies/${bodyId}/members`, admin)).json() as { members: Member[] };
    assert.deepEqual(
      after.members.map((edited) => [edited.position, edited.recommendedBy, edited.sector, edited.version]),
      [['co_chair', '광주광역시의회', 'council', member.version + 1]],
    );
  });

  it('tags a meeting with shared terms; the term page lists it only while it is public', async () => {
    const bodyId = await createTestBody(test.database, { isPublic: true });
    const created = await call('POST', '/meetings', admin, {
      bodyId,
      kind: 'regular',
      title: '노인 돌봄 정책 간담회',
      startsAt: at(20, 14),
      endsAt: at(20, 16),
      place: '광주광역시청',
      isPublic: true,
      tags: [
        { vocabulary: 'target-groups', code: 'older-persons' },
        { vocabulary: 'sdg-targets', code: '10.2' },
      ],
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json() as { id: string };
    const listed = async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/vocabularies/target-groups/older-persons',
      });
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json() as {
        modules: { module: string; records: { recordId: string; path: string }[] }[];
      };
      return page.modules.find((entry) => entry.module === 'committees')?.records ?? [];
    };
    assert.deepEqual(
      (await listed()).map((record) => [record.recordId, record.path]),
      [[id, `/committees/meetings/${id}`]],
    );
    const read = await meeting(id, anonymous);
    assert.deepEqual(read.tags, [
      { vocabulary: 'sdg-targets', code: '10.2' },
      { vocabulary: 'target-groups', code: 'older-persons' },
    ]);

    // An edit without tags keeps them, and follows the meeting out of public view.
    const hidden = await call('PUT', `/meetings/${id}`, admin, {
      kind: read.kind,
      title: read.title,
      startsAt: read.startsAt,
      endsAt: read.endsAt,
      place: read.place,
      isPublic: false,
      version: read.version,
    });
    assert.equal(hidden.statusCode, 200, hidden.body);
    assert.deepEqual(await listed(), []);
    assert.equal((await meeting(id, admin)).tags.length, 2);

    const unknown = await call('PUT', `/meetings/${id}`, admin, {
      kind: read.kind,
      title: read.title,
      startsAt: read.startsAt,
      endsAt: read.endsAt,
      place: read.place,
      isPublic: true,
      version: read.version + 1,
      tags: [{ vocabulary: 'target-groups', code: 'no-such-group' }],
    });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(
      (unknown.json() as { errors: { field: string }[] }).errors.map((error) => error.field),
      ['tags'],
    );
  });

  it('tags recommendations, public on the term pages and the meeting page once the minutes of a public meeting are', async () => {
    const bodyId = await createTestBody(test.database, { isPublic: true });
    const meetingId = await scheduleTestMeeting(test.database, bodyId, {
      startsAt: at(-3, 10),
      endsAt: at(-3, 12),
    });
    // The register addresses recommendations to departments of the shared vocabulary only.
    await vocabDb(test.database.db)
      .insertInto('vocab_terms')
      .values({ vocabulary: 'departments', code: 'DEPT-A', name_ko: '시험 부서', name_en: 'Test division' })
      .onConflict((oc) => oc.columns(['vocabulary', 'code']).doNothing())
      .execute();
    const decided = await call('POST', `/meetings/${meetingId}/decisions`, admin, {
      text: '이주민 통역 지원 확대를 권고함',
      recommendations: [
        {
          departmentCode: 'DEPT-A',
          body: '행정복지센터에 통역 지원을 둘 것',
          tags: [{ vocabulary: 'target-groups', code: 'migrants' }],
        },
        { departmentCode: 'DHRP-DHR', body: '통역 지원 현황을 매년 공개할 것' },
      ],
    });
    assert.equal(decided.statusCode, 201, decided.body);
    const listed = async () => {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/v1/vocabularies/target-groups/migrants',
      });
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json() as {
        modules: { module: string; records: { recordType: string; path: string }[] }[];
      };
      // Issued through the register: the tag is the register's, on its public page.
      return (page.modules.find((entry) => entry.module === 'recommendations')?.records ?? []).map(
        (record) => [record.recordType, record.path.replace(/[0-9a-f-]{36}$/, ':id')],
      );
    };
    assert.deepEqual(await listed(), [], 'not while the minutes are unpublished');
    let { version } = await meeting(meetingId, admin);
    const step = async (url: string, payload: object) => {
      const response = await call(url.endsWith('transitions') ? 'POST' : 'PUT', url, admin, {
        ...payload,
        version,
      });
      assert.equal(response.statusCode, 200, response.body);
      version = (response.json() as { version: number }).version;
    };
    await step(`/meetings/${meetingId}/minutes`, { minutes: '통역 지원 확대를 의결함.' });
    await step(`/meetings/${meetingId}/minutes/transitions`, { action: 'approve' });
    assert.deepEqual(await listed(), [], 'not while the minutes are only approved');
    assert.equal((await meeting(meetingId, anonymous)).recommendations, null, 'nor on the meeting page');
    assert.equal((await meeting(meetingId, admin)).recommendations?.length, 2, 'the secretariat has them');
    await step(`/meetings/${meetingId}/minutes/transitions`, { action: 'publish' });
    assert.deepEqual(await listed(), [['recommendation', '/recommendations/:id']]);
    // Written in one transaction, the two share a creation time: compared in the order of their text.
    const published = ((await meeting(meetingId, anonymous)).recommendations ?? []).sort((a, b) =>
      a.body.localeCompare(b.body, 'ko'),
    );
    assert.deepEqual(
      published.map((recommendation) => [
        recommendation.departmentName,
        recommendation.body,
        recommendation.status,
        recommendation.publicPath === `/recommendations/${recommendation.id}`,
      ]),
      [
        [
          { ko: '민주인권과', en: 'Democracy and Human Rights Division' },
          '통역 지원 현황을 매년 공개할 것',
          'issued',
          true,
        ],
        [{ ko: '시험 부서', en: 'Test division' }, '행정복지센터에 통역 지원을 둘 것', 'issued', true],
      ],
      'the public reads each recommendation with its department and state',
    );
  });
});
