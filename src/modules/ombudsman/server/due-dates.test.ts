/**
 * Due dates are counted from today in the city, by the kernel clock, for each city the project ships:
 * a step taken at 01:00 in Seoul (16:00 UTC the day before) is dated the Seoul day, and one taken at
 * 21:00 in Mexico City (03:00 UTC the day after) the Mexico City day, never the UTC one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { signIn } from '../../../kernel/server/accounts/testing.ts';
import { setClockNow } from '../../../kernel/server/city/clock.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { createCase, createOmbudsmanMember, type TestMember } from '../test/factories.ts';

/** For each city, an instant at which its date is not the UTC date, and what follows from it. */
const cities = [
  {
    city: 'gwangju',
    // 2026-03-10 01:00 in Seoul is 2026-03-09 16:00 UTC.
    at: '2026-03-09T16:00:00Z',
    local: '01:00 Seoul time',
    today: '2026-03-10',
    yesterday: '2026-03-09',
    // The office's default of 30 days, from 10 March.
    defaultDue: '2026-04-09',
  },
  {
    city: 'sample-city',
    // 2026-03-09 21:00 in Mexico City is 2026-03-10 03:00 UTC: UTC would count from a day too late.
    at: '2026-03-10T03:00:00Z',
    local: '21:00 Mexico City time',
    today: '2026-03-09',
    yesterday: '2026-03-08',
    defaultDue: '2026-04-08',
  },
] as const;

for (const { city, at, local, today, yesterday, defaultDue } of cities) {
  describe(`ombudsman due dates: the city clock (${city})`, () => {
    let test: TestApp;
    let standing: TestMember;
    let headers: Record<string, string>;
    let restore: () => void = () => {};

    before(async () => {
      test = await createTestApp({ env: { RIGHTSCITY_CITY: city } });
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

    it(`counts the default due date from the city's day at ${local}, not the UTC day`, async () => {
      const created = await createCase(test.database, test.config, standing, 'investigation');
      restore = setClockNow(at);
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
      assert.equal(request.rows[0]?.due_on, defaultDue);
    });

    it(`takes today in the city as the earliest due date at ${local}, and refuses the day before`, async () => {
      const created = await createCase(test.database, test.config, standing, 'investigation');
      restore = setClockNow(at);
      try {
        const before = await step(created.id, {
          action: 'request_information',
          version: created.version,
          departmentCode: 'TEST-DEPT',
          question: '자료를 보내 주세요',
          dueOn: yesterday,
        });
        assert.equal(before.statusCode, 400, before.body);
        assert.equal(before.json().errors[0].field, 'body.dueOn');
        const onToday = await step(created.id, {
          action: 'request_information',
          version: created.version,
          departmentCode: 'TEST-DEPT',
          question: '자료를 보내 주세요',
          dueOn: today,
        });
        assert.equal(onToday.statusCode, 200, onToday.body);
      } finally {
        restore();
      }
    });
  });
}
