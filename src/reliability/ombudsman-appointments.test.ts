/**
 * Attacks on the ombudsman's appointments, through the API only (as an attacker holding accounts
 * would): an admin who creates an ombudsman account, makes it standing and signs in as it reads no
 * identity, since the appointment waits for a second person and nobody confirms their own grant or
 * the one they proposed; and an ombudsman whose term has ended reads no identity by any route (case
 * file, search, attachment, decision document, access log, own-motion intake, workflow steps).
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser, signIn } from '../kernel/server/accounts/testing.ts';
import { cityToday } from '../kernel/server/city/clock.ts';
import { createTestApp, type TestApp } from '../kernel/server/testing.ts';

type Headers = Record<string, string>;

const complainant = { name: '공격시험진정인', phone: '010-7777-0001' };

function shift(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

describe('attacks on ombudsman appointments', () => {
  let test: TestApp;
  let admin: Headers;
  let secondAdmin: Headers;
  let caseId = '';
  let attachmentId = '';
  const today = cityToday();

  const call = (headers: Headers, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  /** An ombudsman account made through the admin API, and a session signed in as it. */
  async function ombudsmanAccount(name: string) {
    const credentials = {
      email: `${name}@attack.example`,
      password: 'a long enough password for the attack',
    };
    const created = await call(admin, 'POST', '/users', {
      ...credentials,
      displayName: name,
      role: 'ombudsman',
    });
    assert.equal(created.statusCode, 201, created.body);
    const session = await signIn(test.app, credentials);
    return { id: session.user.id, headers: session.headers as Headers };
  }

  /** Every way to an identity: none may answer with the complainant's name. */
  async function identityRoutes(headers: Headers) {
    const answers = [
      await call(headers, 'GET', `/ombudsman/cases/${caseId}?purpose=attack`),
      await call(headers, 'GET', `/ombudsman/cases?q=${encodeURIComponent(complainant.name)}`),
      await call(headers, 'GET', '/ombudsman/cases'),
      await call(headers, 'GET', `/ombudsman/cases/${caseId}/attachments/${attachmentId}?purpose=attack`),
      await call(headers, 'GET', `/ombudsman/cases/${caseId}/documents/decision`),
      await call(headers, 'GET', `/ombudsman/cases/${caseId}/access-log`),
      await call(headers, 'POST', `/ombudsman/cases/${caseId}/transitions`, {
        action: 'add_note',
        body: 'x',
        version: 1,
      }),
      await call(headers, 'GET', '/ombudsman/grants'),
    ];
    return answers.map((answer) => ({
      status: answer.statusCode,
      leaks: answer.body.includes(complainant.name) || answer.body.includes(complainant.phone),
    }));
  }
  const refusedEverywhere = (results: { status: number; leaks: boolean }[]) =>
    results.every((result) => !result.leaks && (result.status === 403 || result.status === 404));

  before(async () => {
    test = await createTestApp();
    const first = await createUser(test.database, { role: 'admin' });
    admin = (await signIn(test.app, first)).headers;
    secondAdmin = (await signIn(test.app, await createUser(test.database, { role: 'admin' }))).headers;
    const filed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/ombudsman/complaints',
      payload: {
        complainant,
        respondent: '시험 기관',
        summary: '공격 시험 진정',
        description: '공격 시험을 위한 진정입니다.',
        consent: true,
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { receiptNumber, trackingCode } = filed.json() as { receiptNumber: string; trackingCode: string };
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const uploaded = await test.app.inject({
      method: 'POST',
      url: `/api/v1/ombudsman/complaints/${receiptNumber}/attachments`,
      headers: { 'content-type': 'application/octet-stream', 'x-tracking-code': trackingCode },
      payload: png,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    attachmentId = uploaded.json().id;
    caseId =
      (
        await sql<{
          id: string;
        }>`select id from ombudsman_cases where receipt_number = ${receiptNumber}`.execute(test.database.db)
      ).rows[0]?.id ?? '';
  });
  after(() => test.close());

  it('an admin who makes an account standing and signs in as it reads no identity', async () => {
    const puppet = await ombudsmanAccount('puppet');
    const proposed = await call(admin, 'PUT', `/ombudsman/members/${puppet.id}`, {
      standing: true,
      appointedOn: shift(today, -30),
    });
    assert.equal(proposed.statusCode, 200, proposed.body);
    const { version } = proposed.json() as { version: number };
    // The admin confirms their own proposal; the account confirms its own grant.
    assert.equal(
      (await call(admin, 'POST', `/ombudsman/members/${puppet.id}/confirm`, { version })).statusCode,
      403,
    );
    assert.equal(
      (await call(puppet.headers, 'POST', `/ombudsman/members/${puppet.id}/confirm`, { version })).statusCode,
      403,
    );
    // Proposing again does not make the admin someone else.
    const again = await call(admin, 'PUT', `/ombudsman/members/${puppet.id}`, {
      standing: true,
      appointedOn: shift(today, -30),
      version,
    });
    assert.equal(
      (
        await call(admin, 'POST', `/ombudsman/members/${puppet.id}/confirm`, {
          version: again.json().version,
        })
      ).statusCode,
      403,
    );
    // With the case id in hand (an admin sees it in the audit trail), still nothing.
    const results = await identityRoutes(puppet.headers);
    assert.ok(refusedEverywhere(results), JSON.stringify(results));
  });

  it('an ombudsman whose term has ended reads no identity by any route', async () => {
    const former = await ombudsmanAccount('former');
    const proposed = await call(admin, 'PUT', `/ombudsman/members/${former.id}`, {
      standing: true,
      appointedOn: shift(today, -30),
    });
    const confirmed = await call(secondAdmin, 'POST', `/ombudsman/members/${former.id}/confirm`, {
      version: proposed.json().version,
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const whileInOffice = await call(former.headers, 'GET', `/ombudsman/cases/${caseId}?purpose=work`);
    assert.ok(whileInOffice.body.includes(complainant.name), 'in office, the identity is read');

    const ended = await call(admin, 'POST', `/ombudsman/members/${former.id}/end`, {
      version: confirmed.json().version,
      endsOn: shift(today, -1),
      reason: '임기 만료',
    });
    assert.equal(ended.statusCode, 200, ended.body);
    const results = await identityRoutes(former.headers);
    assert.ok(refusedEverywhere(results), `the day after the term, nothing: ${JSON.stringify(results)}`);
  });
});
