/**
 * The human rights ombudsman: counselling log, complaints (public form and staff intake), own-motion
 * investigations, the case workflow to recommendations and their follow-up, deadlines, search,
 * documents, retention, and anonymised annual statistics (open dataset `ombudsman-annual`).
 */
import type { Command } from 'commander';
import type { ServerModule } from '../../kernel/server/module.ts';
import { statisticCell, statisticCodebook } from '../../kernel/shared/statistic.ts';
import { registerCli } from './server/cli.ts';
import { seedAnnualFigures } from './server/commands/seed-annual.ts';
import { annualStatistics } from './server/commands/statistics.ts';
import { messages } from './server/messages.ts';
import { notificationKinds } from './server/notifications.ts';
import { ombudsmanRoutes } from './server/routes.ts';
import { ombudsmanWork } from './server/work.ts';

const column = (name: string, ko: string, en: string) => ({ name, description: { ko, en } });
const countColumn = (name: string, ko: string, en: string) =>
  column(name, `${ko} (${statisticCodebook.ko})`, `${en} (${statisticCodebook.en})`);

export const ombudsmanModule: ServerModule = {
  name: 'ombudsman',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: ombudsmanRoutes,
  notificationKinds,
  work: ombudsmanWork,
  seed: seedAnnualFigures,
  seedTables: ['ombudsman_annual'],
  cli: (program: Command, context) => registerCli(program, context),
  openData: [
    {
      id: 'ombudsman-annual',
      title: { ko: '인권옴부즈맨 연간 통계', en: 'Human rights ombudsman: annual statistics' },
      description: {
        ko: '연도별 상담 건수, 사건 접수 건수, 권고와 수용·이행 건수, 종결까지 걸린 날수의 중앙값. 사건 기록에서 센 1~4는 "<5", 0은 0으로 표시하고, 공표된 자료에도 기록에도 없는 값(예: 2018년 권고 건수)은 빈칸으로 둡니다.',
        en: 'Per year: counselling sessions, cases registered, recommendations issued, accepted and implemented, median days to close. Counts of 1 to 4 from case records are shown as "<5" and 0 as 0; a figure neither the published totals nor the records give (e.g. recommendations in 2018) is left blank.',
      },
      source: '1.6',
      columns: [
        column('year', '연도', 'Year'),
        column(
          'source',
          '출처(published: 공표된 수치, records: 사건 기록)',
          'Source (published figures or case records)',
        ),
        countColumn('counselling_sessions', '상담 건수', 'Counselling sessions'),
        countColumn('cases_registered', '사건 접수 건수', 'Cases registered'),
        countColumn('recommendations_issued', '권고 건수', 'Recommendations issued'),
        countColumn(
          'recommendations_accepted',
          '수용(일부 수용 포함) 건수',
          'Recommendations accepted (fully or partly)',
        ),
        countColumn('recommendations_implemented', '이행 건수', 'Recommendations implemented'),
        column(
          'median_days_to_close',
          '종결까지 걸린 날수의 중앙값(5건 미만이면 빈칸)',
          'Median days to close (blank under 5 cases)',
        ),
        column('note', '주석(영어)', 'Note'),
      ],
      async rows(db) {
        const statistics = await annualStatistics(db);
        return statistics.years.map((year) => ({
          year: year.year,
          source: year.source,
          counselling_sessions: statisticCell(year.counsellingSessions),
          cases_registered: statisticCell(year.casesRegistered),
          recommendations_issued: statisticCell(year.recommendationsIssued),
          recommendations_accepted: statisticCell(year.recommendationsAccepted),
          recommendations_implemented: statisticCell(year.recommendationsImplemented),
          median_days_to_close: year.medianDaysToClose,
          note: year.note,
        }));
      },
    },
  ],
};
