/**
 * Human rights education (seed section 2.4, Table 3): programmes by the target groups of Table 3,
 * their sessions, attendance sheets imported from CSV or Excel, participants per year and group, and
 * coverage (participants ÷ population) with the seed's stated rates beside the computed ones. Open
 * datasets: `education-participants` (Table 3) and `education-coverage`.
 */
import { datasetColumn, type ServerModule } from '../../kernel/server/module.ts';
import { seedEducation } from './server/commands/seed-education.ts';
import { messages } from './server/messages.ts';
import { coverageByYear, listGroups, participantsByYear, searchPublicProgrammes } from './server/queries.ts';
import { educationRoutes } from './server/routes.ts';

export const educationModule: ServerModule = {
  name: 'education',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: educationRoutes,
  seed: seedEducation,
  seedTables: ['education_reported_participants', 'education_reported_years'],
  openData: [
    {
      id: 'education-participants',
      title: { ko: '인권교육 참여자', en: 'Human rights education participants' },
      description: {
        ko: '연도·대상 집단별 인권교육 참여자 수. 자료집이 밝힌 해(표 3의 2017년)는 그 수치, 그 밖의 해는 기록된 교육 회차의 합계입니다.',
        en: 'Human rights education participants by year and target group: the figures the seed reports for its years (Table 3, 2017), otherwise the sum of the sessions recorded.',
      },
      source: 'Table 3',
      seedTable: 'Table 3',
      report: {
        part: 'collaboration',
        order: 30,
        chart: { label: ['year', { ko: 'group_ko', en: 'group_en' }], value: 'participants' },
      },
      columns: [
        datasetColumn('year', '연도', 'Year'),
        datasetColumn('group', '대상 집단 코드', 'Target group code'),
        datasetColumn('group_ko', '대상 집단(한국어)', 'Target group (Korean)', 'ko'),
        datasetColumn('group_en', '대상 집단(영어)', 'Target group (English)'),
        datasetColumn('types_of_education_ko', '교육 유형(한국어)', 'Types of education (Korean)', 'ko'),
        datasetColumn('types_of_education_en', '교육 유형(영어)', 'Types of education (English)'),
        datasetColumn('participants', '참여자 수', 'Participants'),
        datasetColumn(
          'source',
          '출처(자료집의 표 또는 sessions)',
          'Source (a table of the seed, or sessions)',
        ),
      ],
      async rows(db) {
        const groups = new Map((await listGroups(db)).map((group) => [group.code, group]));
        return (await participantsByYear(db)).map((row) => {
          const group = groups.get(row.groupCode);
          return {
            year: row.year,
            group: row.groupCode,
            group_ko: group?.name.ko ?? '',
            group_en: group?.name.en ?? '',
            types_of_education_ko: group?.classTypes.ko ?? '',
            types_of_education_en: group?.classTypes.en ?? '',
            participants: row.participants,
            source: row.source,
          };
        });
      },
    },
    {
      id: 'education-coverage',
      title: { ko: '인권교육 참여율', en: 'Human rights education coverage' },
      description: {
        ko: '연도별 인권교육 참여자 수와 인구, 계산한 참여율(참여자 ÷ 인구, 소수 둘째 자리)과 자료집이 밝힌 참여율. 둘은 반올림 때문에 다를 수 있습니다.',
        en: 'Participants and population by year, the computed coverage (participants ÷ population, two decimals) and the coverage the seed states; they can differ by rounding.',
      },
      source: '2.4',
      report: { part: 'collaboration', order: 31, chart: { label: ['year'], value: 'participants' } },
      columns: [
        datasetColumn('year', '연도', 'Year'),
        datasetColumn('participants', '참여자 수', 'Participants'),
        datasetColumn('population', '인구', 'Population'),
        datasetColumn('coverage_computed_percent', '계산한 참여율(%)', 'Computed coverage (%)'),
        datasetColumn(
          'coverage_stated_percent',
          '자료집이 밝힌 참여율(%)',
          'Coverage as the seed states it (%)',
        ),
        datasetColumn('note', '비고(영어)', 'Note'),
      ],
      async rows(db) {
        return (await coverageByYear(db)).map((year) => ({
          year: year.year,
          participants: year.participants,
          population: year.population,
          coverage_computed_percent: year.computedRate,
          coverage_stated_percent: year.statedRate,
          note: year.note,
        }));
      },
    },
  ],
  async headlines(db) {
    const latest = (await coverageByYear(db)).filter((year) => year.participants !== null).at(-1);
    if (!latest || latest.participants === null) return [];
    const asOf = String(latest.year);
    const rate = latest.computedRate ?? latest.statedRate;
    return [
      {
        id: 'education-participants',
        label: { ko: '인권교육 참여자', en: 'Human rights education participants' },
        value: latest.participants,
        unit: { ko: '명', en: 'people' },
        asOf,
        path: '/education',
        order: 40,
      },
      ...(rate === null
        ? []
        : [
            {
              id: 'education-coverage',
              label:
                latest.computedRate === null
                  ? {
                      ko: '인구 대비 인권교육 참여율(발표)',
                      en: 'Share of the population educated (as stated)',
                    }
                  : {
                      ko: '인구 대비 인권교육 참여율(계산)',
                      en: 'Share of the population educated (computed)',
                    },
              value: rate,
              unit: { ko: '%', en: '%' },
              asOf,
              path: '/education',
              order: 41,
            },
          ]),
    ];
  },
  publicSearch: searchPublicProgrammes,
};
