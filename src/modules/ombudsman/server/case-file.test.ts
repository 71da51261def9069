/**
 * What staff write is kept and shown (issue #26): the text typed with each step reaches the case file
 * and its timeline with the author's name; the decision document holds the ombudsman's facts, the
 * grounds, each recommendation with its department's name and its own due date, and the signatory;
 * due dates in the past are refused; the case's particulars stay editable; a closed case can be
 * reopened; the complainant's status check tells the outcome without naming anyone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { clock } from '../../../kernel/server/city/clock.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { createCase, createOmbudsmanMember, sampleComplaint, type TestMember } from '../test/factories.ts';

type Headers = Record<string, string>;

const inDays = (days: number) => {
  return clock().addDays(clock().today(), days);
};

describe('ombudsman case file: what staff write is kept', () => {
  let test: TestApp;
  let standing: TestMember;
  let assigned: TestMember;
  const as = {} as Record<'standing' | 'assigned' | 'officer' | 'department' | 'unassigned', Headers>;

  before(async () => {
    test = await createTestApp();
    standing = await createOmbudsmanMember(test.database, { standing: true, displayName: '김상임' });
    assigned = await createOmbudsmanMember(test.database, { standing: false, displayName: '이비상임' });
    const unassigned = await createOmbudsmanMember(test.database, { standing: false });
    const officer = await createUser(test.database, { role: 'officer', displayName: '박주무관' });
    const department = await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' });
    as.standing = (await signIn(test.app, standing)).headers;
    as.assigned = (await signIn(test.app, assigned)).headers;
    as.unassigned = (await signIn(test.app, unassigned)).headers;
    as.officer = (await signIn(test.app, officer)).headers;
    as.department = (await signIn(test.app, department)).headers;
    await sql`insert into vocab_terms (vocabulary, code, name_ko, name_en) values
      ('departments', 'TEST-DEPT', '인권정책과', 'Human Rights Policy Division'),
      ('departments', 'OTHER-DEPT', '복지정책과', 'Welfare Policy Division'),
      ('rights', 'udhr-12', '사생활을 보호받을 권리', 'Right to privacy')`.execute(test.database.db);
  });
  after(() => test.close());

  const step = (headers: Headers, caseId: string, payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
      headers,
      payload,
    });
  const read = async (caseId: string, headers: Headers = as.standing) => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases/${caseId}?purpose=test`,
      headers,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const ok = async (headers: Headers, caseId: string, payload: Record<string, unknown>) => {
    const response = await step(headers, caseId, payload);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().version as number;
  };
  const status = (receiptNumber: string, trackingCode: string) =>
    test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/complaints/status?receiptNumber=${receiptNumber}&trackingCode=${trackingCode}`,
    });

  it("keeps the note typed to open an investigation, on the timeline with its author's name", async () => {
    const created = await createCase(test.database, test.config, standing, 'assessment');
    await ok(as.standing, created.id, {
      action: 'admit',
      version: created.version,
      note: '진정 요건을 갖추어 조사를 개시함',
    });
    const file = await read(created.id);
    const admit = file.events.at(-1);
    assert.equal(admit.action, 'admit');
    assert.equal(admit.body, '진정 요건을 갖추어 조사를 개시함');
    assert.equal(admit.actorName, '김상임');
    assert.ok(Date.parse(admit.at) > 0);
    // Free text stays in the case file: the audit trail never holds it.
    const trail = await sql<{ after: unknown }>`
      select after from audit_trail where entity_id = ${created.id}`.execute(test.database.db);
    assert.ok(!JSON.stringify(trail.rows).includes('조사를 개시함'));
  });

  it('keeps notes, questions and answers with the names of who wrote them', async () => {
    const created = await createCase(
      test.database,
      test.config,
      standing,
      'investigation',
      {},
      {
        assignedTo: [assigned.id],
      },
    );
    let version = await ok(as.assigned, created.id, {
      action: 'add_note',
      version: created.version,
      body: '현장 조사 메모',
    });
    version = await ok(as.assigned, created.id, {
      action: 'request_information',
      version,
      departmentCode: 'TEST-DEPT',
      question: 'CCTV 설치 근거 자료를 보내 주세요',
      dueOn: inDays(14),
    });
    const file = await read(created.id);
    assert.deepEqual(
      file.notes.map((note: { authorName: string; body: string }) => [note.authorName, note.body]),
      [['이비상임', '현장 조사 메모']],
    );
    assert.deepEqual(
      file.events
        .slice(-2)
        .map((event: { actorName: string; body: string }) => [event.actorName, event.body]),
      [
        ['이비상임', '현장 조사 메모'],
        ['이비상임', 'CCTV 설치 근거 자료를 보내 주세요'],
      ],
    );
    assert.equal(file.informationRequests[0].dueOn, inDays(14));
    assert.ok(version > created.version);
  });

  it('refuses a due date in the past with a field error, for requests and recommendations', async () => {
    const investigating = await createCase(test.database, test.config, standing, 'investigation');
    const request = await step(as.standing, investigating.id, {
      action: 'request_information',
      version: investigating.version,
      departmentCode: 'TEST-DEPT',
      question: '자료 요청',
      dueOn: inDays(-1),
    });
    assert.equal(request.statusCode, 400, request.body);
    assert.match(String(request.headers['content-type']), /application\/problem\+json/);
    assert.deepEqual(
      request.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
      [['body.dueOn', 'date_in_past']],
    );
    const decided = await createCase(test.database, test.config, standing, 'decided');
    const recommendation = await step(as.standing, decided.id, {
      action: 'recommend',
      version: decided.version,
      departmentCode: 'TEST-DEPT',
      body: '권고',
      dueOn: '2020-01-01',
    });
    assert.equal(recommendation.statusCode, 400);
    assert.equal(recommendation.json().errors[0].field, 'body.dueOn');
    assert.equal((await read(decided.id)).recommendations.length, 0);
    assert.equal((await read(investigating.id)).informationRequests.length, 0);
  });

  it('refuses a field the API would not store (strict bodies)', async () => {
    const created = await createCase(test.database, test.config, standing, 'investigation');
    const response = await step(as.standing, created.id, {
      action: 'decide',
      version: created.version,
      outcome: 'violation_found',
      facts: '사실',
      grounds: '판단',
      signedBy: 'someone',
    });
    assert.equal(response.statusCode, 400);
    assert.equal((await read(created.id)).status, 'investigation');
  });

  it('writes a decision an ombudsman would sign, and letters dated and addressed by name, each with its own due date', async () => {
    const created = await createCase(
      test.database,
      test.config,
      standing,
      'investigation',
      {},
      {
        assignedTo: [assigned.id],
      },
    );
    let version = await ok(as.assigned, created.id, {
      action: 'decide',
      version: created.version,
      outcome: 'violation_found',
      facts: '피진정기관은 병실 안에 CCTV를 설치하여 입원 환자 A를 상시 촬영하였다.',
      grounds: '상시 촬영은 헌법 제17조의 사생활의 비밀과 자유를 침해한다.',
    });
    version = await ok(as.assigned, created.id, {
      action: 'recommend',
      version,
      departmentCode: 'TEST-DEPT',
      body: '병실 안의 CCTV를 철거할 것',
      dueOn: inDays(60),
    });
    version = await ok(as.assigned, created.id, {
      action: 'recommend',
      version,
      departmentCode: 'OTHER-DEPT',
      body: '직원에게 인권교육을 실시할 것',
      dueOn: inDays(90),
    });
    version = await ok(as.assigned, created.id, {
      action: 'recommend',
      version,
      departmentCode: 'TEST-DEPT',
      body: '재발 방지 대책을 마련할 것',
    });
    await ok(as.assigned, created.id, { action: 'issue_recommendations', version });

    const file = await read(created.id);
    assert.equal(file.decisionFacts, '피진정기관은 병실 안에 CCTV를 설치하여 입원 환자 A를 상시 촬영하였다.');
    assert.equal(file.decisionGrounds, '상시 촬영은 헌법 제17조의 사생활의 비밀과 자유를 침해한다.');
    assert.deepEqual(file.signatory, { userId: assigned.id, name: '이비상임', standing: false });
    // Each keeps the date entered for it; the one left open gets the office's default (30 days).
    assert.deepEqual(
      file.recommendations.map((item: { dueOn: string }) => item.dueOn),
      [inDays(60), inDays(90), inDays(30)],
    );

    const document = async (path: string, lang: 'ko' | 'en') => {
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/v1/ombudsman/cases/${created.id}/documents/${path}?lang=${lang}`,
        headers: as.officer,
      });
      assert.equal(response.statusCode, 200, response.body);
      return response.body;
    };
    const ko = await document('decision', 'ko');
    assert.match(ko, /인정 사실/);
    assert.match(ko, /입원 환자 A를 상시 촬영하였다/);
    assert.match(ko, /헌법 제17조의 사생활의 비밀과 자유를 침해한다/);
    assert.match(ko, /인권침해 인정/);
    assert.match(ko, /인권정책과/);
    assert.match(ko, /복지정책과/);
    assert.match(ko, /병실 안의 CCTV를 철거할 것/);
    assert.match(ko, /광주광역시 비상임 인권옴부즈맨<br>이비상임/);
    assert.doesNotMatch(ko, /TEST-DEPT/);
    // The complainant's own words and their identity are not the decision's facts.
    assert.doesNotMatch(ko, new RegExp(sampleComplaint.description));
    assert.doesNotMatch(ko, /홍길동/);
    const [year60, month60, day60] = inDays(60).split('-').map(Number);
    const [year90, month90, day90] = inDays(90).split('-').map(Number);
    assert.match(ko, new RegExp(`${year60}년 ${month60}월 ${day60}일`));
    assert.match(ko, new RegExp(`${year90}년 ${month90}월 ${day90}일`));
    const en = await document('decision', 'en');
    assert.match(en, /Grounds/);
    assert.match(en, /Human Rights Policy Division/);
    assert.match(en, /Non-standing Human Rights Ombudsman, Gwangju Metropolitan City<br>이비상임/);

    const [first, second] = file.recommendations;
    const letter = await document(`recommendation/${second.id}`, 'ko');
    assert.match(letter, /<dt>수신<\/dt><dd>복지정책과<\/dd>/);
    assert.match(letter, /<dt>날짜<\/dt><dd>\d{4}년 \d{1,2}월 \d{1,2}일<\/dd>/);
    assert.match(letter, new RegExp(`${year90}년 ${month90}월 ${day90}일`));
    const letterEn = await document(`recommendation/${first.id}`, 'en');
    assert.match(letterEn, /<dt>To<\/dt><dd>Human Rights Policy Division<\/dd>/);
  });

  it('lets the caseworkers correct and classify a case after intake, with a version check, audited and on the timeline', async () => {
    const created = await createCase(
      test.database,
      test.config,
      standing,
      'assessment',
      {},
      {
        assignedTo: [assigned.id],
      },
    );
    const patch = (headers: Headers, payload: Record<string, unknown>) =>
      test.app.inject({ method: 'PATCH', url: `/api/v1/ombudsman/cases/${created.id}`, headers, payload });
    const edit = {
      version: created.version,
      summary: '병실 CCTV에 의한 사생활 침해',
      respondent: '○○정신요양원',
      respondentType: 'agency',
      rights: ['udhr-12'],
      occurredOn: '2026-03-01',
      occurredPlace: '광주광역시 북구',
    };
    assert.equal((await patch(as.officer, edit)).statusCode, 403);
    assert.equal((await patch(as.unassigned, edit)).statusCode, 404);
    const unknown = await patch(as.assigned, { ...edit, description: '바꿈' });
    assert.equal(unknown.statusCode, 400);
    const badRight = await patch(as.assigned, { ...edit, rights: ['no-such-right'] });
    assert.equal(badRight.statusCode, 400);
    assert.equal(badRight.json().errors[0].field, 'body.rights');

    const done = await patch(as.assigned, edit);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().version, created.version + 1);
    assert.deepEqual(done.json().changed.sort(), [
      'occurredOn',
      'occurredPlace',
      'respondent',
      'respondentType',
      'rights',
      'summary',
    ]);
    const stale = await patch(as.standing, { ...edit, summary: '다른 요지' });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');

    const file = await read(created.id);
    assert.equal(file.summary, edit.summary);
    assert.equal(file.respondent, edit.respondent);
    assert.equal(file.respondentType, 'agency');
    assert.deepEqual(file.rights, ['udhr-12']);
    assert.equal(file.occurredOn, '2026-03-01');
    assert.equal(file.occurredPlace, '광주광역시 북구');
    const event = file.events.at(-1);
    assert.equal(event.action, 'edit');
    assert.equal(event.actorName, '이비상임');
    assert.equal(JSON.parse(event.note).before.summary, sampleComplaint.summary);

    const cleared = await patch(as.standing, { version: file.version, occurredPlace: null });
    assert.equal(cleared.statusCode, 200);
    assert.equal((await read(created.id)).occurredPlace, null);

    const trail = await sql<{ action: string; after: { fields: string[] } }>`
      select action, after from audit_trail where entity_id = ${created.id} and action = 'ombudsman.edit-case'
      order by id`.execute(test.database.db);
    assert.equal(trail.rows.length, 2);
    assert.ok(trail.rows[0]?.after.fields.includes('summary'));
    assert.ok(!JSON.stringify(trail.rows).includes('병실 CCTV에 의한'));

    const searched = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases?q=${encodeURIComponent('병실 CCTV에 의한')}`,
      headers: as.standing,
    });
    assert.ok(searched.json().cases.some((item: { id: string }) => item.id === created.id));
  });

  it('lets the standing ombudsman reopen a closed case with a reason, audited and on the timeline', async () => {
    const created = await createCase(
      test.database,
      test.config,
      standing,
      'closed',
      {},
      {
        assignedTo: [assigned.id],
      },
    );
    const refused = await step(as.assigned, created.id, {
      action: 'reopen',
      version: created.version,
      reason: '새 증거',
    });
    assert.equal(refused.statusCode, 403);
    const missing = await step(as.standing, created.id, { action: 'reopen', version: created.version });
    assert.equal(missing.statusCode, 400);
    const version = await ok(as.standing, created.id, {
      action: 'reopen',
      version: created.version,
      reason: '진정인이 새로운 증거를 제출함',
    });
    const file = await read(created.id);
    assert.equal(file.status, 'assessment');
    assert.equal(file.closedReason, null);
    assert.equal(file.closedAt, null);
    const event = file.events.at(-1);
    assert.deepEqual(
      [event.action, event.fromStatus, event.toStatus, event.body, event.actorName],
      ['reopen', 'closed', 'assessment', '진정인이 새로운 증거를 제출함', '김상임'],
    );
    const trail = await sql<{ action: string }>`
      select action from audit_trail where entity_id = ${created.id} order by id desc limit 1`.execute(
      test.database.db,
    );
    assert.equal(trail.rows[0]?.action, 'ombudsman.reopen');
    // And it can be closed again.
    await ok(as.standing, created.id, { action: 'dismiss', version, reason: 'withdrawn' });
    assert.equal((await read(created.id)).status, 'closed');
  });

  describe("the complainant's status check tells the outcome and names nobody", () => {
    const identityWords = [
      sampleComplaint.complainant?.name ?? '',
      sampleComplaint.respondent,
      sampleComplaint.summary,
      'TEST-DEPT',
      '인권정책과',
      '김상임',
      '이비상임',
    ];
    const check = async (created: { receiptNumber: string; trackingCode: string }) => {
      const response = await status(created.receiptNumber, created.trackingCode);
      assert.equal(response.statusCode, 200, response.body);
      for (const word of identityWords) assert.ok(!response.body.includes(word), word);
      return response.json();
    };

    it('says nothing of an outcome while the case is open', async () => {
      const created = await createCase(test.database, test.config, standing, 'investigation');
      assert.equal((await check(created)).outcome, null);
    });

    it('not admissible, with the kind of reason', async () => {
      const created = await createCase(test.database, test.config, standing, 'closed');
      assert.deepEqual((await check(created)).outcome, {
        kind: 'not_admissible',
        inadmissibleReason: 'outside_mandate',
        referredTo: null,
        recommendations: [],
      });
    });

    it('referred, and to whom', async () => {
      const created = await createCase(test.database, test.config, standing, 'received');
      await ok(as.officer, created.id, {
        action: 'refer',
        version: created.version,
        referredTo: '국가인권위원회',
      });
      const outcome = (await check(created)).outcome;
      assert.equal(outcome.kind, 'referred');
      assert.equal(outcome.referredTo, '국가인권위원회');
    });

    it('violation found, with how each recommendation was answered and implemented', async () => {
      const created = await createCase(test.database, test.config, standing, 'follow_up');
      const file = await read(created.id);
      const answered = await step(as.department, created.id, {
        action: 'respond_recommendation',
        version: created.version,
        recommendationId: file.recommendations[0].id,
        response: 'partly_accepted',
        reason: '예산 사정으로 일부만 수용합니다',
        implemented: true,
      });
      assert.equal(answered.statusCode, 200, answered.body);
      const result = await check(created);
      assert.equal(result.status, 'follow_up');
      assert.deepEqual(result.outcome, {
        kind: 'violation_found',
        inadmissibleReason: null,
        referredTo: null,
        recommendations: [{ response: 'partly_accepted', implemented: true }],
      });
      assert.ok(!JSON.stringify(result).includes('예산 사정'));
    });

    it('not found and conciliated', async () => {
      for (const outcome of ['violation_not_found', 'conciliated'] as const) {
        const created = await createCase(test.database, test.config, standing, 'investigation');
        const version = await ok(as.standing, created.id, {
          action: 'decide',
          version: created.version,
          outcome,
          facts: '사실',
          grounds: '판단',
        });
        assert.equal((await check(created)).outcome.kind, outcome);
        await ok(as.standing, created.id, {
          action: 'close',
          version,
          reason: outcome === 'conciliated' ? 'conciliated' : 'no_violation',
        });
        assert.equal((await check(created)).outcome.kind, outcome);
      }
    });
  });
});
