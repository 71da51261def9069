/**
 * What staff write is kept and shown, and to whom: need to know for the complainant's words and files,
 * one access-log entry per opening naming the reader, follow-up reports that last, working days on the
 * city's calendar, and attachment names kept encrypted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadCityCalendar } from '../../../kernel/server/calendar/testing.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { createCase, createOmbudsmanMember, sampleComplaint, type TestMember } from '../test/factories.ts';
import { listOverdue } from './commands/list-deadlines.ts';

type Headers = Record<string, string>;

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
const pdf = Buffer.from('%PDF-1.4\n%evidence\n');
const fileName = '피해자-홍길동-사진.png';
const description = '피해자 홍길동씨가 병실에서 촬영되었습니다.';

describe('ombudsman: need to know, access log, follow-up, working days', () => {
  let test: TestApp;
  let standing: TestMember;
  const as = {} as Record<'standing' | 'officer' | 'department', Headers>;
  let officerId: string;
  let caseId: string;
  let attachmentId: string;
  let receipt: { receiptNumber: string; trackingCode: string };

  const get = (url: string, headers: Headers) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const post = (url: string, headers: Headers, payload: unknown) =>
    test.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });

  before(async () => {
    test = await createTestApp();
    await loadCityCalendar(test.database);
    standing = await createOmbudsmanMember(test.database, { standing: true });
    as.standing = (await signIn(test.app, standing)).headers;
    const officer = await createUser(test.database, { role: 'officer', displayName: '김담당' });
    officerId = officer.id;
    as.officer = (await signIn(test.app, officer)).headers;
    as.department = (
      await signIn(
        test.app,
        await createUser(test.database, {
          role: 'department',
          departmentCode: 'TEST-DEPT',
          displayName: '이과장',
        }),
      )
    ).headers;

    const filed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints',
      payload: { ...sampleComplaint, description },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    receipt = filed.json();
    const uploaded = await test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/complaints/${receipt.receiptNumber}/attachments`,
      headers: {
        'content-type': 'image/png',
        'x-tracking-code': receipt.trackingCode,
        'x-file-name': encodeURIComponent(fileName),
      },
      payload: png,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    assert.equal(uploaded.json().name, fileName);
    attachmentId = uploaded.json().id;
    const row = await sql<{ id: string }>`
      select id from ombudsman_cases where receipt_number = ${receipt.receiptNumber}`.execute(
      test.database.db,
    );
    caseId = row.rows[0]?.id ?? '';
  });
  after(() => test?.close());

  it('gives the officer the summary, neither the description nor the attachments', async () => {
    const view = await get(`/ombudsman/cases/${caseId}?purpose=intake review`, as.officer);
    assert.equal(view.statusCode, 200, view.body);
    const body = view.json();
    assert.equal(body.description, undefined);
    assert.equal(body.summary, sampleComplaint.summary);
    assert.deepEqual(body.attachments, []);
    assert.equal(body.needToKnow, true);
    assert.ok(!view.body.includes('홍길동'));
    const download = await get(
      `/ombudsman/cases/${caseId}/attachments/${attachmentId}?purpose=checking the photo`,
      as.officer,
    );
    assert.equal(download.statusCode, 403);
  });

  it('lets the standing ombudsman read the description and download a named attachment, logged with its purpose', async () => {
    const view = await get(`/ombudsman/cases/${caseId}?purpose=case review`, as.standing);
    const body = view.json();
    assert.equal(body.description, description);
    assert.equal(body.needToKnow, false);
    assert.deepEqual(
      body.attachments.map((file: { name: string }) => file.name),
      [fileName],
    );
    const download = await get(
      `/ombudsman/cases/${caseId}/attachments/${attachmentId}?purpose=checking the photo`,
      as.standing,
    );
    assert.equal(download.statusCode, 200);
    assert.ok(download.rawPayload.equals(png));
    assert.match(String(download.headers['content-disposition']), new RegExp(encodeURIComponent(fileName)));
    const log = await get(`/ombudsman/cases/${caseId}/access-log`, as.standing);
    const entry = log
      .json()
      .entries.find((item: { what: string; reason: string }) => item.what === 'attachment');
    assert.equal(entry?.reason, 'checking the photo');
    assert.equal(entry?.entityId, attachmentId);
  });

  it('keeps attachment names encrypted at rest', async () => {
    const rows = await sql<{ dump: string }>`
      select row_to_json(a)::text as dump from ombudsman_attachments a where id = ${attachmentId}`.execute(
      test.database.db,
    );
    const dump = rows.rows[0]?.dump ?? '';
    assert.ok(dump.includes('name_enc'));
    assert.ok(!dump.includes(fileName) && !dump.includes('홍길동'));
    assert.ok(!dump.includes(encodeURIComponent(fileName)));
  });

  it('logs one entry per opening, naming the reader and their role, however often the page reloads it', async () => {
    const purpose = `one opening ${Date.now()}`;
    const opened = await get(`/ombudsman/cases/${caseId}?purpose=${encodeURIComponent(purpose)}`, as.officer);
    const { openingId } = opened.json();
    assert.match(openingId, /^[0-9a-f-]{36}$/);
    for (let reload = 0; reload < 2; reload += 1) {
      const again = await get(
        `/ombudsman/cases/${caseId}?purpose=${encodeURIComponent(purpose)}&opening=${openingId}`,
        as.officer,
      );
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().openingId, openingId);
    }
    const log = await get(`/ombudsman/cases/${caseId}/access-log`, as.standing);
    const entries = log.json().entries.filter((item: { reason: string }) => item.reason === purpose);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].actorId, officerId);
    assert.equal(entries[0].actorName, '김담당');
    assert.equal(entries[0].actorRole, 'officer');
    assert.equal(entries[0].what, 'case');
    // Another reader cannot ride on this opening, and a read names a purpose or an opening.
    const borrowed = await get(
      `/ombudsman/cases/${caseId}?purpose=borrowed&opening=${openingId}`,
      as.standing,
    );
    assert.equal(borrowed.statusCode, 409);
    const bare = await get(`/ombudsman/cases/${caseId}`, as.officer);
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().errors[0].field, 'querystring.purpose');
  });

  it('takes implementation reports with files after the answer, shows them all, until the recommendation is closed', async () => {
    const followUp = await createCase(test.database, test.config, standing, 'follow_up');
    const first = await get(`/ombudsman/cases/${followUp.id}?purpose=follow-up`, as.standing);
    const recommendationId: string = first.json().recommendations[0].id;
    const reportUrl = `/ombudsman/recommendations/${recommendationId}/reports`;

    const early = await post(reportUrl, as.department, { body: 'CCTV 철거를 시작했습니다' });
    assert.equal(early.statusCode, 409, early.body);
    const answered = await post(`/ombudsman/cases/${followUp.id}/transitions`, as.department, {
      action: 'respond_recommendation',
      version: followUp.version,
      recommendationId,
      response: 'accepted',
    });
    assert.equal(answered.statusCode, 200, answered.body);

    const bodies = ['병실 CCTV 3대를 철거했습니다', '남은 2대도 철거하고 점검했습니다'];
    for (const [index, text] of bodies.entries()) {
      const report = await post(reportUrl, as.department, { body: text });
      assert.equal(report.statusCode, 201, report.body);
      const file = await test.app.inject({
        method: 'POST',
        url: `/api/v1${reportUrl}/${report.json().id}/files?name=${encodeURIComponent(`철거-${index + 1}.pdf`)}`,
        headers: { ...as.department, 'content-type': 'application/pdf' },
        payload: pdf,
      });
      assert.equal(file.statusCode, 201, file.body);
    }
    const invalid = await post(reportUrl, as.department, { body: '', extra: true });
    assert.equal(invalid.statusCode, 400);

    type Shown = {
      authorName: string;
      body: string;
      createdAt: string;
      files: { name: string; id: string }[];
    };
    const check = (reports: Shown[]) => {
      assert.deepEqual(
        reports.map((report) => report.body),
        bodies,
      );
      assert.deepEqual(
        reports.map((report) => report.files.map((file) => file.name)),
        [['철거-1.pdf'], ['철거-2.pdf']],
      );
      for (const report of reports) {
        assert.equal(report.authorName, '이과장');
        assert.ok(report.createdAt);
      }
    };
    const onCase = await get(`/ombudsman/cases/${followUp.id}?purpose=follow-up review`, as.standing);
    check(onCase.json().recommendations[0].reports);
    const inbox = await get('/ombudsman/inbox', as.department);
    const mine = inbox.json().recommendations.find((item: { id: string }) => item.id === recommendationId);
    check(mine.reports);
    const fileId = mine.reports[0].files[0].id;
    const evidence = await get(`${reportUrl}/${mine.reports[0].id}/files/${fileId}`, as.standing);
    assert.equal(evidence.statusCode, 200);
    assert.ok(evidence.rawPayload.equals(pdf));

    const byOfficer = await post(`/ombudsman/recommendations/${recommendationId}/closure`, as.officer, {
      outcome: 'implemented',
    });
    assert.equal(byOfficer.statusCode, 403);
    const closed = await post(`/ombudsman/recommendations/${recommendationId}/closure`, as.standing, {
      outcome: 'implemented',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    const twice = await post(`/ombudsman/recommendations/${recommendationId}/closure`, as.standing, {
      outcome: 'implemented',
    });
    assert.equal(twice.statusCode, 409);
    const late = await post(reportUrl, as.department, { body: '추가 보고' });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, 'ombudsman_recommendation_closed');
    const after = await get(`/ombudsman/cases/${followUp.id}?purpose=follow-up review`, as.standing);
    const shown = after.json().recommendations[0];
    assert.equal(shown.closedOutcome, 'implemented');
    assert.equal(shown.implemented, true);
    const audit = await sql<{ action: string }>`
      select action from audit_trail where entity_id = ${recommendationId} order by id`.execute(
      test.database.db,
    );
    assert.deepEqual(
      audit.rows.map((row) => row.action),
      [
        'ombudsman.report-implementation',
        'ombudsman.report-implementation',
        'ombudsman.close-recommendation',
      ],
    );
  });

  it('counts working days across Chuseok and shows the overdue figure, not 0 / limit', async () => {
    const late = await createCase(test.database, test.config, standing, 'investigation');
    // Requested on Tuesday 30 September 2025, due Thursday 2 October; read on Monday 13 October.
    const requestedAt = new Date('2025-09-30T10:00:00+09:00');
    await sql`insert into ombudsman_info_requests (id, case_id, department_code, question, due_on, requested_at)
      values (gen_random_uuid()::text, ${late.id}, 'TEST-DEPT', '근거 자료', '2025-10-02', ${requestedAt.toISOString()})`.execute(
      test.database.db,
    );
    await sql`update ombudsman_cases set received_at = ${requestedAt.toISOString()} where id = ${late.id}`.execute(
      test.database.db,
    );
    const { items, uncoveredYears } = await listOverdue(
      test.database.db,
      new Date('2025-10-13T12:00:00+09:00'),
    );
    const item = items.find((entry) => entry.caseId === late.id && entry.kind === 'information_request');
    // 1, 2, 10 and 13 October: the 3rd, Chuseok (6th to 8th with its substitute), the 9th and the
    // weekends are not working days. Allowed: the 1st and the 2nd.
    assert.deepEqual(
      { elapsed: item?.elapsedDays, limit: item?.limitDays, dueOn: item?.dueOn },
      { elapsed: 4, limit: 2, dueOn: '2025-10-02' },
    );
    assert.deepEqual(uncoveredYears, []);
  });

  it('does not flag a recommendation without a due date as overdue on the day it is issued', async () => {
    const fresh = await createCase(test.database, test.config, standing, 'follow_up');
    const { items } = await listOverdue(test.database.db);
    assert.equal(
      items.filter((entry) => entry.caseId === fresh.id && entry.kind === 'recommendation').length,
      0,
    );
    const inbox = await get('/ombudsman/inbox', as.department);
    const recommendation = inbox
      .json()
      .recommendations.find((item: { caseId: string }) => item.caseId === fresh.id);
    assert.equal(recommendation.overdue, false);
  });
});
