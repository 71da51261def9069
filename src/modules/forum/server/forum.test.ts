import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { createUser, signIn } from '../../../kernel/server/accounts/testing.ts';
import { loadDataset } from '../../../kernel/server/seed/load-dataset.ts';
import { createTestApp, type TestApp } from '../../../kernel/server/testing.ts';
import { modules } from '../../../server/modules.ts';
import type { EditionDetail, Overview, UnRegister } from '../contract.ts';
import { forumModule } from '../module.ts';

const dataset = (name: string) => new URL(`../../../../datasets/gwangju/${name}`, import.meta.url);
const csvRows = (name: string): Record<string, string>[] =>
  parse(readFileSync(dataset(name), 'utf8'), { columns: true });
const seedText = readFileSync(dataset('source/major-policies-and-systems-of-gwangju.txt'), 'utf8');

type Headers = { cookie: string; 'x-csrf-token': string };

/** Table 5 as the seed document prints it: a header of five cells, then one block of five per year. */
function seedTable5(): { header: string[]; rows: string[][]; note: string } {
  const lines = seedText.split('\n');
  const start = lines.findIndex((line) =>
    line.startsWith('Table 5: Growth of the World Human Rights Cities Forum'),
  );
  const noteAt = lines.findIndex((line, index) => index > start && line.startsWith('*'));
  const blocks: string[][] = [[]];
  for (const line of lines.slice(start + 1, noteAt)) {
    if (line.trim() === '') {
      if ((blocks.at(-1) ?? []).length > 0) blocks.push([]);
    } else blocks.at(-1)?.push(line.trim());
  }
  const [header = [], ...rows] = blocks.filter((block) => block.length > 0);
  return { header, rows, note: (lines[noteAt] ?? '').trim() };
}

const plain = (cell: string) => Number(cell.replace(/[,*]/g, ''));

