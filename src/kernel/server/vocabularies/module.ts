/**
 * The shared vocabularies (charter rights, departments, districts, target groups, UN SDG goals and
 * targets) and the tagging of any module's record with their terms. Modules tag through `./tags.ts`
 * and read the shapes in `./contract.ts`.
 */
import type { PublicSearchHit, ServerModule } from '../module.ts';
import { anyContains } from '../search.ts';
import { messages } from './messages.ts';
import { vocabularyRoutes } from './routes.ts';
import { seedVocabularies } from './seed.ts';
import { vocabDb } from './tables.ts';

export const vocabModule: ServerModule = {
  name: 'vocab',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: vocabularyRoutes,
  seed: seedVocabularies,
  // A term's page lists what the city does for that right, group or goal: what a search should find.
  async publicSearch(db, query, limit) {
    const terms = await vocabDb(db)
      .selectFrom('vocab_terms')
      .select(['vocabulary', 'code', 'name_ko', 'name_en', 'description_ko', 'description_en'])
      .where((eb) => anyContains(eb, ['name_ko', 'name_en', 'description_ko', 'description_en'], query))
      .orderBy('vocabulary')
      .orderBy('sort_order')
      .limit(limit)
      .execute();
    return terms.map((term): PublicSearchHit => {
      const hit: PublicSearchHit = {
        recordType: term.vocabulary,
        // No Korean name (an SDG goal without a translation): the English stands in, as on its page.
        title: { ko: term.name_ko ?? term.name_en, en: term.name_en },
        path: `/vocabularies/${term.vocabulary}/${encodeURIComponent(term.code)}`,
      };
      if (term.description_ko && term.description_en) {
        hit.summary = { ko: term.description_ko, en: term.description_en };
      }
      return hit;
    });
  },
  openData: [
    {
      id: 'bureau-divisions',
      title: {
        ko: '인권 담당 국과 소속 과의 공무원 수',
        en: 'The human rights bureau and its divisions, with their officials',
      },
      description: {
        ko: '하위 과를 둔 부서(국)와 그 소속 과: 코드, 이름, 공무원 수, 설치 시기.',
        en: 'Each department that has divisions (a bureau) and its divisions: code, names, number of officials, since when.',
      },
      source: '1.2',
      columns: [
        { name: 'code', description: { ko: '부서 코드', en: 'Department code' } },
        {
          name: 'parent_code',
          description: { ko: '상위 부서 코드(국은 빈칸)', en: "The bureau's code (blank for the bureau)" },
        },
        { name: 'name_ko', description: { ko: '한국어 이름', en: 'Name in Korean' } },
        { name: 'name_en', description: { ko: '영어 이름', en: 'Name in English' } },
        { name: 'headcount', description: { ko: '공무원 수', en: 'Number of officials' } },
        { name: 'since', description: { ko: '설치 시기(YYYY 또는 YYYY-MM)', en: 'Since (YYYY or YYYY-MM)' } },
        {
          name: 'source_section',
          description: { ko: '출처 문서의 절', en: 'Section of the source document' },
        },
      ],
      async rows(db) {
        const vocab = vocabDb(db);
        const rows = await vocab
          .selectFrom('vocab_terms as department')
          .select(['code', 'parent_code', 'name_ko', 'name_en', 'data', 'source_section'])
          .where('vocabulary', '=', 'departments')
          .where('is_sample', '=', false)
          .where((eb) =>
            eb.or([
              eb('parent_code', 'is not', null),
              eb.exists(
                eb
                  .selectFrom('vocab_terms as division')
                  .select('division.code')
                  .where('division.vocabulary', '=', 'departments')
                  .whereRef('division.parent_code', '=', 'department.code'),
              ),
            ]),
          )
          .orderBy('sort_order')
          .execute();
        return rows.map((row) => ({
          code: row.code,
          parent_code: row.parent_code,
          name_ko: row.name_ko,
          name_en: row.name_en,
          headcount: row.data.headcount ?? null,
          since: row.data.since ?? null,
          source_section: row.source_section,
        }));
      },
    },
  ],
};
