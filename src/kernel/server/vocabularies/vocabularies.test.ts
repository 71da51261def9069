import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { z } from 'zod';
import { modules } from '../../../server/modules.ts';
import type { Role } from '../../shared/roles.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import { runCommand } from '../command.ts';
import type { ServerModule } from '../module.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import { type Term, tagsInputSchema } from './contract.ts';
import { listTags, removeRecord, setTags } from './tags.ts';

/** A module that tags its records the way a real one would: inside its own command. */
const fixture: ServerModule = {
  name: 'fixture',
  routes(app, { database }) {
    app.put(
      '/fixture/records/:id',
      {
        config: { access: 'public' },
        schema: {
          params: z.object({ id: z.string() }),
          body: z.strictObject({ title: z.string(), isPublic: z.boolean(), tags: tagsInputSchema }),
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        const body = request.body as {
          title: string;
          isPublic: boolean;
          tags: z.infer<typeof tagsInputSchema>;
        };
        await runCommand(database.db, { userId: null }, ({ trx }) =>
          setTags(
            trx,
            {
              module: 'fixture',
              recordType: 'record',
              recordId: id,
              isPublic: body.isPublic,
              title: { ko: `기록 ${body.title}`, en: `Record ${body.title}` },
              path: `/fixture/records/${id}`,
            },
            body.tags,
          ),
        );
        return { ok: true };
      },
    );
  },
};

const record = (id: string) => ({ module: 'fixture', recordType: 'record', recordId: id });

describe('vocabularies', () => {
  let test: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const tag = (
    id: string,
    payload: { title: string; isPublic: boolean; tags: { vocabulary: string; code: string }[] },
  ) => test.app.inject({ method: 'PUT', url: `/api/v1/fixture/records/${id}`, payload });

  before(async () => {
    test = await createTestApp({ modules: [...modules, fixture] });
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
  });
  after(() => test.close());

  describe('public reads', () => {
    it('lists the vocabularies with names in both languages and term counts', async () => {
      const response = await get('/vocabularies');
      assert.equal(response.statusCode, 200);
      const counts = Object.fromEntries(
        response.json().vocabularies.map((v: { id: string; termCount: number }) => [v.id, v.termCount]),
      );
      assert.equal(counts.districts, 5);
      assert.equal(counts['sdg-goals'], 17);
      assert.equal(counts['sdg-targets'], 169);
      // The Universal Declaration's 30 articles, until the city enters its charter.
      assert.equal(counts.rights, 30);
      const rights = response.json().vocabularies.find((v: { id: string }) => v.id === 'rights');
      assert.equal(rights.editable, true);
      assert.match(rights.name.ko, /[가-힣]/);
    });

    it('ships the Universal Declaration of Human Rights as the default rights, in both languages', async () => {
      const response = await get('/vocabularies/rights');
      assert.equal(response.statusCode, 200);
      const terms: Term[] = response.json().terms;
      assert.deepEqual(
        terms.map((term) => term.code),
        Array.from({ length: 30 }, (_, index) => `udhr-${index + 1}`),
      );
      for (const term of terms) {
        assert.equal(term.data.default, 'udhr', term.code);
        assert.match(term.name.ko, /[가-힣]/, term.code);
        assert.match(term.name.en, /[A-Za-z]/, term.code);
        assert.equal(term.isSample, false);
      }
      assert.equal(terms[11]?.name.en, 'Right to privacy, family, home and reputation');
    });

    it("gives every SDG target its Korean title from the project's translation", async () => {
      const response = await get('/vocabularies/sdg-targets');
      assert.equal(response.statusCode, 200);
      const terms: Term[] = response.json().terms;
      assert.equal(terms.length, 169);
      for (const term of terms) {
        assert.match(term.name.ko, /[가-힣]/, term.code);
        assert.notEqual(term.name.ko, term.name.en, term.code);
        assert.equal(term.koMissing, false, term.code);
      }
      const target = terms.find((term) => term.code === '16.7');
      assert.match(target?.name.en ?? '', /^Ensure responsive, inclusive, participatory/);
      assert.match(target?.name.ko ?? '', /의사결정/);
    });

    it('answers an unknown vocabulary or term with a 404 problem', async () => {
      for (const url of [
        '/vocabularies/planets',
        '/vocabularies/districts/atlantis',
        '/vocabularies/planets/x',
      ]) {
        const response = await get(url);
        assert.equal(response.statusCode, 404, url);
        assert.equal(response.json().code, 'not_found');
      }
    });

    it('is cacheable: an ETag, Cache-Control, and 304 when the client has it', async () => {
      const first = await get('/vocabularies/districts');
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal(first.headers['cache-control'], 'public, max-age=60');
      const again = await get('/vocabularies/districts', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers.etag, etag);
      const listed = await get('/vocabularies/districts', { 'if-none-match': `"other", W/${etag}` });
      assert.equal(listed.statusCode, 304);
      const stale = await get('/vocabularies/districts', { 'if-none-match': '"other"' });
      assert.equal(stale.statusCode, 200);
      assert.deepEqual(stale.json(), first.json());
    });
  });

  describe('tagging', () => {
    it("a term's page lists the public records tagged with it, never the others", async () => {
      const empty = await get('/vocabularies/districts/dong-gu');
      assert.deepEqual(empty.json().modules, []);

      const tags = [
        { vocabulary: 'districts', code: 'dong-gu' },
        { vocabulary: 'sdg-targets', code: '16.7' },
      ];
      assert.equal((await tag('open', { title: 'open', isPublic: true, tags })).statusCode, 200);
      assert.equal((await tag('closed', { title: 'closed', isPublic: false, tags })).statusCode, 200);

      for (const url of ['/vocabularies/districts/dong-gu', '/vocabularies/sdg-targets/16.7']) {
        const page = (await get(url)).json();
        assert.deepEqual(
          page.modules.map((group: { module: string; records: { recordId: string }[] }) => [
            group.module,
            group.records.map((r) => r.recordId),
          ]),
          [['fixture', ['open']]],
          url,
        );
        const [found] = page.modules[0].records;
        assert.deepEqual(found.title, { ko: '기록 open', en: 'Record open' });
        assert.equal(found.path, '/fixture/records/open');
        assert.equal(found.isSample, false);
      }
      assert.deepEqual(await listTags(test.database.db, record('closed')), [
        { vocabulary: 'districts', code: 'dong-gu' },
        { vocabulary: 'sdg-targets', code: '16.7' },
      ]);
    });

    it('a record made private leaves the page; setTags replaces the tags', async () => {
      await tag('open', {
        title: 'open',
        isPublic: false,
        tags: [{ vocabulary: 'districts', code: 'seo-gu' }],
      });
      assert.deepEqual((await get('/vocabularies/districts/dong-gu')).json().modules, []);
      assert.deepEqual(await listTags(test.database.db, record('open')), [
        { vocabulary: 'districts', code: 'seo-gu' },
      ]);
    });

    it('an unknown term is a field error on tags, in both languages, and changes nothing', async () => {
      const before = await listTags(test.database.db, record('closed'));
      const response = await tag('closed', {
        title: 'closed',
        isPublic: true,
        tags: [
          { vocabulary: 'districts', code: 'atlantis' },
          { vocabulary: 'sdg-targets', code: '16.7' },
        ],
      });
      assert.equal(response.statusCode, 400);
      const problem = response.json();
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(
        problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]),
        [['tags', 'unknown_term']],
      );
      assert.match(problem.errors[0].message, /districts\/atlantis/);
      assert.match(problem.errors[0].message, /[가-힣]/);
      const english = await test.app.inject({
        method: 'PUT',
        url: '/api/v1/fixture/records/closed?lang=en',
        payload: { title: 'closed', isPublic: true, tags: [{ vocabulary: 'districts', code: 'atlantis' }] },
      });
      assert.equal(english.json().errors[0].message, 'No such term: districts/atlantis');
      assert.deepEqual(await listTags(test.database.db, record('closed')), before);
    });

    it('removeRecord forgets a deleted record', async () => {
      await runCommand(test.database.db, { userId: null }, ({ trx }) => removeRecord(trx, record('closed')));
      assert.deepEqual(await listTags(test.database.db, record('closed')), []);
    });
  });

  describe('rights (charter articles)', () => {
    const sessions = new Map<Role, Record<string, string>>();
    const as = async (role: Role) => {
      const known = sessions.get(role);
      if (known) return known;
      const user = await createUser(test.database, { role });
      const { headers } = await signIn(test.app, user);
      sessions.set(role, headers);
      return headers;
    };
    const send = async (
      role: Role | null,
      method: 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) =>
      test.app.inject({
        method,
        url: `/api/v1/vocabularies/rights${url}`,
        headers: role ? await as(role) : {},
        ...(payload === undefined ? {} : { payload }),
      });
    const article = {
      code: 'article-3',
      number: 3,
      title: { ko: '참여할 권리', en: 'The right to take part' },
    };

    it('admins and officers enter articles; the public page shows them at once', async () => {
      const before = await get('/vocabularies/rights');
      const created = await send('admin', 'POST', '', article);
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().version, 1);
      assert.equal(created.json().data.number, 3);
      assert.equal(created.json().description, null);
      const byOfficer = await send('officer', 'POST', '', {
        code: 'article-4',
        number: 4,
        title: { ko: '안전할 권리', en: 'The right to safety' },
        text: { ko: '모든 사람은 안전할 권리가 있다.', en: 'Everyone has the right to safety.' },
      });
      assert.equal(byOfficer.statusCode, 201, byOfficer.body);

      const after = await get('/vocabularies/rights', { 'if-none-match': String(before.headers.etag) });
      assert.equal(after.statusCode, 200);
      // The charter's articles come first, before the default (Universal Declaration) ones.
      assert.deepEqual(
        after
          .json()
          .terms.map((term: { code: string }) => term.code)
          .slice(0, 3),
        ['article-3', 'article-4', 'udhr-1'],
      );
      const audit = await sql<{ action: string; actor_id: string }>`
        select action, actor_id from audit_trail where entity_id = 'rights/article-3'`.execute(
        test.database.db,
      );
      assert.deepEqual(
        audit.rows.map((row) => row.action),
        ['vocab.create-right'],
      );
      assert.ok(audit.rows[0]?.actor_id);
    });

    it('refuses other roles (403) and the public (401)', async () => {
      for (const role of ['committee', 'organisation', 'department', 'ombudsman'] as const) {
        const response = await send(role, 'POST', '', { ...article, code: `by-${role}` });
        assert.equal(response.statusCode, 403, role);
        assert.equal(response.json().code, 'forbidden');
      }
      const patch = await send('committee', 'PATCH', '/article-3', { version: 1, number: 9 });
      assert.equal(patch.statusCode, 403);
      const remove = await send('organisation', 'DELETE', '/article-3');
      assert.equal(remove.statusCode, 403);
      const anonymous = await send(null, 'POST', '', { ...article, code: 'by-public' });
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json().code, 'unauthenticated');
    });

    it('refuses a code or a number already in use', async () => {
      const sameCode = await send('admin', 'POST', '', { ...article, number: 30 });
      assert.equal(sameCode.statusCode, 400);
      assert.equal(sameCode.json().errors[0].field, 'body.code');
      const sameNumber = await send('admin', 'POST', '', { ...article, code: 'article-3b' });
      assert.equal(sameNumber.statusCode, 400);
      assert.equal(sameNumber.json().errors[0].field, 'body.number');
      const badCode = await send('admin', 'POST', '', { ...article, code: 'Article 3!' });
      assert.equal(badCode.statusCode, 400);
      assert.equal(badCode.json().errors[0].field, 'body.code');
    });

    it('edits with optimistic concurrency: a stale version is a 409', async () => {
      const edited = await send('admin', 'PATCH', '/article-3', {
        version: 1,
        title: { ko: '시정에 참여할 권리', en: 'The right to take part in city affairs' },
        text: { ko: '본문', en: 'Text' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().version, 2);
      assert.equal(edited.json().name.en, 'The right to take part in city affairs');
      assert.deepEqual(edited.json().description, { ko: '본문', en: 'Text' });
      assert.equal(edited.json().data.number, 3);

      const stale = await send('officer', 'PATCH', '/article-3', { version: 1, number: 5 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'conflict');

      const cleared = await send('officer', 'PATCH', '/article-3', { version: 2, text: null, number: 5 });
      assert.equal(cleared.statusCode, 200);
      assert.equal(cleared.json().description, null);
      assert.equal(cleared.json().sortOrder, 5);

      const taken = await send('officer', 'PATCH', '/article-3', { version: 3, number: 4 });
      assert.equal(taken.statusCode, 400);
      assert.equal(taken.json().errors[0].field, 'body.number');
      const missing = await send('admin', 'PATCH', '/no-such-article', { version: 1, number: 7 });
      assert.equal(missing.statusCode, 404);
    });

    it('refuses to delete an article that records are tagged with (409 term_in_use)', async () => {
      await tag('cites', {
        title: 'cites',
        isPublic: true,
        tags: [{ vocabulary: 'rights', code: 'article-3' }],
      });
      const refused = await send('admin', 'DELETE', '/article-3');
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'term_in_use');
      assert.match(refused.json().title, /1/);

      await tag('cites', { title: 'cites', isPublic: true, tags: [] });
      const deleted = await send('admin', 'DELETE', '/article-3');
      assert.equal(deleted.statusCode, 204);
      assert.equal((await get('/vocabularies/rights/article-3')).statusCode, 404);
      const audit = await sql<{ action: string }>`
        select action from audit_trail where entity_id = 'rights/article-3' order by id`.execute(
        test.database.db,
      );
      assert.deepEqual(
        audit.rows.map((row) => row.action),
        ['vocab.create-right', 'vocab.update-right', 'vocab.update-right', 'vocab.delete-right'],
      );
    });
  });
});
