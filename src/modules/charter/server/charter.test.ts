import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { CharterPage, ContestDetail } from '../contract.ts';
import { charterDb } from './tables.ts';

const seedText = readFileSync(
  new URL('../../../../datasets/gwangju/source/major-policies-and-systems-of-gwangju.txt', import.meta.url),
  'utf8',
);
const section14 = seedText.slice(seedText.indexOf('1.4. Gwangju'), seedText.indexOf('1.5.'));

type Headers = { cookie: string; 'x-csrf-token': string };

describe('charter', () => {
  let test: TestApp;
  let officer: Headers;
  let admin: Headers;
  let committee: Headers;

  const page = async () => {
    const response = await test.app.inject({ url: '/api/v1/charter' });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as CharterPage;
  };
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown, headers: Headers = officer) =>
    test.app.inject({ method, url: `/api/v1${url}`, headers, payload: payload as object });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    admin = (await signIn(test.app, await createUser(test.database, { role: 'admin' }))).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
  });
  after(() => test.close());

  it('presents the declaration in the seed’s words and figures, and the publications it lists', async () => {
    const body = await page();
    assert.equal(body.declaration.declaredOn, '2012-05-21');
    assert.equal(body.declaration.citizensDayEdition, 47);
    assert.equal(body.declaration.worldRank, 3);
    assert.ok(section14.includes(body.declaration.firstInAsiaQuote));
    assert.ok(section14.includes(body.declaration.declaredQuote));
    assert.equal(body.paragraphs.length, 3);
    for (const paragraph of body.paragraphs) assert.ok(section14.includes(paragraph.text.en));
    assert.deepEqual(
      body.figures.map((figure) => [figure.id, figure.value]),
      [
        ['charter-citizens-day-edition', 47],
        ['charter-preparatory-meetings', 40],
        ['charter-participating-institutions', 30],
        ['charter-preparation-years', 1],
        ['charter-world-rank', 3],
      ],
    );
    assert.deepEqual(
      body.publications.map((publication) => publication.title.en),
      [
        'Gwangju Human Rights Charter Guidebook',
        'Gwangju Human Rights Charter Table Calendar',
        'Gwangju Human Rights Charter Poster Calendar',
        'Gwangju Human Rights Charter Comics',
        'Gwangju Human Rights Charter Commentary',
        'Gwangju Human Rights Charter Calendar',
        'Gwangju Human Rights Charter for Children',
      ],
    );
    for (const publication of body.publications) assert.ok(section14.includes(publication.quote ?? '-'));
    // No article is in the dataset: the charter's text is entered by admins.
    assert.deepEqual(body.articles, []);
  });

  it('shows the articles admins enter in the kernel’s rights vocabulary', async () => {
    const created = await send(
      'POST',
      '/vocabularies/rights',
      { code: 'article-1', number: 1, title: { ko: '존엄', en: 'Dignity' } },
      admin,
    );
    assert.equal(created.statusCode, 201, created.body);
    const body = await page();
    assert.deepEqual(
      body.articles.map((article) => [article.code, article.data.number, article.name.en]),
      [['article-1', 1, 'Dignity']],
    );
  });

  it('runs a contest: entries while open, judging, winners public once closed, never the entrants', async () => {
    const opened = await send('POST', '/charter/contests', {
      year: 2024,
      title: { ko: '2024 인권 홍보 공모전', en: '2024 Human Rights Promotion Contest' },
      exhibition: { place: 'City Hall', from: '2024-12-01', to: '2024-12-10' },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const { contest } = opened.json() as ContestDetail;
    assert.equal(
      (await send('POST', '/charter/contests', { year: 2024, title: contest.title })).statusCode,
      409,
    );
    const entrant = 'Entrant-7f3a9c';
    const added = await send('POST', `/charter/contests/${contest.id}/entries`, {
      title: 'Rights for all',
      category: 'slogan',
      entrant,
    });
    assert.equal(added.statusCode, 201, added.body);
    const [entry] = (added.json() as ContestDetail).entries;
    assert.equal(entry?.entrant, entrant);
    const stored = await charterDb(test.database.db)
      .selectFrom('charter_entries')
      .select('entrant_enc')
      .execute();
    assert.ok(!stored[0]?.entrant_enc.includes(entrant), 'the entrant is encrypted at rest');

    const judge = (version: number) =>
      send('PUT', `/charter/entries/${entry?.id}/judgement`, {
        version,
        score: 95,
        award: 'grand',
        exhibited: true,
      });
    assert.equal((await judge(1)).statusCode, 409, 'not while the contest is open');
    const move = (status: string, version: number) =>
      send('PUT', `/charter/contests/${contest.id}`, {
        version,
        title: contest.title,
        status,
        exhibition: { place: 'City Hall', from: '2024-12-01', to: '2024-12-10' },
      });
    assert.equal((await move('closed', 1)).statusCode, 409, 'open cannot jump to closed');
    assert.equal((await move('judging', 1)).statusCode, 200);
    const late = await send('POST', `/charter/contests/${contest.id}/entries`, {
      title: 'Too late',
      category: 'poster',
      entrant: 'Someone',
    });
    assert.equal(late.statusCode, 409);
    assert.equal((await judge(1)).statusCode, 200);
    assert.equal((await judge(1)).statusCode, 409, 'a stale version is a conflict');
    assert.equal((await page()).contests[0]?.winners.length, 0, 'no winners before the contest closes');
    assert.equal((await move('closed', 2)).statusCode, 200);
    assert.equal((await move('open', 3)).statusCode, 409, 'a closed contest stays closed');

    const response = await test.app.inject({ url: '/api/v1/charter' });
    assert.ok(!response.body.includes(entrant), 'no entrant in the public answer');
    const [shown] = (response.json() as CharterPage).contests;
    assert.deepEqual(shown?.winners, [
      { id: entry?.id, title: 'Rights for all', category: 'slogan', award: 'grand', exhibited: true },
    ]);
    assert.deepEqual(shown?.exhibition, { place: 'City Hall', from: '2024-12-01', to: '2024-12-10' });
  });

  it('keeps publications to the office, with versions', async () => {
    const payload = {
      code: 'calendar-2025',
      title: { ko: '2025 인권헌장 달력', en: '2025 Charter calendar' },
      year: 2025,
    };
    assert.equal((await send('POST', '/charter/publications', payload, committee)).statusCode, 403);
    assert.equal((await send('POST', '/charter/publications', payload)).statusCode, 201);
    const again = await send('POST', '/charter/publications', payload);
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().errors[0].field, 'body.code');
    const edit = (version: number) =>
      send('PUT', '/charter/publications/calendar-2025', { version, title: payload.title, year: 2024 });
    assert.equal((await edit(1)).statusCode, 200);
    assert.equal((await edit(1)).statusCode, 409);
    const reversed = await send('POST', '/charter/contests', {
      year: 2025,
      title: { ko: '공모전', en: 'Contest' },
      exhibition: { from: '2025-12-10', to: '2025-12-01' },
    });
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json().errors[0].field, 'body.exhibition.to');
    for (const to of ['7777-77-27', '2025-02-30']) {
      const impossible = await send('POST', '/charter/contests', {
        year: 2025,
        title: { ko: '공모전', en: 'Contest' },
        exhibition: { to },
      });
      assert.equal(impossible.statusCode, 400, `${to}: ${impossible.body}`);
    }
    const csv = await test.app.inject({ url: '/api/v1/open-data/charter-publications.csv' });
    assert.match(csv.body, /calendar-2025,2025 인권헌장 달력,2025 Charter calendar,2024,\r?\n/);
  });
});
