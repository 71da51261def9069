import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { anyContains, containsPattern, normaliseQuery } from './search.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

describe('search', () => {
  let test: TestDatabase;
  before(async () => {
    test = await createTestDatabase();
    await sql`create table search_probe (title_ko text, title_en text)`.execute(test.database.db);
    await sql`insert into search_probe values ('인권 교육', 'Human rights education'), ('100% 참여', 'a_b'), ('평화', 'Peace')`.execute(
      test.database.db,
    );
  });
  after(() => test.close());

  const find = async (query: string) => {
    type Probe = { search_probe: { title_ko: string; title_en: string } };
    const rows = await test.database.db
      .withTables<Probe>()
      .selectFrom('search_probe')
      .select('title_ko')
      .where((eb) => anyContains(eb, ['title_ko', 'title_en'], normaliseQuery(query)))
      .orderBy('title_ko')
      .execute();
    return rows.map((row) => row.title_ko);
  };

  it('finds a two-syllable Korean word, typed composed or decomposed', async () => {
    assert.deepEqual(await find('인권'), ['인권 교육']);
    assert.deepEqual(await find('인권'.normalize('NFD')), ['인권 교육']);
  });

  it('ignores case in English and matches LIKE characters literally', async () => {
    assert.deepEqual(await find('  HUMAN   rights '), ['인권 교육']);
    assert.deepEqual(await find('100%'), ['100% 참여']);
    assert.deepEqual(await find('a_b'), ['100% 참여']);
    assert.deepEqual(await find('%'), ['100% 참여']);
    assert.equal(containsPattern('a\\b'), '%a\\\\b%');
  });
});
