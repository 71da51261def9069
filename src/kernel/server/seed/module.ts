/**
 * The dataset loader's own module: the record of each load (`seed_runs`), the city's figures from the
 * seed document (`seed_figures`, public at `/figures` and as open data), and the first start, which
 * loads the dataset when the database has none for the configured city.
 */
import type { ServerModule } from '../module.ts';
import { anyContains } from '../search.ts';
import { listFigures, seedFigures } from './figures.ts';
import { loadDataset } from './load-dataset.ts';
import { figureRoutes } from './routes.ts';
import { seedDb } from './tables.ts';

export const seedModule: ServerModule = {
  name: 'seed',
  migrations: new URL('./migrations/', import.meta.url),
  routes: figureRoutes,
  seed: seedFigures,
  seedTables: ['seed_figures'],
  // The city itself, before any module's figure: how many people the rights are for.
  async headlines(db) {
    const population = await seedDb(db)
      .selectFrom('seed_figures')
      .selectAll()
      .where('id', '=', 'population')
      .executeTakeFirst();
    if (!population) return [];
    return [
      {
        id: 'population',
        label: { ko: population.label_ko, en: population.label_en },
        value: population.value,
        unit: { ko: '명', en: 'people' },
        path: '/figures#population',
        order: 0,
      },
    ];
  },
  async publicSearch(db, query, limit) {
    const figures = await seedDb(db)
      .selectFrom('seed_figures')
      .select(['id', 'label_ko', 'label_en', 'quote'])
      .where((eb) => anyContains(eb, ['label_ko', 'label_en', 'quote'], query))
      .orderBy('sort_order')
      .limit(limit)
      .execute();
    return figures.map((figure) => ({
      recordType: 'figure',
      title: { ko: figure.label_ko, en: figure.label_en },
      path: `/figures#${figure.id}`,
    }));
  },
  async onStart({ config, database, modules }) {
    const result = await loadDataset({
      database,
      modules,
      city: config.RIGHTSCITY_CITY,
      reset: false,
      demo: false,
    });
    if (result.loaded) {
      console.log(
        `First start: loaded the dataset of ${config.RIGHTSCITY_CITY} (${Object.keys(result.run.files).length} files).`,
      );
    }
  },
  openData: [
    {
      id: 'figures',
      title: { ko: '숫자로 보는 인권도시', en: 'The human rights city in figures' },
      description: {
        ko: '기초 문서가 밝힌 모든 수치: 출처 절, 연도, 값, 단위, 이름, 문서의 원문, 주석(영어).',
        en: "Every figure the city's source document states: section, year, value, unit, labels, the document's words and a note.",
      },
      columns: [
        { name: 'id', description: { ko: '수치의 고유 이름', en: "The figure's stable name" } },
        {
          name: 'section',
          description: { ko: '출처 문서의 절 또는 표', en: 'Section or table of the source document' },
        },
        {
          name: 'year',
          description: {
            ko: '수치가 가리키는 연도(없으면 빈칸)',
            en: 'The year the figure refers to (blank if none)',
          },
        },
        { name: 'value', description: { ko: '값', en: 'Value' } },
        { name: 'unit', description: { ko: '단위', en: 'Unit' } },
        { name: 'label_ko', description: { ko: '한국어 이름', en: 'Label in Korean' } },
        { name: 'label_en', description: { ko: '영어 이름', en: 'Label in English' } },
        {
          name: 'quote',
          description: { ko: '수치를 밝힌 문서의 원문', en: "The document's words that state the figure" },
        },
        {
          name: 'note',
          description: {
            ko: '주석(영어): 어림수, 문서 안의 불일치',
            en: 'Note: approximations, discrepancies in the source',
          },
        },
      ],
      async rows(db) {
        const figures = await listFigures(db);
        return figures.map(({ label, ...figure }) => ({
          id: figure.id,
          section: figure.section,
          year: figure.year,
          value: figure.value,
          unit: figure.unit,
          label_ko: label.ko,
          label_en: label.en,
          quote: figure.quote,
          note: figure.note,
        }));
      },
    },
  ],
};
