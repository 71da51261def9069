/**
 * The Gwangju Human Rights Charter and its promotion (seed section 1.4): the declaration in the seed's
 * words and figures, the charter's articles (the kernel's `rights` vocabulary, entered by admins), its
 * publications, and the yearly Human Rights Promotion Contest with its entries, judging, winners and
 * exhibition.
 */
import { datasetColumn, type ServerModule } from '../../kernel/server/module.ts';
import { seedCharter } from './server/commands/seed-charter.ts';
import { messages } from './server/messages.ts';
import { listPublications } from './server/queries.ts';
import { charterRoutes } from './server/routes.ts';

export const charterModule: ServerModule = {
  name: 'charter',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: charterRoutes,
  seed: seedCharter,
  seedTables: ['charter_declaration', 'charter_paragraphs'],
  openData: [
    {
      id: 'charter-publications',
      title: { ko: '광주인권헌장 출판물', en: 'Gwangju Human Rights Charter publications' },
      description: {
        ko: '광주인권헌장을 알리는 출판물: 자료집이 이름을 든 것과 그 뒤 등록된 것.',
        en: 'The publications that promote the Gwangju Human Rights Charter: those the seed names and those added since.',
      },
      source: '1.4',
      columns: [
        datasetColumn('code', '코드', 'Code'),
        datasetColumn('title_ko', '제목(한국어)', 'Title (Korean)', 'ko'),
        datasetColumn('title_en', '제목(영어)', 'Title (English)'),
        datasetColumn('year', '발행 연도', 'Year published'),
        datasetColumn(
          'source_section',
          '자료집의 절(자료집이 이름을 든 경우)',
          'Section of the seed (when the seed names it)',
        ),
      ],
      async rows(db) {
        return (await listPublications(db)).map((publication) => ({
          code: publication.code,
          title_ko: publication.title.ko,
          title_en: publication.title.en,
          year: publication.year,
          source_section: publication.sourceSection,
        }));
      },
    },
  ],
};
