import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { modules } from '../../../server/modules.ts';
import { createUser, signIn } from '../accounts/testing.ts';
import type { ServerModule } from '../module.ts';
import { publicDataChanged } from '../open-data/public-cache.ts';
import { loadDataset } from '../seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../testing.ts';

/** A module whose headline the test changes, and whose search shows what the portal passes it. */
let fixtureValue = 7;
const seenQueries: string[] = [];
const fixture: ServerModule = {
  name: 'fixture',
  async headlines() {
    return [
      { id: 'fixture-late', label: { ko: '나중', en: 'Later' }, value: 1, order: 900 },
      {
        id: 'fixture-count',
        label: { ko: '시험 수치', en: 'Fixture count' },
        value: fixtureValue,
        unit: { ko: '건', en: 'items' },
        asOf: '2026',
        path: '/fixture',
        order: 5,
      },
    ];
  },
  async publicSearch(_db, query) {
    seenQueries.push(query);
    return query === '인권 도시'
      ? [{ recordType: 'thing', title: { ko: '인권 도시', en: 'HR city' }, path: '/x' }]
      : [];
  },
};

describe('portal', () => {
  let test: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    test.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  before(async () => {
    test = await createTestApp({ modules: [...modules, fixture] });
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
  });
  after(() => test.close());

  it("collects every module's headlines in their order, the city's population first", async () => {
    const response = await get('/portal/home');
    assert.equal(response.statusCode, 200);
    const { headlines } = response.json();
    assert.equal(headlines[0].id, 'population');
    assert.equal(headlines[0].value, 1480000);
    const ids = headlines.map((headline: { id: string }) => headline.id);
    assert.ok(ids.indexOf('fixture-count') < ids.indexOf('fixture-late'));
    assert.deepEqual(
      headlines.find((headline: { id: string }) => headline.id === 'fixture-count'),
      {
        module: 'fixture',
        id: 'fixture-count',
        label: { ko: '시험 수치', en: 'Fixture count' },
        value: 7,
        unit: { ko: '건', en: 'items' },
        asOf: '2026',
        path: '/fixture',
      },
    );
  });

  it('is cacheable: 304 for the same data, a new answer once public data changed', async () => {
    const first = await get('/portal/home');
    assert.equal(first.headers['cache-control'], 'public, max-age=60');
    const etag = String(first.headers.etag);
    assert.equal((await get('/portal/home', { 'if-none-match': etag })).statusCode, 304);
    fixtureValue = 8;
    publicDataChanged();
    const changed = await get('/portal/home', { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    const headline = changed.json().headlines.find((item: { id: string }) => item.id === 'fixture-count');
    assert.equal(headline.value, 8);
  });

  it('answers a search anew once a write changes what it finds', async () => {
    const url = `/portal/search?q=${encodeURIComponent('무지개헌장')}`;
    const before = await get(url);
    assert.equal(before.json().total, 0);
    const etag = String(before.headers.etag);
    assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304);
    const admin = await signIn(test.app, await createUser(test.database, { role: 'admin' }));
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/vocabularies/rights',
      headers: admin.headers,
      payload: {
        code: 'rainbow-article',
        number: 99,
        title: { ko: '무지개헌장 조항', en: 'Rainbow article' },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const after = await get(url, { 'if-none-match': etag });
    assert.equal(after.statusCode, 200, 'the cached answer was dropped by the write');
    assert.equal(after.json().groups[0].hits[0].path, '/vocabularies/rights/rainbow-article');
  });

  it('finds a two-syllable Korean word across modules, grouped by module', async () => {
    const response = await get(`/portal/search?q=${encodeURIComponent('인권')}`);
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.equal(body.query, '인권');
    const byModule = new Map(
      body.groups.map((group: { module: string; hits: unknown[] }) => [group.module, group]),
    );
    // The dataset's figures (e.g. the human rights indicators) and vocabulary terms speak of 인권.
    assert.ok(byModule.has('seed'), 'figures are searched');
    const figureHits = (byModule.get('seed') as { hits: { title: { ko: string }; path: string }[] }).hits;
    assert.ok(figureHits.every((hit) => hit.path.startsWith('/figures#')));
    assert.ok(figureHits.some((hit) => hit.title.ko.includes('인권')));
    assert.equal(
      body.total,
      body.groups.reduce((sum: number, group: { hits: unknown[] }) => sum + group.hits.length, 0),
    );
  });

  it('passes modules the query composed, trimmed and with single spaces', async () => {
    const response = await get(`/portal/search?q=${encodeURIComponent('  인권   도시 '.normalize('NFD'))}`);
    assert.equal(response.statusCode, 200);
    assert.equal(seenQueries.at(-1), '인권 도시');
    const fixtureGroup = response
      .json()
      .groups.find((group: { module: string }) => group.module === 'fixture');
    assert.equal(fixtureGroup.hits[0].path, '/x');
  });

  it('refuses a query shorter than two characters with a field-level problem', async () => {
    for (const q of ['', ' 인 ', 'a']) {
      const response = await get(`/portal/search?q=${encodeURIComponent(q)}`, { 'accept-language': 'ko' });
      assert.equal(response.statusCode, 400, q);
      const problem = response.json();
      assert.equal(problem.code, 'validation_failed');
      assert.ok(
        problem.errors.some((error: { field: string }) => error.field === 'querystring.q'),
        JSON.stringify(problem),
      );
    }
  });
});