describe('the World Human Rights Cities Forum and the UN register', () => {
  let test: TestApp;
  let officer: Headers;
  let committee: Headers;
  let department: Headers;

  const createEdition = async (year: number, capacity: number | null, registrationOpen = true) => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/forum/editions',
      headers: officer,
      payload: {
        year,
        startsOn: `${year}-10-01`,
        endsOn: `${year}-10-03`,
        theme: { ko: '시험 주제', en: 'Test theme' },
        capacity,
        registrationOpen,
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as EditionDetail;
  };
  const register = (year: number, name: string, email: string) =>
    test.app.inject({
      method: 'POST',
      url: `/api/v1/forum/editions/${year}/registrations`,
      payload: { name, email, consent: true },
    });

  before(async () => {
    test = await createTestApp();
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: false, demo: false });
    officer = (await signIn(test.app, await createUser(test.database, { role: 'officer' }))).headers;
    committee = (await signIn(test.app, await createUser(test.database, { role: 'committee' }))).headers;
    department = (await signIn(test.app, await createUser(test.database, { role: 'department' }))).headers;
  });
  after(() => test?.close());

  it('reproduces Table 5 exactly as the seed prints it: every cell, and the note under it', async () => {
    const seed = seedTable5();
    assert.deepEqual(seed.header, ['Year', 'No. of Participants', 'Speakers', 'Korean', 'International']);
    assert.equal(seed.rows.length, 8);
    const { table5 } = (await test.app.inject({ url: '/api/v1/forum' })).json() as Overview;
    assert.deepEqual(
      table5.rows.map((row) => [
        String(row.year),
        row.participants.asWritten,
        row.speakers.asWritten,
        row.speakersKorean.asWritten,
        row.speakersInternational.asWritten,
      ]),
      seed.rows,
    );
    for (const [index, row] of table5.rows.entries()) {
      const cells = seed.rows[index] ?? [];
      assert.deepEqual(
        [
          row.participants.value,
          row.speakers.value,
          row.speakersKorean.value,
          row.speakersInternational.value,
        ],
        cells.slice(1).map(plain),
      );
    }
    assert.equal(seed.note, '*47 cities from 31 countries in 2017 and 57 cities from 44 countries in 2018');
    assert.equal(table5.note.text.en, seed.note);
    assert.deepEqual(
      table5.note.years.map((entry) => [entry.year, entry.cities.value, entry.countries.value]),
      [
        [2017, 47, 31],
        [2018, 57, 44],
      ],
    );
    // The asterisked cells carry the dataset's note that points to the table's note.
    const starred = table5.rows.filter((row) => row.participants.asWritten.endsWith('*'));
    assert.deepEqual(
      starred.map((row) => row.year),
      [2017, 2018],
    );
    assert.ok(starred.every((row) => row.participants.note?.includes('cities from')));

    // The open dataset regenerates the same table.
    const open = (await test.app.inject({ url: '/api/v1/open-data/forum-growth.json' })).json() as {
      seedTable: string;
      rows: Record<string, unknown>[];
    };
    assert.equal(open.seedTable, 'Table 5');
    assert.deepEqual(
      open.rows.map((row) => [
        row.year,
        row.participants_as_written,
        row.speakers,
        row.speakers_korean,
        row.speakers_international,
        row.cities,
        row.countries,
      ]),
      seed.rows.map((cells) => [
        Number(cells[0]),
        cells[1],
        plain(cells[2] ?? ''),
        plain(cells[3] ?? ''),
        plain(cells[4] ?? ''),
        cells[0] === '2017' ? 47 : cells[0] === '2018' ? 57 : null,
        cells[0] === '2017' ? 31 : cells[0] === '2018' ? 44 : null,
      ]),
    );
    const csv = await test.app.inject({ url: '/api/v1/open-data/forum-growth.csv' });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /2018,1800,"?1,800\*"?,164,77,87,57,44,/);
  });

  it('gives the 2018 edition its organisations as the seed does: 38, and 7 + 10 + 22 (which make 39)', async () => {
    const edition = (await test.app.inject({ url: '/api/v1/forum/editions/2018' })).json() as EditionDetail;
    assert.equal(edition.startsOn, '2018-10-18');
    assert.equal(edition.endsOn, '2018-10-21');
    assert.equal(edition.theme, null, 'the seed states no theme');
    assert.equal(edition.figures.organisations?.value, 38);
    assert.equal(edition.figures.organisations_international?.value, 7);
    assert.equal(edition.figures.organisations_national?.value, 10);
    assert.equal(edition.figures.organisations_local?.value, 22);
    assert.match(edition.figures.organisations?.note ?? '', /sums to 39, not 38/);
    assert.equal(edition.figures.cities?.value, 57);
    assert.equal(edition.figures.countries?.value, 44);
    assert.equal(edition.figures.participants?.asWritten, '1,800*');
    const named = (role: string, level: string | null) =>
      edition.organisations
        .filter((organisation) => organisation.role === role && organisation.level === level)
        .map((organisation) => organisation.name.en);
    assert.deepEqual(named('participant', 'international'), ['OHCHR', 'UCLG-CISDPDH', 'RWI']);
    assert.deepEqual(named('participant', 'national'), [
      'National Human Rights Commission',
      'KOICA',
      'UNESCO',
    ]);
    assert.deepEqual(named('participant', 'local'), [
      'Gwangju Metropolitan City',
      'Gwangju Metropolitan Board of Education',
      'Chonnam National University',
    ]);
    assert.deepEqual(named('co-host', null), ['Korea Human Rights Commission', 'Gwangju Board of Education']);
    assert.deepEqual(named('organiser', null), [
      'Gwangju International Center',
      'UCLG CISDP',
      'OHCHR',
      'RWI',
    ]);
    for (const organisation of edition.organisations) {
      assert.ok(seedText.includes(organisation.name.en), `${organisation.name.en} is named by the seed`);
    }
    // Earlier editions have no dates or themes: the seed gives none.
    const earlier = (await test.app.inject({ url: '/api/v1/forum/editions/2013' })).json() as EditionDetail;
    assert.deepEqual([earlier.startsOn, earlier.endsOn, earlier.theme], [null, null, null]);
    assert.equal(earlier.figures.speakers?.value, 245);
  });

  it('holds the capacity when several people take the last places at once', async () => {
    await createEdition(2031, 2);
    assert.equal((await register(2031, 'First Person', 'first@example.org')).statusCode, 201);
    const [one, two] = await Promise.all([
      register(2031, 'Second Person', 'second@example.org'),
      register(2031, 'Third Person', 'third@example.org'),
    ]);
    assert.deepEqual([one.statusCode, two.statusCode].sort(), [201, 409]);
    const refused = one.statusCode === 409 ? one : two;
    assert.equal(refused.json().code, 'forum_full');
    const edition = (await test.app.inject({ url: '/api/v1/forum/editions/2031' })).json() as EditionDetail;
    assert.deepEqual(edition.registration, { open: true, capacity: 2, registered: 2, placesLeft: 0 });

    await createEdition(2032, 3);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, index) => register(2032, `Person ${index}`, `p${index}@example.org`)),
    );
    assert.equal(burst.filter((response) => response.statusCode === 201).length, 3);
    assert.ok(
      burst
        .filter((response) => response.statusCode !== 201)
        .every((response) => response.json().code === 'forum_full'),
    );
  });

  it('refuses a closed edition, a second registration of one address, and one without consent', async () => {
    await createEdition(2033, null, false);
    const closed = await register(2033, 'Some One', 'someone@example.org');
    assert.equal(closed.statusCode, 409);
    assert.equal(closed.json().code, 'forum_registration_closed');
    assert.equal(
      (await register(2018, 'Some One', 'someone@example.org')).json().code,
      'forum_registration_closed',
    );
    assert.equal((await register(1999, 'Some One', 'someone@example.org')).statusCode, 404);

    await createEdition(2034, null);
    assert.equal((await register(2034, 'Some One', 'Same@Example.org')).statusCode, 201);
    const again = await register(2034, 'Some One Else', 'same@example.org');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'forum_already_registered');
    const noConsent = await test.app.inject({
      method: 'POST',
      url: '/api/v1/forum/editions/2034/registrations',
      payload: { name: 'Some One', email: 'x@example.org', consent: false },
    });
    assert.equal(noConsent.statusCode, 400);
    assert.equal(noConsent.json().errors[0].field, 'body.consent');
  });

  it('keeps registrants’ names and e-mails out of every public answer, the database’s clear text and the audit trail', async () => {
    const marker = `Registrant${Date.now()}`;
    const email = `${marker.toLowerCase()}@example.org`;
    await createEdition(2035, 10);
    const receipt = await register(2035, `${marker} 홍길동`, email);
    assert.equal(receipt.statusCode, 201);
    assert.ok(!receipt.body.includes(marker) && !receipt.body.includes(email));

    const publicUrls = [
      '/api/v1/forum',
      '/api/v1/forum/editions/2035',
      '/api/v1/forum/un',
      '/api/v1/open-data',
      '/api/v1/open-data/forum-growth.json',
      '/api/v1/open-data/forum-growth.csv',
      '/api/v1/open-data/un-documents.json',
    ];
    for (const url of publicUrls) {
      const response = await test.app.inject({ url });
      assert.equal(response.statusCode, 200, url);
      assert.ok(!response.body.includes(marker), `${url} shows no registrant name`);
      assert.ok(!response.body.toLowerCase().includes(email), `${url} shows no registrant e-mail`);
    }
    const hits = await forumModule.publicSearch?.(test.database.db, marker, 10);
    assert.deepEqual(hits, []);
    const headlines = JSON.stringify(await forumModule.headlines?.(test.database.db));
    assert.ok(!headlines.includes(marker));

    const { rows: stored } = await sql<{ row: string }>`
      select row_to_json(r)::text as row from forum_registrations r where year = 2035`.execute(
      test.database.db,
    );
    assert.equal(stored.length, 1);
    assert.ok(!stored[0]?.row.includes(marker) && !stored[0]?.row.toLowerCase().includes(email));
    const { rows: audit } = await sql<{ row: string }>`
      select row_to_json(a)::text as row from audit_trail a`.execute(test.database.db);
    assert.ok(audit.every((row) => !row.row.includes(marker) && !row.row.toLowerCase().includes(email)));

    // Only the office reads them, and each read is logged.
    for (const headers of [committee, department]) {
      const refused = await test.app.inject({ url: '/api/v1/forum/editions/2035/registrations', headers });
      assert.equal(refused.statusCode, 403);
    }
    assert.equal(
      (await test.app.inject({ url: '/api/v1/forum/editions/2035/registrations' })).statusCode,
      401,
    );
    const list = await test.app.inject({
      url: '/api/v1/forum/editions/2035/registrations',
      headers: officer,
    });
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.headers['cache-control'], 'no-store');
    assert.deepEqual(
      list
        .json()
        .registrations.map((registration: { name: string; email: string }) => [
          registration.name,
          registration.email,
        ]),
      [[`${marker} 홍길동`, email]],
    );
    const { rows: reads } = await sql<{ count: number }>`
      select count(*)::int as count from audit_access_log
      where entity_type = 'forum_registrations' and entity_id = '2035'`.execute(test.database.db);
    assert.equal(reads[0]?.count, 1);
  });

  it('lets the office edit an edition with the version it read, and add and edit sessions', async () => {
    const created = await createEdition(2036, 100, false);
    const update = (version: number, capacity: number) =>
      test.app.inject({
        method: 'PUT',
        url: '/api/v1/forum/editions/2036',
        headers: officer,
        payload: {
          version,
          startsOn: '2036-10-01',
          endsOn: '2036-10-03',
          theme: null,
          capacity,
          registrationOpen: true,
        },
      });
    const first = await update(created.version, 150);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().registration.capacity, 150);
    const stale = await update(created.version, 200);
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');
    const backwards = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/forum/editions/2036',
      headers: officer,
      payload: {
        version: first.json().version,
        startsOn: '2036-10-05',
        endsOn: '2036-10-01',
        theme: null,
        capacity: 1,
        registrationOpen: true,
      },
    });
    assert.equal(backwards.statusCode, 400);
    assert.equal(backwards.json().errors[0].field, 'body.endsOn');
    const byCommittee = await test.app.inject({
      method: 'POST',
      url: '/api/v1/forum/editions',
      headers: committee,
      payload: {
        year: 2040,
        startsOn: null,
        endsOn: null,
        theme: null,
        capacity: null,
        registrationOpen: false,
      },
    });
    assert.equal(byCommittee.statusCode, 403);
    const exists = await test.app.inject({
      method: 'POST',
      url: '/api/v1/forum/editions',
      headers: officer,
      payload: {
        year: 2018,
        startsOn: null,
        endsOn: null,
        theme: null,
        capacity: null,
        registrationOpen: false,
      },
    });
    assert.equal(exists.statusCode, 409);
    assert.equal(exists.json().code, 'forum_edition_exists');

    const session = {
      title: { ko: '인권도시와 지속가능발전목표', en: 'Human rights cities and the SDGs' },
      startsAt: '2036-10-01T09:30:00+09:00',
      endsAt: '2036-10-01T11:00:00+09:00',
      languages: ['ko', 'en'],
      speakers: [
        { name: 'Kim Minji', affiliation: 'Gwangju', origin: 'korean' },
        { name: 'Ana Silva', affiliation: null, origin: 'international' },
      ],
    };
    const added = await test.app.inject({
      method: 'POST',
      url: '/api/v1/forum/editions/2036/sessions',
      headers: officer,
      payload: session,
    });
    assert.equal(added.statusCode, 201, added.body);
    assert.equal(added.json().startsAt, '2036-10-01T00:30:00.000Z', 'stored in UTC');
    const edition = (await test.app.inject({ url: '/api/v1/forum/editions/2036' })).json() as EditionDetail;
    assert.deepEqual(
      edition.sessions.map((entry) => [entry.title.en, entry.languages, entry.speakers.length]),
      [['Human rights cities and the SDGs', ['ko', 'en'], 2]],
    );
    const edited = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/forum/sessions/${added.json().id}`,
      headers: officer,
      payload: { ...session, endsAt: '2036-10-01T12:00:00+09:00', version: added.json().version },
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const staleSession = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/forum/sessions/${added.json().id}`,
      headers: officer,
      payload: { ...session, version: added.json().version },
    });
    assert.equal(staleSession.statusCode, 409);
    const inverted = await test.app.inject({
      method: 'POST',
      url: '/api/v1/forum/editions/2036/sessions',
      headers: officer,
      payload: { ...session, endsAt: '2036-10-01T08:00:00+09:00' },
    });
    assert.equal(inverted.statusCode, 400);
    const hits = (await forumModule.publicSearch?.(test.database.db, 'SDGs', 10)) ?? [];
    assert.ok(
      hits.some((hit) => hit.recordType === 'session' && hit.path.startsWith('/forum/2036#session-')),
    );
  });

  it('answers input the database could not store with a 400 or stores it as text would (found by fuzzing)', async () => {
    await createEdition(2037, null);
    const yearZero = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/forum/editions/2037',
      headers: officer,
      payload: {
        version: 1,
        startsOn: null,
        endsOn: '0000-02-29',
        theme: null,
        capacity: null,
        registrationOpen: true,
      },
    });
    assert.equal(yearZero.statusCode, 400, yearZero.body);
    assert.equal(yearZero.json().errors[0].field, 'body.endsOn');
    const session = (speaker: string, startsAt: string) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/forum/editions/2037/sessions',
        headers: officer,
        payload: {
          title: { ko: '시험', en: 'Test' },
          startsAt,
          endsAt: '2037-10-01T12:00:00+09:00',
          languages: ['ko'],
          speakers: [{ name: speaker, affiliation: null, origin: 'korean' }],
        },
      });
    const early = await session('Kim', '0000-01-01T00:00:00Z');
    assert.equal(early.statusCode, 400, early.body);
    assert.equal(early.json().errors[0].field, 'body.startsAt');
    const lone = await session('a\udfffb', '2037-10-01T10:00:00+09:00');
    assert.equal(lone.statusCode, 201, lone.body);
    assert.equal(lone.json().speakers[0].name, 'a\ufffdb');
  });

  it('registers the UN documents the seed names, with the records that answer them, and the proposed centre', async () => {
    const register = (await test.app.inject({ url: '/api/v1/forum/un' })).json() as UnRegister;
    const bySymbol = new Map(register.documents.map((document) => [document.symbol, document]));
    assert.equal(bySymbol.get('A/HRC/27/59')?.body?.en, 'Human Rights Council');
    assert.deepEqual(
      bySymbol.get('A/HRC/27/59')?.links.map((link) => link.path),
      ['/forum'],
    );
    assert.deepEqual(
      [bySymbol.get('66/137')?.year, bySymbol.get('66/137')?.body?.en],
      [2011, 'General Assembly'],
    );
    const declaration = register.documents.find((document) => document.id === 'undhret');
    assert.equal(declaration?.title.en, 'United Nations Declaration on Human Rights Education and Training');
    assert.equal(declaration?.links[0]?.recordId, 'ihrec');
    assert.deepEqual(
      register.projects.map((project) => [project.id, project.status, project.name.en]),
      [['ihrec', 'proposed', 'International Human Rights Education Center (IHREC)']],
    );
    for (const row of [...csvRows('un-documents.csv'), ...csvRows('un-projects.csv')]) {
      assert.ok(seedText.includes(row.quote ?? ''), `the quote of ${row.id} is the seed's words`);
    }

    const link = {
      module: 'indicators',
      recordType: 'indicator',
      recordId: '1-1',
      path: '/indicators/1-1',
      title: { ko: '인권지표 1-1', en: 'Human rights indicator 1-1' },
    };
    const url = '/api/v1/forum/un/documents/a-hrc-27-59/links';
    assert.equal(
      (await test.app.inject({ method: 'POST', url, headers: department, payload: link })).statusCode,
      403,
    );
    assert.equal((await test.app.inject({ method: 'POST', url, payload: link })).statusCode, 401);
    const offsite = await test.app.inject({
      method: 'POST',
      url,
      headers: officer,
      payload: { ...link, path: '//example.org/x' },
    });
    assert.equal(offsite.statusCode, 400);
    const neither = await test.app.inject({
      method: 'POST',
      url,
      headers: officer,
      payload: { ...link, recordId: null, path: null },
    });
    assert.equal(neither.statusCode, 400);
    const missing = await test.app.inject({
      method: 'POST',
      url: '/api/v1/forum/un/documents/no-such-document/links',
      headers: officer,
      payload: link,
    });
    assert.equal(missing.statusCode, 404);
    const added = await test.app.inject({ method: 'POST', url, headers: officer, payload: link });
    assert.equal(added.statusCode, 201, added.body);
    const after = (await test.app.inject({ url: '/api/v1/forum/un' })).json() as UnRegister;
    const document = after.documents.find((entry) => entry.id === 'a-hrc-27-59');
    assert.deepEqual(
      document?.links.map((entry) => entry.path),
      ['/forum', '/indicators/1-1'],
    );
    const removed = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/forum/un/links/${added.json().id}`,
      headers: officer,
    });
    assert.equal(removed.statusCode, 204);
    const open = (await test.app.inject({ url: '/api/v1/open-data/un-documents.json' })).json() as {
      rows: { symbol: string | null; linked_records: number }[];
    };
    assert.equal(open.rows.find((row) => row.symbol === 'A/HRC/27/59')?.linked_records, 1);
  });

  it('offers headlines and a public search over editions, sessions and UN documents', async () => {
    const headlines = (await forumModule.headlines?.(test.database.db)) ?? [];
    assert.deepEqual(
      headlines.map((headline) => [headline.id, headline.value, headline.asOf]),
      [
        ['forum-participants', 1800, '2018'],
        ['forum-cities', 57, '2018'],
      ],
    );
    const search = async (query: string) =>
      (await forumModule.publicSearch?.(test.database.db, query, 20)) ?? [];
    assert.ok((await search('2018')).some((hit) => hit.path === '/forum/2018'));
    assert.ok((await search('인권도시포럼')).length >= 8);
    assert.ok((await search('27/59')).some((hit) => hit.recordType === 'un-document'));
  });

  it('reloads the dataset without losing what the office added', async () => {
    await loadDataset({ database: test.database, modules, city: 'gwangju', reset: true, demo: false });
    const edition = (await test.app.inject({ url: '/api/v1/forum/editions/2036' })).json() as EditionDetail;
    assert.equal(edition.sessions.length, 1);
    const register = (await test.app.inject({ url: '/api/v1/forum/un' })).json() as UnRegister;
    assert.equal(register.documents.find((document) => document.id === 'a-hrc-27-59')?.links.length, 1);
    const { table5 } = (await test.app.inject({ url: '/api/v1/forum' })).json() as Overview;
    assert.equal(table5.rows.length, 8);
  });
});
