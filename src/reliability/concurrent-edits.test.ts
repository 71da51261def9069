/**
 * Concurrent edits: records that people edit carry a version. Fifty editors who all read version N
 * and save at once: exactly one wins, the 49 others get a 409 `conflict` problem that tells them to
 * reload, and the record ends as the winner left it (no lost update, no mix of two edits).
 *
 * Each editable record kind is one entry of `editableRecords`; a module whose records people edit
 * (tasks, assessments) adds its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createUser } from '../kernel/server/accounts/testing.ts';
import { createTestApp, type TestApp } from '../kernel/server/testing.ts';
import { modules } from '../server/modules.ts';
import { sessionHeaders } from './operations.ts';

const editors = 50;

interface Edit {
  method: 'PATCH' | 'POST';
  /** Where an editor sends the change. */
  url: string;
  /** Where the record is read back. */
  readUrl: string;
  /** The version every editor read. */
  version: number;
  /** Who edits (one fresh session each). */
  editorId: string;
}

interface EditableRecord {
  name: string;
  /** Only where the module that owns it is installed. */
  module: string;
  create(test: TestApp, adminId: string): Promise<Edit>;
  /** Editor `index`'s change, made from `version`. */
  change(index: number, version: number): object;
  /** The record as read back: whether it holds editor `index`'s change and nobody else's, and its version. */
  read(index: number, body: unknown): { madeBy: boolean; version: number };
}

const editableRecords: EditableRecord[] = [
  {
    name: 'a user account (PATCH /users/:id)',
    module: 'accounts',
    async create(test, adminId) {
      const user = await createUser(test.database, { role: 'officer' });
      const url = `/api/v1/users/${user.id}`;
      return { method: 'PATCH', url, readUrl: url, version: 1, editorId: adminId };
    },
    change: (index, version) => ({ displayName: `Editor ${index}`, version }),
    read(index, body) {
      const { user } = body as { user: { displayName: string; version: number } };
      return { madeBy: user.displayName === `Editor ${index}`, version: user.version };
    },
  },
  {
    name: 'a charter article (PATCH /vocabularies/rights/:code)',
    module: 'vocab',
    async create(test, adminId) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/vocabularies/rights',
        headers: await sessionHeaders(test.database.db, adminId),
        payload: { code: 'contested-article', number: 77, title: { ko: '원문', en: 'Original' } },
      });
      assert.equal(response.statusCode, 201, response.body);
      const url = '/api/v1/vocabularies/rights/contested-article';
      return { method: 'PATCH', url, readUrl: url, version: response.json().version, editorId: adminId };
    },
    change: (index, version) => ({ version, title: { ko: `편집자 ${index}`, en: `Editor ${index}` } }),
    read(index, body) {
      const { term } = body as { term: { name: { ko: string; en: string }; version: number } };
      return {
        madeBy: term.name.ko === `편집자 ${index}` && term.name.en === `Editor ${index}`,
        version: term.version,
      };
    },
  },
  {
    name: 'an ombudsman case (POST /ombudsman/cases/:id/transitions, add_note)',
    module: 'ombudsman',
    async create(test, adminId) {
      const admin = await sessionHeaders(test.database.db, adminId);
      const ombudsman = await createUser(test.database, { role: 'ombudsman' });
      const appointed = await test.app.inject({
        method: 'PUT',
        url: `/api/v1/ombudsman/members/${ombudsman.id}`,
        headers: admin,
        payload: { standing: true, appointedOn: '2025-01-01' },
      });
      assert.equal(appointed.statusCode, 200, appointed.body);
      const filed = await test.app.inject({
        method: 'POST',
        url: '/api/v1/ombudsman/complaints',
        payload: {
          anonymous: true,
          respondent: '시험과',
          summary: '동시 수정',
          description: '동시 수정 시험',
          consent: true,
        },
      });
      assert.equal(filed.statusCode, 201, filed.body);
      const { receiptNumber } = filed.json() as { receiptNumber: string };
      const found = await sql<{ id: string }>`
        select id from ombudsman_cases where receipt_number = ${receiptNumber}`.execute(test.database.db);
      const url = `/api/v1/ombudsman/cases/${found.rows[0]?.id}`;
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
];

describe('concurrent edits of one record', () => {
  let test: TestApp;
  let adminId: string;

  before(async () => {
    test = await createTestApp();
    adminId = (await createUser(test.database, { role: 'admin' })).id;
  });
  after(() => test?.close());

  for (const record of editableRecords) {
    const installed = modules.some((module) => module.name === record.module);
    it(`${record.name}: ${editors} editors of one version, one winner, ${editors - 1} told to reload`, {
      skip: !installed && `the ${record.module} module is not installed`,
    }, async () => {
      const edit = await record.create(test, adminId);
      const sessions = await Promise.all(
        Array.from({ length: editors }, () => sessionHeaders(test.database.db, edit.editorId)),
      );
      const responses = await Promise.all(
        sessions.map((headers, index) =>
          test.app.inject({
            method: edit.method,
            url: edit.url,
            headers: { ...headers, 'accept-language': 'en' },
            payload: record.change(index, edit.version),
          }),
        ),
      );
      const winners = responses.flatMap((response, index) => (response.statusCode === 200 ? [index] : []));
      assert.equal(winners.length, 1, `winners: ${winners.join(', ')}`);
      const losers = responses.filter((response) => response.statusCode !== 200);
      assert.equal(losers.length, editors - 1);
      for (const response of losers) {
        assert.equal(response.statusCode, 409, response.body);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        const problem = response.json() as { code: string; title: string };
        assert.equal(problem.code, 'conflict');
        assert.match(problem.title, /reload/i);
      }

      const winner = winners[0] as number;
      const read = await test.app.inject({
        method: 'GET',
        url: edit.readUrl,
        headers: await sessionHeaders(test.database.db, edit.editorId),
      });
      assert.equal(read.statusCode, 200, read.body);
      const stored = record.read(winner, read.json());
      assert.ok(stored.madeBy, `the record is not as editor ${winner} left it: ${read.body}`);
      assert.equal(stored.version, edit.version + 1);
    });
  }
});
