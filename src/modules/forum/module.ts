/**
 * The World Human Rights Cities Forum (seed section 2.7, Table 5) and the city's links with the UN
 * human rights system (chapter IV): editions with their figures, programme and online registration,
 * and the register of UN documents with the records that answer them and the proposed International
 * Human Rights Education Center. Open datasets: `forum-growth` (Table 5) and `un-documents`.
 */
import { sql } from 'kysely';
import {
  datasetColumn,
  type Headline,
  type PublicSearchHit,
  type ServerModule,
} from '../../kernel/server/module.ts';
import { containsPattern } from '../../kernel/server/search.ts';
import { seedForum } from './server/commands/seed-forum.ts';
import { messages } from './server/messages.ts';
import { editionPath, table5, unPath, unRegister } from './server/queries.ts';
import { forumRoutes } from './server/routes.ts';
import { forumDb } from './server/tables.ts';

export const forumModule: ServerModule = {
  name: 'forum',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: forumRoutes,
  seed: seedForum,
  seedTables: ['forum_edition_figures'],
  openData: [
    {
      id: 'forum-growth',
      title: { ko: '세계인권도시포럼의 성장', en: 'Growth of the World Human Rights Cities Forum' },
      description: {
        ko: '표 5: 연도별 참가자 수와 발표자 수(국내·해외), 표의 별표 주석이 밝힌 참가 도시와 국가 수. "as_written"은 표에 적힌 그대로의 칸입니다.',
        en: 'Table 5: participants and speakers (Korean and international) by year, and the participating cities and countries that the note under the table gives. "as_written" is the cell as the table writes it.',
      },
      source: 'Table 5',
      seedTable: 'Table 5',
      report: { part: 'collaboration', order: 10, chart: { label: ['year'], value: 'participants' } },
      columns: [
        datasetColumn('year', '연도', 'Year'),
        datasetColumn('participants', '참가자 수', 'Participants'),
        datasetColumn(
          'participants_as_written',
          '표에 적힌 참가자 수(별표 포함)',
          'Participants as the table writes them',
        ),
        datasetColumn('speakers', '발표자 수', 'Speakers'),
        datasetColumn('speakers_korean', '국내 발표자 수', 'Speakers, Korean'),
        datasetColumn('speakers_international', '해외 발표자 수', 'Speakers, international'),
        datasetColumn('cities', '참가 도시 수(표의 주석)', 'Participating cities (the note under the table)'),
        datasetColumn(
          'countries',
          '참가 국가 수(표의 주석)',
          'Participating countries (the note under the table)',
        ),
        datasetColumn('note', '주석(영어)', 'Note'),
      ],
      async rows(db) {
        const table = await table5(db);
        return table.rows.map((row) => {
          const noted = table.note.years.find((entry) => entry.year === row.year);
          return {
            year: row.year,
            participants: row.participants.value,
            participants_as_written: row.participants.asWritten,
            speakers: row.speakers.value,
            speakers_korean: row.speakersKorean.value,
            speakers_international: row.speakersInternational.value,
            cities: noted?.cities.value ?? null,
            countries: noted?.countries.value ?? null,
            note: row.participants.note,
          };
        });
      },
    },
    {
      id: 'un-documents',
      title: { ko: '시와 관련된 유엔 문서', en: 'UN documents relevant to the city' },
      description: {
        ko: '시와 관련된 유엔 문서와 권고: 문서 기호, 제목, 연도, 채택 기관, 이에 응답하는 플랫폼의 기록 수.',
        en: 'UN documents and recommendations relevant to the city: symbol, title, year, body, and how many platform records answer each.',
      },
      source: 'IV',
      report: { part: 'un', order: 10, chart: false },
      columns: [
        datasetColumn('id', '식별자', 'Identifier'),
        datasetColumn('symbol', '문서 기호', 'Symbol'),
        datasetColumn('title_ko', '제목(한국어)', 'Title (Korean)', 'ko'),
        datasetColumn('title_en', '제목(영어)', 'Title (English)'),
        datasetColumn('year', '연도', 'Year'),
        datasetColumn('body_en', '기관(영어)', 'Body'),
        datasetColumn('source_section', '출처(시드 문서의 절)', 'Source section of the seed'),
        datasetColumn('linked_records', '연결된 기록 수', 'Linked records'),
      ],
      async rows(db) {
        const { documents } = await unRegister(db);
        return documents.map((document) => ({
          id: document.id,
          symbol: document.symbol,
          title_ko: document.title.ko,
          title_en: document.title.en,
          year: document.year,
          body_en: document.body?.en ?? null,
          source_section: document.sourceSection,
          linked_records: document.links.length,
        }));
      },
    },
  ],
  async headlines(db): Promise<Headline[]> {
    const { rows, note } = await table5(db);
    const headlines: Headline[] = [];
    const latest = rows.at(-1);
    if (latest) {
      headlines.push({
        id: 'forum-participants',
        label: { ko: '세계인권도시포럼 참가자 수', en: 'World Human Rights Cities Forum participants' },
        value: latest.participants.value,
        unit: { ko: '명', en: 'people' },
        asOf: String(latest.year),
        path: '/forum',
        order: 40,
      });
    }
    const cities = note.years.at(-1);
    if (cities) {
      headlines.push({
        id: 'forum-cities',
        label: { ko: '세계인권도시포럼 참가 도시 수', en: 'Cities taking part in the forum' },
        value: cities.cities.value,
        unit: { ko: '개 도시', en: 'cities' },
        asOf: String(cities.year),
        path: '/forum',
        order: 41,
      });
    }
    return headlines;
  },
  async publicSearch(db, query, limit): Promise<PublicSearchHit[]> {
    const pattern = containsPattern(query);
    const forum = forumDb(db);
    const hits: PublicSearchHit[] = [];
    // Every edition is "the World Human Rights Cities Forum <year>": the name matches them all.
    const namesForum = ['세계인권도시포럼', 'world human rights cities forum'].some((name) =>
      name.includes(query.toLowerCase()),
    );
    const editions = await forum
      .selectFrom('forum_editions')
      .select(['year', 'theme_ko', 'theme_en'])
      .$if(!namesForum, (select) =>
        select.where((eb) =>
          eb.or([
            eb(sql`year::text`, 'like', pattern),
            eb('theme_ko', 'ilike', pattern),
            eb('theme_en', 'ilike', pattern),
          ]),
        ),
      )
      .orderBy('year', 'desc')
      .limit(limit)
      .execute();
    for (const edition of editions) {
      hits.push({
        recordType: 'edition',
        title: {
          ko: `${edition.year} 세계인권도시포럼`,
          en: `World Human Rights Cities Forum ${edition.year}`,
        },
        ...(edition.theme_ko !== null && edition.theme_en !== null
          ? { summary: { ko: edition.theme_ko, en: edition.theme_en } }
          : {}),
        path: editionPath(edition.year),
      });
    }
    const sessions = await forum
      .selectFrom('forum_sessions')
      .select(['id', 'year', 'title_ko', 'title_en'])
      .where((eb) => eb.or([eb('title_ko', 'ilike', pattern), eb('title_en', 'ilike', pattern)]))
      .orderBy('starts_at', 'desc')
      .limit(limit)
      .execute();
    for (const session of sessions) {
      hits.push({
        recordType: 'session',
        title: { ko: session.title_ko, en: session.title_en },
        summary: {
          ko: `${session.year} 세계인권도시포럼 프로그램`,
          en: `Programme of the World Human Rights Cities Forum ${session.year}`,
        },
        path: `${editionPath(session.year)}#session-${session.id}`,
      });
    }
    const documents = await forum
      .selectFrom('forum_un_documents')
      .select(['id', 'symbol', 'title_ko', 'title_en'])
      .where((eb) =>
        eb.or([
          eb('symbol', 'ilike', pattern),
          eb('title_ko', 'ilike', pattern),
          eb('title_en', 'ilike', pattern),
        ]),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
    for (const document of documents) {
      hits.push({
        recordType: 'un-document',
        title: { ko: document.title_ko, en: document.title_en },
        path: `${unPath}#document-${document.id}`,
      });
    }
    return hits.slice(0, limit);
  },
};
