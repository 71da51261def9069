/**
 * Due dates are counted from today in the city, by the kernel clock: a step taken at 01:00 in Seoul
 * (16:00 UTC the day before) is dated the Seoul day, not the UTC one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { signIn } from '../../../kernel/server/accounts/testing.ts';
import { setClockNow } from '../../../kernel/server/city/clock.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { createCase, createOmbudsmanMember, type TestMember } from '../test/factories.ts';

describe('ombudsman due dates: the city clock', () => {
  let test: TestApp;
  let standing: TestMember;
  let headers: Record<string, string>;
  let restore: () => void = () => {};

  before(async () => {
    test = await createTestApp();
    standing = await createOmbudsmanMember(test.database, { standing: true });
    headers = (await signIn(test.app, standing)).headers;
    await sql`insert into vocab_terms (vocabulary, code, name_ko, name_en)
      values ('departments', 'TEST-DEPT', '인권정책과', 'Human Rights Policy Division')`.execute(
      test.database.db,
    );
  });
  after(async () => {
    restore();
    await test.close();
  });

  const step = (caseId: string, payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
      headers,
      payload,
    });

  it('counts the default due date from the Seoul day at 01:00 Seoul time, not the UTC day', async () => {
    const created = await createCase(test.database, test.config, standing, 'investigation');
    // 2026-03-10 01:00 in Seoul is 2026-03-09 16:00 UTC.
    restore = setClockNow('2026-03-09T16:00:00Z');
    const response = await step(created.id, {
      action: 'request_information',
      version: created.version,
      departmentCode: 'TEST-DEPT',
      question: '자료를 보내 주세요',
    });
    restore();
    assert.equal(response.statusCode, 200, response.body);
    const request = await sql<{ due_on: string; requested_at: Date }>`
      select due_on, requested_at
      from ombudsman_info_requests where case_id = ${created.id}`.execute(test.database.db);
    // The office's default of 30 days, from 10 March.
    assert.equal(request.rows[0]?.due_on, '2026-04-09');
  });

  it('takes today in Seoul as the earliest due date at 01:00, and refuses the UTC date (yesterday there)', async () => {
    const created = await createCase(test.database, test.config, standing, 'investigation');
    restore = setClockNow('2026-03-09T16:00:00Z');
    try {
      const yesterday = await step(created.id, {
        action: 'request_information',
        version: created.version,
        departmentCode: 'TEST-DEPT',
        question: '자료를 보내 주세요',
        dueOn: '2026-03-09',
      });
      assert.equal(yesterday.statusCode, 400, yesterday.body);
      assert.equal(yesterday.json().errors[0].field, 'body.dueOn');
      const today = await step(created.id, {
        action: 'request_information',
        version: created.version,
        departmentCode: 'TEST-DEPT',
        question: '자료를 보내 주세요',
        dueOn: '2026-03-10',
      });
      assert.equal(today.statusCode, 200, today.body);
    } finally {
      restore();
    }
  });
});
