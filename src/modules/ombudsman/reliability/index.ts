/**
 * The ombudsman's part of the reliability suite: a complaint filed by the public for the
 * authorization matrix (nobody is assigned to it and nothing of it is addressed to a department), and
 * the case as a record edited concurrently (notes added at one version).
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createUser } from '../../../kernel/server/accounts/testing.ts';
import type { TestApp } from '../../../kernel/server/testing.ts';
import type { ModuleReliability, Planted, Variants } from '../../../reliability/contributions.ts';
import { logIn, send } from '../../../reliability/http.ts';
import { sessionHeaders } from '../../../reliability/operations.ts';
import { createOmbudsmanMember } from '../test/factories.ts';

async function fileComplaint(test: TestApp, summary: string) {
  const filed = await test.app.inject({
    method: 'POST',
    url: '/api/v1/ombudsman/complaints',
    payload: { anonymous: true, respondent: '시험과', summary, description: summary, consent: true },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const { receiptNumber } = filed.json() as { receiptNumber: string };
  const found = await sql<{ id: string }>`
    select id from ombudsman_cases where receipt_number = ${receiptNumber}`.execute(test.database.db);
  return { id: found.rows[0]?.id ?? '', receiptNumber };
}

const digits = () => String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0');

export const reliability: ModuleReliability = {
  // A complainant and a victim, the tracking code, and an officer's search by the complainant's name
  // (what staff search for is personal data too).
  async plantPersonalData({ url, adminHeaders, token }) {
    const complainant = {
      name: `민원인${token()}`,
      phone: `010-${digits().slice(0, 4)}-${digits().slice(0, 4)}`,
      email: `complainant-${token()}@reliability.example`,
    };
    const victim = { name: `피해자${token()}`, phone: `062-${digits().slice(0, 3)}-${digits().slice(0, 4)}` };
    const planted: Planted[] = [
      ...Object.entries(complainant).map(([key, value]) => ({
        field: `complainant ${key}`,
        value,
        encryptedAtRest: true,
      })),
      ...Object.entries(victim).map(([key, value]) => ({
        field: `victim ${key}`,
        value,
        encryptedAtRest: true,
      })),
    ];
    const filed = await send(`${url}/api/v1/ombudsman/complaints`, {
      method: 'POST',
      body: {
        complainant,
        victim,
        onBehalf: true,
        respondent: '광주광역시 시험과',
        summary: '개인정보 노출 시험',
        description: '이 민원의 신원 정보는 어떤 공개된 곳에도 나타나면 안 됩니다.',
        consent: true,
      },
    });
    assert.equal(filed.status, 201, filed.body);
    const receipt = filed.json<{ receiptNumber: string; trackingCode: string }>();
    // The tracking code opens the complaint's status: a secret, kept only as an HMAC.
    planted.push({ field: 'tracking code', value: receipt.trackingCode, encryptedAtRest: true });
    const status = await send(`${url}/api/v1/ombudsman/complaints/status?${new URLSearchParams(receipt)}`);
    assert.equal(status.status, 200, status.body);
    const officer = {
      email: `officer-${token()}@reliability.example`,
      password: 'an officers long password',
    };
    const made = await send(`${url}/api/v1/users`, {
      method: 'POST',
      headers: adminHeaders,
      body: { ...officer, displayName: 'Officer', role: 'officer' },
    });
    assert.equal(made.status, 201, made.body);
    const search = await send(
      `${url}/api/v1/ombudsman/cases?${new URLSearchParams({ q: complainant.name })}`,
      {
        headers: (await logIn(url, officer)).headers,
      },
    );
    assert.equal(search.status, 200, search.body);
    return { planted, answers: [receipt] };
  },
  async authorizationRecords({ test, users }) {
    const complaint = await fileComplaint(test, '권한 시험');
    const { id } = complaint;
    const records: Record<string, Variants> = {
      '/api/v1/ombudsman/members/{userId}': { another: { userId: users.ombudsman.id }, exists: true },
      // Confirming, ending and withdrawing answer 404 for an account that is not a member: the gate
      // (roles) and the record rules (a second person) are what the matrix and appointments.test.ts check.
      '/api/v1/ombudsman/members/{userId}/confirm': {
        another: { userId: users.ombudsman.id },
        exists: false,
      },
      '/api/v1/ombudsman/members/{userId}/end': { another: { userId: users.ombudsman.id }, exists: false },
      '/api/v1/ombudsman/members/{userId}/withdraw': {
        another: { userId: users.ombudsman.id },
        exists: false,
      },
      '/api/v1/ombudsman/cases/{id}/attachments/{attachmentId}': {
        another: { id, attachmentId: randomUUID() },
        exists: false,
      },
      '/api/v1/ombudsman/cases/{id}/documents/recommendation/{recommendationId}': {
        another: { id, recommendationId: randomUUID() },
        exists: false,
      },
      // Follow-up on a recommendation that does not exist: the role gate decides, then a 404.
      '/api/v1/ombudsman/recommendations/{id}/reports': { another: { id: randomUUID() }, exists: false },
      '/api/v1/ombudsman/recommendations/{id}/closure': { another: { id: randomUUID() }, exists: false },
      '/api/v1/ombudsman/recommendations/{id}/reports/{reportId}/files': {
        another: { id: randomUUID(), reportId: randomUUID() },
        exists: false,
      },
      '/api/v1/ombudsman/recommendations/{id}/reports/{reportId}/files/{fileId}': {
        another: { id: randomUUID(), reportId: randomUUID(), fileId: randomUUID() },
        exists: false,
      },
      '/api/v1/ombudsman/complaints/{receiptNumber}/attachments': {
        another: { receiptNumber: complaint.receiptNumber },
        exists: true,
      },
    };
    for (const path of [
      '/api/v1/ombudsman/cases/{id}',
      '/api/v1/ombudsman/cases/{id}/transitions',
      '/api/v1/ombudsman/cases/{id}/access-log',
      '/api/v1/ombudsman/cases/{id}/documents/decision',
    ]) {
      records[path] = { another: { id }, exists: true };
    }
    return () => records;
  },
  editableRecords: [
    {
      name: 'an ombudsman case (POST /ombudsman/cases/:id/transitions, add_note)',
      async create(test, adminId) {
        const admin = await sessionHeaders(test.database.db, adminId);
        const ombudsman = await createUser(test.database, { role: 'ombudsman' });
        const proposed = await test.app.inject({
          method: 'PUT',
          url: `/api/v1/ombudsman/members/${ombudsman.id}`,
          headers: admin,
          payload: { standing: true, appointedOn: '2025-01-01' },
        });
        assert.equal(proposed.statusCode, 200, proposed.body);
        // A second admin confirms it (no standing ombudsman is in office in this database).
        const second = await createUser(test.database, { role: 'admin' });
        const confirmed = await test.app.inject({
          method: 'POST',
          url: `/api/v1/ombudsman/members/${ombudsman.id}/confirm`,
          headers: await sessionHeaders(test.database.db, second.id),
          payload: { version: (proposed.json() as { version: number }).version },
        });
        assert.equal(confirmed.statusCode, 200, confirmed.body);
        const { id } = await fileComplaint(test, '동시 수정');
        const url = `/api/v1/ombudsman/cases/${id}`;
        const assessed = await test.app.inject({
          method: 'POST',
          url: `${url}/transitions`,
          headers: await sessionHeaders(test.database.db, ombudsman.id),
          payload: { action: 'start_assessment', version: 1 },
        });
        assert.equal(assessed.statusCode, 200, assessed.body);
        return {
          method: 'POST',
          url: `${url}/transitions`,
          readUrl: `${url}?purpose=${encodeURIComponent('concurrency check')}`,
          version: assessed.json().version,
          editorId: ombudsman.id,
        };
      },
      change: (index, version) => ({ action: 'add_note', version, body: `Editor ${index}` }),
      read(index, body) {
        const { notes, version } = body as { notes: { body: string }[]; version: number };
        return { madeBy: notes.length === 1 && notes[0]?.body === `Editor ${index}`, version };
      },
    },
    {
      name: "an ombudsman case's particulars (PATCH /ombudsman/cases/:id)",
      async create(test) {
        // Appointed by the operator, in force at once: the office's proposal and its confirmation
        // by a second person are the record above's setting, not this record's subject.
        const ombudsman = await createOmbudsmanMember(test.database, { standing: true });
        const { id } = await fileComplaint(test, '동시 수정');
        const url = `/api/v1/ombudsman/cases/${id}`;
        return {
          method: 'PATCH',
          url,
          readUrl: `${url}?purpose=${encodeURIComponent('concurrency check')}`,
          version: 1,
          editorId: ombudsman.id,
        };
      },
      change: (index, version) => ({ version, summary: `Editor ${index}` }),
      read(index, body) {
        const { summary, version } = body as { summary: string; version: number };
        return { madeBy: summary === `Editor ${index}`, version };
      },
    },
  ],
};
