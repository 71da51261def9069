/**
 * Grants to human rights organisations (seed 2.5) and to Human Rights Neighbourhoods (seed 2.6):
 * funding calls with budgets, dates, eligibility rules and a scoring rubric; applications by
 * organisation accounts; review with declared conflicts of interest; selection, awards within the
 * call's budget, payment tranches, activity and final reports. Open dataset
 * `neighbourhood-participation` (Table 4); awarded grants also in the 360Giving layout.
 */
import { datasetColumn, type ServerModule } from '../../kernel/server/module.ts';
import { seedGrants } from './server/commands/seed-grants.ts';
import { messages } from './server/messages.ts';
import { notificationKinds } from './server/notifications.ts';
import { headlines, participation, publicSearch } from './server/public-data.ts';
import { grantsRoutes } from './server/routes.ts';
import { grantsWork } from './server/work.ts';

export const grantsModule: ServerModule = {
  name: 'grants',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  work: grantsWork,
  routes: grantsRoutes,
  notificationKinds,
  seed: seedGrants,
  seedTables: ['grants_neighbourhood_participation', 'grants_programmes'],
  headlines,
  publicSearch,
  openData: [
    {
      id: 'neighbourhood-participation',
      title: { ko: '인권마을 참여 현황', en: 'Human Rights Neighbourhood participation' },
      description: {
        ko: '연도별 인권마을 수와 지원액(미국 달러). 표 4 그대로이며, 2013년은 본문(2.6절)이 5개 마을이라고 해 표 4(3개)와 다릅니다.',
        en: 'Human Rights Neighbourhoods and their support (US$) per year, as Table 4 gives them. For 2013 the text of section 2.6 says 5 neighbourhoods where Table 4 gives 3.',
      },
      source: 'Table 4',
      seedTable: 'Table 4',
      report: { part: 'collaboration', order: 26, chart: { label: ['year'], value: 'neighbourhoods' } },
      columns: [
        datasetColumn('year', '연도', 'Year'),
        datasetColumn('neighbourhoods', '인권마을 수(표 4)', 'Neighbourhoods (Table 4)'),
        datasetColumn('support_usd', '지원액(미국 달러)', 'Support (US$)'),
        datasetColumn(
          'text_neighbourhoods',
          '본문(2.6절)이 밝힌 마을 수',
          'Neighbourhoods as the text of 2.6 states them',
        ),
        datasetColumn('note', '주석(영어)', 'Note'),
      ],
      async rows(db) {
        return (await participation(db)).map((row) => ({
          year: row.year,
          neighbourhoods: row.neighbourhoods,
          support_usd: row.supportUsd,
          text_neighbourhoods: row.textNeighbourhoods,
          note: row.note,
        }));
      },
    },
  ],
};
