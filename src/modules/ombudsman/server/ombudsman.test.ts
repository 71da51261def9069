/**
 * The ombudsman API: intake and status, confidentiality per role (every route × every role and the
 * public), the access log, search, statistics with small-cell suppression, documents and retention.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { type Kysely, sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import { createCase, createOmbudsmanMember, sampleComplaint, type TestMember } from '../test/factories.ts';
import { searchFields } from './commands/file-complaint.ts';
import { pseudonymiseClosedCases } from './commands/pseudonymise-closed-cases.ts';
import { countCap } from './commands/search-cases.ts';

type Headers = Record<string, string>;
const roles = [
  'public',
  'admin',
  'officer',
  'department',
  'otherDepartment',
  'committee',
  'organisation',
  'standing',
  'assigned',
  'unassigned',
] as const;
type Who = (typeof roles)[number];
const entitledToIdentity: readonly Who[] = ['standing', 'assigned'];

const identity = {
  name: '비밀진정인가나다',
  phone: '010-9876-5432',
  email: 'secret.complainant.4821@example.org',
};

describe('ombudsman API', () => {
  let test: TestApp;
  let standing: TestMember;
  let assigned: TestMember;
  let unassigned: TestMember;
  const as = {} as Record<Who, Headers>;
  let caseId: string;
  let caseVersion: number;
  let followUp: { id: string };
  let recommendationId: string;
  let receipt: { receiptNumber: string; trackingCode: string };
  let attachmentId: string;

  const count = async (table: string) =>
    (
      await sql<{ n: number }>`select count(*)::integer as n from ${sql.table(table)}`.execute(
        test.database.db,
      )
    ).rows[0]?.n;

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    standing = await createOmbudsmanMember(test.database, { standing: true });
    assigned = await createOmbudsmanMember(test.database, { standing: false });
    unassigned = await createOmbudsmanMember(test.database, { standing: false });
    as.public = {};
    for (const role of ['admin', 'officer', 'committee', 'organisation'] as const) {
      as[role] = (await signIn(test.app, await createUser(test.database, { role }))).headers;
    }
    as.department = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'TEST-DEPT' }),
      )
    ).headers;
    as.otherDepartment = (
      await signIn(
        test.app,
        await createUser(test.database, { role: 'department', departmentCode: 'OTHER-DEPT' }),
      )
    ).headers;
    as.standing = (await signIn(test.app, standing)).headers;
    as.assigned = (await signIn(test.app, assigned)).headers;
    as.unassigned = (await signIn(test.app, unassigned)).headers;

    const filed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints',
      payload: { ...sampleComplaint, complainant: identity },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    receipt = filed.json();
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const uploaded = await test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/complaints/${receipt.receiptNumber}/attachments`,
      headers: { 'content-type': 'application/octet-stream', 'x-tracking-code': receipt.trackingCode },
      payload: png,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    attachmentId = uploaded.json().id;
    const row = await sql<{
      id: string;
    }>`select id from ombudsman_cases where receipt_number = ${receipt.receiptNumber}`.execute(
      test.database.db,
    );
    caseId = row.rows[0]?.id ?? '';
    let version = 1;
    for (const payload of [
      { action: 'start_assessment' },
      { action: 'assign', userIds: [assigned.id] },
      { action: 'admit' },
      {
        action: 'request_information',
        departmentCode: 'TEST-DEPT',
        question: 'CCTV 설치 근거를 보내 주세요',
      },
    ]) {
      const response = await test.app.inject({
        method: 'POST',
        url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
        headers: as.standing,
        payload: { ...payload, version },
      });
      assert.equal(response.statusCode, 200, response.body);
      version = response.json().version;
    }
    caseVersion = version;
    followUp = await createCase(test.database, test.config, standing, 'follow_up', { complainant: identity });
    const file = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases/${followUp.id}?purpose=setup`,
      headers: as.standing,
    });
    recommendationId = file.json().recommendations[0].id;
  });
  after(() => test.close());

  describe('intake and status', () => {
    it('answers a receipt number and a readable tracking code, and the status for the pair', async () => {
      assert.match(receipt.receiptNumber, /^\d{4}-\d{6}$/);
      assert.match(receipt.trackingCode, /^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/v1/ombudsman/complaints/status?receiptNumber=${receipt.receiptNumber}&trackingCode=${receipt.trackingCode.toLowerCase()}`,
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(Object.keys(response.json()).sort(), ['outcome', 'receivedAt', 'status', 'updatedAt']);
      assert.equal(response.json().status, 'investigation');
    });

    it('answers a wrong pair with the same 404 whether or not the receipt exists, then rate-limits the receipt', async () => {
      const lookup = (receiptNumber: string) =>
        test.app.inject({
          method: 'GET',
          url: `/api/v1/ombudsman/complaints/status?receiptNumber=${receiptNumber}&trackingCode=AAAAA-AAAAA-AAAAA`,
          remoteAddress: '203.0.113.9',
        });
      const existing = await lookup(receipt.receiptNumber);
      const missing = await lookup('1999-000001');
      assert.equal(existing.statusCode, 404);
      assert.equal(missing.statusCode, 404);
      assert.equal(existing.body, missing.body);
      // A receipt number guessed too often waits (the real receipt stays usable for the tests below).
      for (let attempt = 0; attempt < 10; attempt++)
        assert.equal((await lookup('1999-000002')).statusCode, 404);
      const limited = await lookup('1999-000002');
      assert.equal(limited.statusCode, 429);
      assert.ok(limited.headers['retry-after']);
    });

    it('stores nothing for a complaint without consent or with a bad field', async () => {
      const before = { cases: await count('ombudsman_cases'), audit: await count('audit_trail') };
      const bad = [
        { ...sampleComplaint, consent: false },
        { ...sampleComplaint, consent: undefined },
        { ...sampleComplaint, complainant: { email: 'not-an-email' } },
        { ...sampleComplaint, occurredOn: '2026-13-45' },
        { ...sampleComplaint, summary: '' },
        { ...sampleComplaint, surprise: 1 },
        { ...sampleComplaint, rights: ['no-such-right'] },
        { ...sampleComplaint, complainant: undefined, anonymous: false },
      ];
      for (const payload of bad) {
        const response = await test.app.inject({
          method: 'POST',
          url: '/api/v1/ombudsman/complaints',
          payload,
        });
        assert.equal(response.statusCode, 400, `${JSON.stringify(payload)}: ${response.body}`);
        assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      }
      assert.deepEqual({ cases: await count('ombudsman_cases'), audit: await count('audit_trail') }, before);
    });

    it('explains a refused consent on its field, in the request language', async () => {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/ombudsman/complaints?lang=en',
        payload: { ...sampleComplaint, consent: false },
      });
      assert.equal(response.statusCode, 400);
      const [error] = response.json().errors;
      assert.equal(error.field, 'body.consent');
      assert.equal(error.code, 'consent_required');
      assert.match(error.message, /consent/);
    });

    it('accepts an anonymous complaint and keeps no identity for it', async () => {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/ombudsman/complaints',
        payload: { ...sampleComplaint, complainant: undefined, anonymous: true },
      });
      assert.equal(response.statusCode, 201, response.body);
      const row = await sql<{ identity_enc: string | null }>`
        select identity_enc from ombudsman_cases where receipt_number = ${response.json().receiptNumber}`.execute(
        test.database.db,
      );
      assert.equal(row.rows[0]?.identity_enc, null);
    });

    it('refuses an attachment whose content is not PDF or an image, whatever its declared type', async () => {
      const response = await test.app.inject({
        method: 'POST',
        url: `/api/v1/ombudsman/complaints/${receipt.receiptNumber}/attachments`,
        headers: { 'content-type': 'application/pdf', 'x-tracking-code': receipt.trackingCode },
        payload: Buffer.from('<html><script>alert(1)</script></html>'),
      });
      assert.equal(response.statusCode, 415);
      assert.equal(response.json().code, 'ombudsman_attachment_type');
    });

    it('keeps identity encrypted in the database', async () => {
      const rows = await sql<{
        dump: string;
      }>`select row_to_json(c)::text as dump from ombudsman_cases c`.execute(test.database.db);
      const all = rows.rows.map((row) => row.dump).join('\n');
      for (const value of Object.values(identity)) assert.ok(!all.includes(value), value);
      const trail = await sql<{
        dump: string;
      }>`select string_agg(row_to_json(t)::text, '') as dump from audit_trail t`.execute(test.database.db);
      for (const value of Object.values(identity)) assert.ok(!trail.rows[0]?.dump.includes(value), value);
    });
  });

  describe('who may do what', () => {
    const routes: {
      name: string;
      request: () => { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: unknown };
      allowed: readonly Who[];
    }[] = [
      {
        name: 'read case',
        request: () => ({ method: 'GET', url: `/api/v1/ombudsman/cases/${caseId}?purpose=review` }),
        allowed: ['officer', 'standing', 'assigned'],
      },
      {
        name: 'search',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/cases?q=CCTV' }),
        allowed: ['officer', 'standing', 'assigned', 'unassigned'],
      },
      {
        name: 'access log',
        request: () => ({ method: 'GET', url: `/api/v1/ombudsman/cases/${caseId}/access-log` }),
        allowed: ['standing'],
      },
      {
        name: 'attachment',
        request: () => ({
          method: 'GET',
          url: `/api/v1/ombudsman/cases/${caseId}/attachments/${attachmentId}?purpose=review`,
        }),
        // Need to know: a complainant's files name people; the officer works from the summary.
        allowed: ['standing', 'assigned'],
      },
      {
        name: 'decision document',
        request: () => ({
          method: 'GET',
          url: `/api/v1/ombudsman/cases/${caseId}/documents/decision?lang=en`,
        }),
        allowed: ['officer', 'standing', 'assigned'],
      },
      {
        name: 'recommendation letter',
        request: () => ({
          method: 'GET',
          url: `/api/v1/ombudsman/cases/${followUp.id}/documents/recommendation/${recommendationId}`,
        }),
        allowed: ['officer', 'standing', 'department'],
      },
      {
        name: 'transition',
        request: () => ({
          method: 'POST',
          url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
          payload: { action: 'add_note', body: 'x', version: 999 },
        }),
        allowed: ['standing', 'assigned'],
      },
      {
        name: 'department inbox',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/inbox' }),
        allowed: ['department', 'otherDepartment'],
      },
      {
        name: 'members',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/members' }),
        allowed: ['admin', 'officer', 'standing', 'assigned', 'unassigned'],
      },
      {
        name: 'appoint member',
        request: () => ({
          method: 'PUT',
          url: `/api/v1/ombudsman/members/${unassigned.id}`,
          payload: { standing: false, appointedOn: '2026-01-01', version: 999 },
        }),
        allowed: ['admin', 'officer'],
      },
      {
        name: 'staff intake',
        request: () => ({
          method: 'POST',
          url: '/api/v1/ombudsman/cases',
          payload: { ...sampleComplaint, origin: 'complaint', channel: 'phone', consent: true },
        }),
        allowed: ['officer', 'standing'],
      },
      {
        name: 'counselling log',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/counselling?year=2026' }),
        allowed: ['officer', 'standing', 'assigned', 'unassigned'],
      },
      {
        name: 'log counselling',
        request: () => ({
          method: 'POST',
          url: '/api/v1/ombudsman/counselling',
          payload: { heldOn: '2026-04-01', channel: 'phone', topic: '상담', outcome: 'advice_given' },
        }),
        allowed: ['officer', 'standing', 'assigned', 'unassigned'],
      },
      {
        name: 'deadline settings',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/settings/deadlines' }),
        allowed: ['admin', 'officer', 'standing', 'assigned', 'unassigned'],
      },
      {
        name: 'change deadlines',
        request: () => ({
          method: 'PUT',
          url: '/api/v1/ombudsman/settings/deadlines',
          payload: { daysToAssessment: 14, daysToDecision: 90, daysForDepartmentAnswer: 30 },
        }),
        allowed: ['admin', 'officer'],
      },
      {
        name: 'overdue',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/overdue' }),
        allowed: ['officer', 'standing'],
      },
      {
        name: 'workload',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/workload' }),
        allowed: ['officer', 'standing'],
      },
      {
        name: 'statistics',
        request: () => ({ method: 'GET', url: '/api/v1/ombudsman/statistics' }),
        allowed: roles,
      },
      {
        name: 'status',
        request: () => ({
          method: 'GET',
          url: `/api/v1/ombudsman/complaints/status?receiptNumber=${receipt.receiptNumber}&trackingCode=${receipt.trackingCode}`,
        }),
        allowed: roles,
      },
    ];

    for (const route of routes) {
      it(`${route.name}: allowed for ${route.allowed.join(', ')}; refused for the rest; identity only for the entitled`, async () => {
        for (const who of roles) {
          const response = await test.app.inject({ ...route.request(), headers: as[who] } as never);
          const refused = [401, 403, 404].includes(response.statusCode);
          assert.equal(
            !refused,
            route.allowed.includes(who),
            `${who}: ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
          if (!entitledToIdentity.includes(who)) {
            for (const value of Object.values(identity)) {
              assert.ok(!response.body.includes(value), `${who} saw ${value} in ${route.name}`);
            }
          }
        }
      });
    }

    it('shows identity to the standing and the assigned ombudsman, not to the officer', async () => {
      for (const who of ['standing', 'assigned'] as const) {
        const response = await test.app.inject({
          method: 'GET',
          url: `/api/v1/ombudsman/cases/${caseId}?purpose=review`,
          headers: as[who],
        });
        assert.equal(response.json().identity.complainant.email, identity.email);
      }
      const officer = await test.app.inject({
        method: 'GET',
        url: `/api/v1/ombudsman/cases/${caseId}?purpose=review`,
        headers: as.officer,
      });
      assert.equal(officer.json().identity, undefined);
    });

    it('lets only the addressed department answer its information request', async () => {
      const inbox = await test.app.inject({
        method: 'GET',
        url: '/api/v1/ombudsman/inbox',
        headers: as.department,
      });
      const request = inbox
        .json()
        .informationRequests.find((item: { caseId: string }) => item.caseId === caseId);
      assert.ok(request);
      const other = await test.app.inject({
        method: 'GET',
        url: '/api/v1/ombudsman/inbox',
        headers: as.otherDepartment,
      });
      assert.deepEqual(other.json(), { informationRequests: [], recommendations: [] });
      const payload = {
        action: 'answer_information',
        requestId: request.id,
        answer: '근거 자료',
        version: request.caseVersion,
      };
      const refused = await test.app.inject({
        method: 'POST',
        url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
        headers: as.otherDepartment,
        payload,
      });
      assert.equal(refused.statusCode, 404);
      const answered = await test.app.inject({
        method: 'POST',
        url: `/api/v1/ombudsman/cases/${caseId}/transitions`,
        headers: as.department,
        payload,
      });
      assert.equal(answered.statusCode, 200, answered.body);
      caseVersion = answered.json().version;
    });
  });

  it('writes every case read to the access log with its purpose, for the standing ombudsman to review', async () => {
    const purpose = `checking facts ${Date.now()}`;
    await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases/${caseId}?purpose=${encodeURIComponent(purpose)}`,
      headers: as.officer,
    });
    const missing = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases/${caseId}`,
      headers: as.officer,
    });
    assert.equal(missing.statusCode, 400);
    const log = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases/${caseId}/access-log`,
      headers: as.standing,
    });
    const entry = log.json().entries.find((item: { reason: string }) => item.reason === purpose);
    assert.ok(entry, 'the read is logged');
    assert.equal(entry.entityId, caseId);
  });

  it('finds two-syllable Korean words and English words, within the access rules', async () => {
    const search = async (who: Who, q: string) =>
      (
        await test.app.inject({
          method: 'GET',
          url: `/api/v1/ombudsman/cases?q=${encodeURIComponent(q)}`,
          headers: as[who],
        })
      ).json();
    const found = await search('officer', '인권');
    assert.ok(found.cases.some((item: { id: string }) => item.id === caseId));
    assert.ok((await search('officer', 'cctv')).cases.some((item: { id: string }) => item.id === caseId));
    assert.equal((await search('officer', '폭행')).total, 0);
    await createCase(test.database, test.config, standing, 'received', {
      summary: '요양병원 환자 폭행',
      description: '입원 환자가 폭행을 당했습니다.',
    });
    assert.equal((await search('officer', '폭행')).total, 1);
    // "권인" has both grams of 인권's characters but not in this order: the recheck rules it out.
    assert.equal((await search('officer', '권인')).total, 0);
    assert.equal((await search('unassigned', '인권')).total, 0);
    assert.ok(
      (await search('assigned', '인권')).cases.every((item: { assignedTo: string[] }) =>
        item.assignedTo.includes(assigned.id),
      ),
    );
    assert.ok(
      !JSON.stringify(await search('officer', identity.name)).includes(caseId),
      'identity is not searchable',
    );
  });

  it('generates the decision as escaped, printable HTML under its own CSP', async () => {
    const tricky = await createCase(test.database, test.config, standing, 'decided', {
      summary: '<script>alert("x")</script> 요약',
    });
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases/${tricky.id}/documents/decision?lang=ko`,
      headers: as.standing,
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    assert.ok(!response.body.includes('<script>'));
    assert.ok(response.body.includes('&lt;script&gt;'));
    assert.match(response.headers['content-security-policy'] as string, /style-src 'sha256-/);
    assert.ok(response.body.includes('인권침해 인정'));
    assert.ok(!response.body.includes(sampleComplaint.complainant?.name ?? '?'));
  });

  it('publishes statistics with small cells suppressed and the 2018 published figures', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/ombudsman/statistics' });
    const years = response.json().years as {
      year: number;
      source: string;
      casesRegistered: unknown;
      counsellingSessions: unknown;
      byRespondentType: Record<string, unknown>;
    }[];
    const published = years.find((year) => year.year === 2018);
    assert.deepEqual(
      [published?.source, published?.counsellingSessions, published?.casesRegistered],
      ['published', { kind: 'count', value: 346 }, { kind: 'count', value: 78 }],
    );
    const current = years.find((year) => year.source === 'records');
    assert.ok(current);
    // The public answer is cached (60 s), so its counts are those of the first request; the shape holds.
    assert.ok(current.byRespondentType.facility !== undefined);
    for (const value of Object.values(current.byRespondentType) as { kind: string; value?: number }[])
      assert.ok(value.kind === 'suppressed' || (value.kind === 'count' && (value.value ?? 0) >= 5));
    const openData = await test.app.inject({ method: 'GET', url: '/api/v1/open-data/ombudsman-annual.json' });
    assert.equal(openData.statusCode, 200, openData.body);
  });

  it('loads the annual figures equal to figures.csv', () => {
    const figures = parse(readFileSync('datasets/gwangju/figures.csv'), { columns: true }) as Record<
      string,
      string
    >[];
    const annual = parse(readFileSync('datasets/gwangju/ombudsman-annual.csv'), { columns: true }) as Record<
      string,
      string
    >[];
    const figure = (id: string) => figures.find((row) => row.id === id);
    for (const row of annual) {
      const sessions = figure('ombudsman-counselling-sessions');
      const cases = figure('ombudsman-violation-cases');
      assert.equal(row.year, sessions?.year);
      assert.equal(row.counselling_sessions, sessions?.value);
      assert.equal(row.cases_registered, cases?.value);
      assert.equal(row.source_section, sessions?.section);
      assert.equal(row.note, sessions?.note);
    }
  });

  it('pseudonymises closed cases past retention, once', async () => {
    const closed = await createCase(test.database, test.config, standing, 'closed', {
      description: '연락처 010-2222-3333, mail@example.net 로 연락 바랍니다.',
    });
    const future = new Date(Date.now() + 6 * 365 * 24 * 60 * 60 * 1000);
    assert.equal(await pseudonymiseClosedCases(test.database.db, 5, new Date()), 0);
    const first = await pseudonymiseClosedCases(test.database.db, 5, future);
    assert.ok(first >= 1);
    assert.equal(await pseudonymiseClosedCases(test.database.db, 5, future), 0);
    const row = await sql<{ identity_enc: string | null; description: string; rights: string[] }>`
      select identity_enc, description, rights from ombudsman_cases where id = ${closed.id}`.execute(
      test.database.db,
    );
    assert.equal(row.rows[0]?.identity_enc, null);
    assert.ok(!row.rows[0]?.description.includes('010-2222-3333'));
    assert.ok(!row.rows[0]?.description.includes('mail@example.net'));
    void caseVersion;
  });
});

describe('case search over many matches', () => {
  let test: TestApp;
  let headers: Record<string, string>;
  before(async () => {
    test = await createTestApp();
    const officer = await createUser(test.database, { role: 'officer' });
    headers = (await signIn(test.app, officer)).headers;
    // Written straight into the table (as the benchmark does): filing a thousand complaints through
    // the API would test intake, not the count.
    const rows = Array.from({ length: countCap + 5 }, (_, n) => {
      const summary = `쿼카 민원 ${n}`;
      return {
        id: randomUUID(),
        receipt_number: `many-${n}`,
        origin: 'complaint',
        channel: 'online',
        status: 'received',
        anonymous: true,
        respondent: '동구청',
        summary,
        description: '설명',
        received_at: new Date(Date.UTC(2020, 0, 1, 0, 0, n)),
        ...searchFields({ summary, description: '설명', respondent: '동구청' }),
      };
    });
    await (test.database.db as unknown as Kysely<{ ombudsman_cases: object }>)
      .insertInto('ombudsman_cases')
      .values(rows)
      .execute();
  });
  after(() => test.close());

  const search = async (query: string) => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/ombudsman/cases?${query}`,
      headers,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { cases: { receiptNumber: string }[]; total: number; more: boolean };
  };

  it('counts up to a cap past the page and says there are more, newest first', async () => {
    const first = await search(`q=${encodeURIComponent('쿼카')}`);
    assert.equal(first.total, countCap);
    assert.equal(first.more, true);
    assert.equal(first.cases[0]?.receiptNumber, `many-${countCap + 4}`);
    // Further on, the count reaches the end and is exact again.
    const last = await search(`q=${encodeURIComponent('쿼카')}&offset=1000&limit=20`);
    assert.equal(last.total, countCap + 5);
    assert.equal(last.more, false);
    assert.equal(last.cases.length, 5);
    const one = await search(`q=${encodeURIComponent('민원 1004')}`);
    assert.deepEqual([one.total, one.more], [1, false]);
  });
});
