/**
 * What is public follows the source's rule (issue 16, item 5): a committee's recommendation, issued
 * through the register by the committees, once the minutes of its public meeting are published; an
 * ombudsman's only as the anonymised summary the ombudsman publishes, with no case reference, reasons
 * or notes. Until then neither is in any public answer: the tracker's list and page, the portal's
 * search, the term pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { addCalendarDays as addDays, cityToday } from '../../../kernel/server/city/clock.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { scheduleTestMeeting } from '../../committees/test/factories.ts';
import type { RecommendationList, StaffRecommendation } from '../contract.ts';
import {
  addDepartments,
  createRecommendation,
  type Headers,
  recommendationInput,
} from '../test/factories.ts';

const committeeText = '공공도서관 점자 도서를 해마다 늘릴 것';
const caseText = '피진정인 홍길동 과장에게 인권교육을 받게 할 것 (진정 2026-000123)';
const summary = {
  ko: '민원 응대 공무원에게 인권교육을 하도록 권고함',
  en: 'Human rights training for the officials who deal with complaints',
};

describe('recommendations: publication by source', () => {
  let test: TestApp;
  let officer: Headers;
  let ombudsman: Headers;
  let department: Headers;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers?: Headers, payload?: object) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(headers ? { headers } : {}),
      ...(payload ? { payload } : {}),
    });
  /** Everything the public can read that could show a text: the list, the page, search, term pages. */
  const publicAnswers = async (id: string, word: string) => {
    const list = (await inject('GET', '/recommendations?limit=100')).json() as RecommendationList;
    const page = await inject('GET', `/recommendations/${id}`);
    const search = await inject('GET', `/portal/search?q=${encodeURIComponent(word)}`);
    const term = await inject('GET', '/vocabularies/target-groups/persons-with-disabilities');
    const openData = (await inject('GET', '/open-data/recommendations.csv')).body;
    const trace = await inject('GET', `/recommendations/${id}/trace`);
    return {
      openData,
      inOpenData: openData.includes(id),
      trace: trace.statusCode,
      traceBody: trace.body,
      listed: list.items.some((item) => item.id === id),
      page: page.statusCode,
      pageBody: page.body,
      found: search.body.includes(id),
      searchBody: search.body,
      onTerm: term.body.includes(id),
    };
  };

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    await addDepartments(test.database, ['TEST-DEPT']);
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    ombudsman = (await signIn(test.app, await createUser(test.database, { role: 'ombudsman' }))).headers;
    department = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' }),
      )
    ).headers;
  });
  after(() => test.close());

  it('makes a committee’s recommendation public only once the minutes of its meeting are published', async () => {
    const day = addDays(cityToday(), -5);
    const meetingId = await scheduleTestMeeting(test.database, 'citizen-committee', {
      startsAt: `${day}T10:00:00+09:00`,
      endsAt: `${day}T12:00:00+09:00`,
      isPublic: true,
    });
    const decided = await inject('POST', `/committees/meetings/${meetingId}/decisions`, officer, {
      text: '점자 도서 확충을 권고함',
      recommendations: [
        {
          departmentCode: 'TEST-DEPT',
          body: committeeText,
          tags: [{ vocabulary: 'target-groups', code: 'persons-with-disabilities' }],
        },
      ],
    });
    assert.equal(decided.statusCode, 201, decided.body);
    const staff = (
      await inject('GET', '/recommendations/staff?limit=100', department)
    ).json() as RecommendationList;
    const issued = staff.items.find((item) => item.text.ko === committeeText);
    assert.ok(issued, 'the department finds it in the register');
    const view = (
      await inject('GET', `/recommendations/staff/${issued.id}`, officer)
    ).json() as StaffRecommendation;
    assert.equal(view.sourcePath, `/committees/meetings/${meetingId}`);
    assert.equal(view.publicBySource, true);
    // The office cannot publish it by hand: the minutes decide.
    const forced = await inject('PUT', `/recommendations/${issued.id}`, officer, {
      ...recommendationInput({
        source:
          view.source.kind === 'committee'
            ? { kind: 'committee', reference: view.source.reference }
            : undefined,
        text: view.text,
        departments: ['TEST-DEPT'],
        issuedOn: view.issuedOn ?? cityToday(),
        answerDue: null,
        implementationDue: null,
        isPublic: true,
      }),
      version: view.version,
    });
    assert.equal(forced.statusCode, 400, forced.body);
    assert.equal(forced.json().errors[0].code, 'recommendations_public_by_source');

    let version = (await inject('GET', `/committees/meetings/${meetingId}`, officer)).json()
      .version as number;
    const step = async (method: 'PUT' | 'POST', url: string, payload: object) => {
      const response = await inject(method, url, officer, { ...payload, version });
      assert.equal(response.statusCode, 200, response.body);
      version = response.json().version;
    };
    await step('PUT', `/committees/meetings/${meetingId}/minutes`, { minutes: '점자 도서 확충을 의결함.' });
    await step('POST', `/committees/meetings/${meetingId}/minutes/transitions`, { action: 'approve' });
    const unpublished = await publicAnswers(issued.id, '점자 도서');
    assert.deepEqual(
      [unpublished.listed, unpublished.page, unpublished.found, unpublished.onTerm],
      [false, 404, false, false],
      'approved minutes are not published minutes',
    );
    await step('POST', `/committees/meetings/${meetingId}/minutes/transitions`, { action: 'publish' });
    const published = await publicAnswers(issued.id, '점자 도서');
    assert.deepEqual(
      [published.listed, published.page, published.found, published.onTerm],
      [true, 200, true, true],
    );
  });

  it('publishes an ombudsman’s recommendation only as the summary the ombudsman writes', async () => {
    const refused = await inject(
      'POST',
      '/recommendations',
      officer,
      recommendationInput({
        source: { kind: 'ombudsman', reference: '진정 2026-000123 결정' },
        text: { ko: caseText, en: caseText },
        isPublic: true,
      }),
    );
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().errors[0].code, 'recommendations_ombudsman_summary');
    const created = await createRecommendation(test.app, officer, {
      source: { kind: 'ombudsman', reference: '진정 2026-000123 결정' },
      text: { ko: caseText, en: caseText },
      tags: [{ vocabulary: 'target-groups', code: 'persons-with-disabilities' }],
    });
    const answered = await inject('POST', `/recommendations/${created.id}/transitions`, department, {
      action: 'answer',
      version: created.version,
      departmentCode: 'TEST-DEPT',
      answer: 'accepted',
      reasons: '홍길동 과장이 교육을 이수함',
    });
    assert.equal(answered.statusCode, 200, answered.body);
    const hidden = await publicAnswers(created.id, '홍길동');
    assert.deepEqual(
      [hidden.listed, hidden.page, hidden.found, hidden.onTerm, hidden.inOpenData, hidden.trace],
      [false, 404, false, false, false, 404],
    );

    // The ombudsman, and nobody else, publishes; on an ombudsman's recommendation only.
    const view = (
      await inject('GET', `/recommendations/staff/${created.id}`, ombudsman)
    ).json() as StaffRecommendation;
    assert.equal(view.canPublishSummary, true);
    const body = { version: view.version, summary };
    assert.equal(
      (await inject('POST', `/recommendations/${created.id}/summary`, officer, body)).statusCode,
      403,
    );
    const other = await createRecommendation(test.app, officer, {});
    assert.equal(
      (
        await inject('POST', `/recommendations/${other.id}/summary`, ombudsman, {
          version: other.version,
          summary,
        })
      ).statusCode,
      404,
    );
    assert.equal((await inject('GET', `/recommendations/staff/${other.id}`, ombudsman)).statusCode, 404);
    const empty = await inject('POST', `/recommendations/${created.id}/summary`, ombudsman, {
      version: view.version,
      summary: { ko: ' ', en: summary.en },
    });
    assert.equal(empty.statusCode, 400);
    const stale = await inject('POST', `/recommendations/${created.id}/summary`, ombudsman, {
      version: view.version - 1,
      summary,
    });
    assert.equal(stale.statusCode, 409);
    const published = await inject('POST', `/recommendations/${created.id}/summary`, ombudsman, body);
    assert.equal(published.statusCode, 200, published.body);

    const shown = await publicAnswers(created.id, '인권교육');
    assert.deepEqual([shown.listed, shown.page, shown.found, shown.onTerm], [true, 200, true, true]);
    const page = JSON.parse(shown.pageBody);
    assert.deepEqual(page.text, summary);
    assert.equal(page.source.reference.includes('2026-000123'), false);
    assert.equal(page.departments[0].reasons, null);
    assert.equal(page.departments[0].answer, 'accepted');
    assert.equal(shown.inOpenData, true, 'in the open data, as its summary');
    assert.ok(shown.openData.includes(summary.en), 'the open data carries the summary');
    for (const answer of [
      shown.pageBody,
      shown.searchBody,
      shown.openData,
      shown.traceBody,
      (await inject('GET', '/recommendations?limit=100')).body,
    ]) {
      assert.equal(answer.includes('홍길동'), false, 'no name in any public answer');
      assert.equal(answer.includes('2026-000123'), false, 'no case identifier in any public answer');
    }
    assert.equal(
      (await publicAnswers(created.id, '홍길동')).found,
      false,
      'not found by the words of its text',
    );
    // Staff still read the text; the summary is shown beside it.
    const staffView = (
      await inject('GET', `/recommendations/staff/${created.id}`, officer)
    ).json() as StaffRecommendation;
    assert.equal(staffView.text.ko, caseText);
    assert.deepEqual(staffView.publicSummary, summary);
    assert.equal(staffView.publicBySource, true);
  });
});
