/**
 * Concurrent edits: records that people edit carry a version. Fifty editors who all read version N
 * and save at once: exactly one wins, the 49 others get a 409 `conflict` problem that tells them to
 * reload, and the record ends as the winner left it (no lost update, no mix of two edits).
 *
 * The kernel's editable records are listed here; a module whose records people edit (tasks,
 * assessments) lists its own in `reliability/index.ts` (see `contributions.ts`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../kernel/server/accounts/testing.ts';
import { createTestApp, type TestApp } from '../kernel/server/testing.ts';
import { modules } from '../server/modules.ts';
import { type EditableRecord, loadContributions } from './contributions.ts';
import { sessionHeaders } from './operations.ts';

const editors = 50;

/** The kernel's editable records; each module brings its own (`contributions.ts`). */
const kernelRecords: EditableRecord[] = [
  {
    name: 'a user account (PATCH /users/:id)',
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
];

const editableRecords = [
  ...kernelRecords,
  ...(await loadContributions(modules.map((module) => module.name))).flatMap(
    (contribution) => contribution.reliability.editableRecords ?? [],
  ),
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
    it(`${record.name}: ${editors} editors of one version, one winner, ${editors - 1} told to reload`, async () => {
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
