/**
 * The local SDG agenda (seed section 3.1, Tables 6 and 7), the page of each UN goal with what the
 * city does towards it, the Human Rights Cities Agenda 2030 with the city's self-assessment (3.2),
 * and the network of cities that exchange public feeds (section IV). Open datasets:
 * `agenda21-phases` (Table 6) and `local-sdg-agenda` (Table 7).
 */
import { datasetColumn, type ServerModule } from '../../kernel/server/module.ts';
import { containsPattern } from '../../kernel/server/search.ts';
import { agendaPath, seedSdg } from './server/commands/seed-agendas.ts';
import { messages } from './server/messages.ts';
import { loadAgendas } from './server/queries.ts';
import { sdgRoutes } from './server/routes.ts';
import { sdgDb } from './server/tables.ts';

const list = (items: readonly string[]) => items.join('; ');

export const sdgModule: ServerModule = {
  name: 'sdg',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: sdgRoutes,
  seed: seedSdg,
  // Children first. The Agenda 2030 framework is upserted instead: assessments people made use it.
  seedTables: ['sdg_agendas', 'sdg_areas', 'sdg_phase_systems', 'sdg_phases'],
  openData: [
    {
      id: 'agenda21-phases',
      title: { ko: '광주의제21의 단계', en: 'The phases of Gwangju Agenda 21' },
      description: {
        ko: '광주의제21 제1~4차(1997~2016): 기간, 의제 수/영역 수, 체계, 주요 영역(영역별 의제 수).',
        en: 'Gwangju Agenda 21, Agendas I–IV (1997–2016): period, agendas/areas, systems, major areas (with their agenda counts).',
      },
      source: 'Table 6',
      seedTable: 'Table 6',
      report: { part: 'sdgs', order: 1, chart: { label: ['period'], value: 'agendas' } },
      columns: [
        datasetColumn('phase', '단계', 'Phase'),
        datasetColumn('period', '기간', 'Period'),
        datasetColumn('agendas', '의제 수', 'Agendas'),
        datasetColumn('areas', '영역 수', 'Areas'),
        datasetColumn('systems_en', '체계(영어 원문)', 'Systems'),
        datasetColumn('systems_ko', '체계(한국어)', 'Systems (Korean)', 'ko'),
        datasetColumn(
          'major_areas_en',
          '주요 영역과 의제 수(영어 원문)',
          'Major areas with their agenda counts',
        ),
        datasetColumn(
          'major_areas_ko',
          '주요 영역과 의제 수(한국어)',
          'Major areas with their agenda counts (Korean)',
          'ko',
        ),
      ],
      async rows(db) {
        const { phases } = await loadAgendas(db);
        return phases
          .filter((phase) => phase.sourceTable === 'Table 6')
          .map((phase) => ({
            phase: phase.name.en,
            period: `${phase.startYear}~${phase.endYear}`,
            agendas: phase.statedAgendas,
            areas: phase.statedAreas,
            systems_en: list(phase.systems.map((system) => system.en)),
            systems_ko: list(phase.systems.map((system) => system.ko)),
            major_areas_en: list(phase.areas.map((area) => `${area.name.en} (${area.statedAgendas})`)),
            major_areas_ko: list(phase.areas.map((area) => `${area.name.ko} (${area.statedAgendas})`)),
          }));
      },
    },
    {
      id: 'local-sdg-agenda',
      title: { ko: '광주 SDGs 제5차 의제(2017~2021)', en: 'Gwangju SDGs 5th Agenda (2017–2021)' },
      description: {
        ko: '유엔 지속가능발전목표를 이행하는 제5차 의제 17개: 영역, 의제, 과제 수, 지표 수, 연결된 유엔 SDG.',
        en: 'The 17 agendas of the 5th Agenda for implementing the UN SDGs: area, agenda, tasks, indicators, the UN SDGs each maps to.',
      },
      source: 'Table 7',
      seedTable: 'Table 7',
      report: {
        part: 'sdgs',
        order: 2,
        chart: { label: [{ ko: 'agenda_ko', en: 'agenda_en' }], value: 'tasks' },
      },
      columns: [
        datasetColumn('area_en', '영역(영어 원문)', 'Area'),
        datasetColumn('area_ko', '영역(한국어)', 'Area (Korean)', 'ko'),
        datasetColumn('number', '의제 번호', 'Agenda number'),
        datasetColumn('agenda_en', '의제(영어 원문)', 'Agenda'),
        datasetColumn('agenda_ko', '의제(한국어)', 'Agenda (Korean)', 'ko'),
        datasetColumn('tasks', '과제 수', 'Tasks'),
        datasetColumn('indicators', '지표 수', 'Indicators'),
        datasetColumn('un_sdgs', '유엔 SDG(표 7의 표기)', 'UN SDGs (as Table 7 prints them)'),
        datasetColumn('un_sdg_goals', '유엔 SDG 목표 번호', 'UN SDG goal numbers'),
      ],
      async rows(db) {
        const { phases } = await loadAgendas(db);
        return phases
          .filter((phase) => phase.sourceTable === 'Table 7')
          .flatMap((phase) =>
            phase.areas.flatMap((area) =>
              area.agendas.map((agenda) => ({
                area_en: area.name.en,
                area_ko: area.name.ko,
                number: agenda.number,
                agenda_en: agenda.name.en,
                agenda_ko: agenda.name.ko,
                tasks: agenda.tasks,
                indicators: agenda.indicators,
                un_sdgs: list(agenda.unSdgs.map((goal) => goal.label)),
                un_sdg_goals: list(agenda.unSdgs.map((goal) => String(goal.goal))),
              })),
            ),
          );
      },
    },
  ],
  async headlines(db) {
    const sdg = sdgDb(db);
    const [agendas, peers] = await Promise.all([
      sdg
        .selectFrom('sdg_agendas')
        .innerJoin('sdg_phases', 'sdg_phases.phase', 'sdg_agendas.phase')
        .select((eb) => [
          'sdg_phases.start_year',
          'sdg_phases.end_year',
          eb.fn.countAll<number>().as('agendas'),
          eb.fn.sum<number>('sdg_agendas.tasks').as('tasks'),
          eb.fn.sum<number>('sdg_agendas.indicators').as('indicators'),
        ])
        .groupBy(['sdg_phases.phase', 'sdg_phases.start_year', 'sdg_phases.end_year'])
        .orderBy('sdg_phases.phase', 'desc')
        .executeTakeFirst(),
      sdg
        .selectFrom('sdg_network_peers')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirst(),
    ]);
    const headlines = [];
    if (agendas) {
      const asOf = `${agendas.start_year}–${agendas.end_year}`;
      const path = '/sdg/agendas';
      headlines.push(
        {
          id: 'sdg-local-agendas',
          label: { ko: '지속가능발전 의제', en: 'Local SDG agendas' },
          value: Number(agendas.agendas),
          asOf,
          path,
          order: 60,
        },
        {
          id: 'sdg-local-agenda-tasks',
          label: { ko: '지속가능발전 의제의 과제', en: 'Tasks of the local SDG agendas' },
          value: Number(agendas.tasks),
          asOf,
          path,
          order: 61,
        },
        {
          id: 'sdg-local-agenda-indicators',
          label: { ko: '지속가능발전 의제의 지표', en: 'Indicators of the local SDG agendas' },
          value: Number(agendas.indicators),
          asOf,
          path,
          order: 62,
        },
      );
    }
    headlines.push({
      id: 'network-peer-cities',
      label: { ko: '연결된 인권도시', en: 'Human rights cities in the network' },
      value: Number(peers?.count ?? 0),
      path: '/network',
      order: 63,
    });
    return headlines;
  },
  async publicSearch(db, query, limit) {
    const pattern = containsPattern(query);
    const rows = await sdgDb(db)
      .selectFrom('sdg_agendas')
      .select(['number', 'name_ko', 'name_en', 'tasks', 'indicators'])
      .where((eb) => eb.or([eb('name_ko', 'ilike', pattern), eb('name_en', 'ilike', pattern)]))
      .orderBy('phase')
      .orderBy('number')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      recordType: 'agenda',
      title: {
        ko: `지속가능발전 의제 ${row.number}. ${row.name_ko}`,
        en: `Local SDG agenda ${row.number}. ${row.name_en}`,
      },
      summary: {
        ko: `과제 ${row.tasks}개, 지표 ${row.indicators}개`,
        en: `${row.tasks} tasks, ${row.indicators} indicators`,
      },
      path: agendaPath(row.number),
    }));
  },
};
