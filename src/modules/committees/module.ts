/**
 * Committees, meetings and roundtables (seed sections 2.1–2.3): the Human Rights Improvement Citizen
 * Committee, the Human Rights Policy Joint Meeting and the monthly Human Rights Roundtable as bodies
 * with their rules and historical counts; members and terms; meetings with agendas, attendance and
 * quorum, minutes and decisions; recommendations to departments and their answers; the public calendar
 * with an iCalendar feed per body and roundtable registration. Open dataset `committee-meetings`.
 */
import type { Command } from 'commander';
import { sql } from 'kysely';
import { datasetColumn, type ServerModule } from '../../kernel/server/module.ts';
import { anyContains } from '../../kernel/server/search.ts';
import { registerCli } from './server/cli.ts';
import { seedBodies } from './server/commands/seed-bodies.ts';
import { messages } from './server/messages.ts';
import { notificationKinds } from './server/notifications.ts';
import { listBodies } from './server/queries.ts';
import { committeesRoutes } from './server/routes.ts';
import { committeesDb } from './server/tables.ts';
import { committeesWork } from './server/work.ts';

/** The historical counts the seed states, as headlines: id, body, order. */
const historicalHeadlines = [
  { id: 'committees-joint-meetings', bodyId: 'joint-meeting', order: 40 },
  { id: 'committees-roundtable-meetings', bodyId: 'roundtable', order: 41 },
] as const;

export const committeesModule: ServerModule = {
  name: 'committees',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  work: committeesWork,
  routes: committeesRoutes,
  notificationKinds,
  seed: seedBodies,
  cli: (program: Command, context) => registerCli(program, context),
  openData: [
    {
      id: 'committee-meetings',
      title: { ko: '인권 거버넌스 회의 개최 현황', en: 'Human rights governance: meetings held' },
      description: {
        ko: '인권증진시민위원회, 인권정책 합동회의, 인권 라운드테이블의 연도별 개최 횟수와 연간 기준. 기초 문서가 밝힌 누적 횟수(published)와 회의 기록에서 센 횟수(records)를 구분합니다.',
        en: 'Meetings held per year by the Citizen Committee, the Joint Meeting and the Roundtable, against the yearly requirement: counts the source document states (published) apart from counts of meeting records (records).',
      },
      source: '2.1–2.3',
      columns: [
        datasetColumn('body_id', '기구 ID', 'Body id'),
        datasetColumn('body_ko', '기구 이름(한국어)', 'Body (Korean)', 'ko'),
        datasetColumn('body_en', '기구 이름(영어)', 'Body (English)'),
        datasetColumn(
          'source',
          '출처(published: 공표된 수치, records: 회의 기록)',
          'Source (published figures or meeting records)',
        ),
        datasetColumn('year', '연도(공표된 누적 수치는 빈칸)', 'Year (blank for a published total)'),
        datasetColumn('period_years', '공표된 수치의 기간(년)', 'Years the published total covers'),
        datasetColumn('meetings', '개최 횟수', 'Meetings held'),
        datasetColumn('required_per_year', '연간 기준 횟수', 'Meetings required per year'),
      ],
      async rows(db) {
        const bodies = await listBodies(db);
        return bodies.flatMap((body) => {
          const base = { body_id: body.id, body_ko: body.name.ko, body_en: body.name.en };
          return [
            ...(body.historical
              ? [
                  {
                    ...base,
                    source: 'published',
                    year: null,
                    period_years: body.historical.years,
                    meetings: body.historical.meetings,
                    required_per_year: body.meetingsPerYear,
                  },
                ]
              : []),
            ...body.meetingsByYear.map((year) => ({
              ...base,
              source: 'records',
              year: year.year,
              period_years: null,
              meetings: year.held,
              required_per_year: year.required,
            })),
          ];
        });
      },
      // One row a body a year, and published totals over several years: a table, not bars.
      report: { part: 'collaboration', order: 10, chart: false },
    },
  ],
  async headlines(db) {
    const bodies = await listBodies(db);
    const headlines = [];
    const committee = bodies.find((body) => body.id === 'citizen-committee');
    if (committee?.seats) {
      headlines.push({
        id: 'committees-citizen-committee-seats',
        label: {
          ko: '인권증진시민위원회 위원 정원',
          en: 'Seats on the Human Rights Improvement Citizen Committee',
        },
        value: committee.seats,
        unit: { ko: '명', en: 'members' },
        path: '/committees',
        order: 39,
      });
    }
    for (const { id, bodyId, order } of historicalHeadlines) {
      const body = bodies.find((candidate) => candidate.id === bodyId);
      if (!body?.historical) continue;
      headlines.push({
        id,
        label: {
          ko: `${body.name.ko} 개최 횟수(최근 ${body.historical.years ?? ''}년)`,
          en: `${body.name.en}: meetings in the past ${body.historical.years ?? ''} years`,
        },
        value: body.historical.meetings,
        unit: { ko: '회', en: 'meetings' },
        path: '/committees',
        order,
      });
    }
    return headlines;
  },
  async publicSearch(db, query, limit) {
    const meetings = await committeesDb(db)
      .selectFrom('committees_meetings as m')
      .innerJoin('committees_bodies as b', 'b.id', 'm.body_id')
      .select(['m.id', 'm.title', 'm.starts_at', 'b.name_ko', 'b.name_en'])
      .where('m.is_public', '=', true)
      .where((eb) =>
        eb.or([
          anyContains(eb, ['m.title', 'm.place'], query),
          eb.exists(
            eb
              .selectFrom('committees_agenda_items as a')
              .select(sql`1`.as('one'))
              .whereRef('a.meeting_id', '=', 'm.id')
              .where('m.agenda_published', '=', true)
              .where((inner) => anyContains(inner, ['a.title', 'a.summary'], query)),
          ),
        ]),
      )
      .orderBy('m.starts_at', 'desc')
      .limit(limit)
      .execute();
    return meetings.map((meeting) => {
      const date = new Date(new Date(meeting.starts_at).getTime() + 9 * 3600 * 1000)
        .toISOString()
        .slice(0, 10);
      return {
        recordType: 'meeting',
        title: { ko: meeting.title, en: meeting.title },
        summary: { ko: `${meeting.name_ko}, ${date}`, en: `${meeting.name_en}, ${date}` },
        path: `/committees/meetings/${meeting.id}`,
      };
    });
  },
};
