/**
 * The human rights indicators (seed section 1.5): the catalogue by area (Table 1), observations in
 * long form with Open SDG CSV import and export, progress status by Open SDG's method, and the yearly
 * assessment cycle (Table 2). Open datasets: `indicator-areas` and one `indicator-<code>` per indicator.
 */
import type { Command } from 'commander';
import {
  datasetColumn,
  type Headline,
  type OpenDataset,
  type ServerModule,
} from '../../kernel/server/module.ts';
import { anyContains } from '../../kernel/server/search.ts';
import { registerCli } from './server/cli.ts';
import { breakdownKey } from './server/commands/observations.ts';
import { correctionsOf, resultsForReport } from './server/commands/publication.ts';
import { seedCatalogue } from './server/commands/seed-catalogue.ts';
import { linkableIndicators } from './server/linkable.ts';
import { messages } from './server/messages.ts';
import { listObservations, overview } from './server/queries.ts';
import { indicatorsRoutes } from './server/routes.ts';
import { indicatorsDb } from './server/tables.ts';
import { indicatorsWork } from './server/work.ts';
import { indicatorPath, overviewPath } from './web/paths.ts';

// Open data is built in memory by the catalogue; the indicator's own CSV download streams any size.
const openDataRowLimit = 1_000_000;

export const indicatorsModule: ServerModule = {
  name: 'indicators',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
  routes: indicatorsRoutes,
  work: indicatorsWork,
  seed: seedCatalogue,
  seedTables: ['indicators_set_figures'],
  // A closed year's results (self-assessment, the committee's comments, actions) in that year's report.
  reportDatasets: resultsForReport,
  cli: (program: Command, context) => registerCli(program, context),
  // Recommendations link to the indicators that measure them (and show their published values).
  linkable: { indicator: linkableIndicators },
  // The size of the whole set as the seed states it, and how many of its indicators the platform tracks.
  async headlines(db) {
    const { areas, wholeSet } = await overview(db);
    const tracked = areas.reduce((sum, area) => sum + area.namedIndicatorCount, 0);
    const found: Headline[] = [];
    if (wholeSet.indicators) {
      found.push({
        id: 'indicators-set',
        label: { ko: '광주 인권지표', en: 'Gwangju human rights indicators' },
        value: wholeSet.indicators.value,
        unit: { ko: '개', en: 'indicators' },
        path: overviewPath,
        order: 20,
      });
    }
    found.push({
      id: 'indicators-tracked',
      label: {
        ko: '이 플랫폼에서 관리하는 인권지표',
        en: 'Human rights indicators tracked on this platform',
      },
      value: tracked,
      unit: { ko: '개', en: 'indicators' },
      path: overviewPath,
      order: 21,
    });
    return found;
  },
  async publicSearch(db, query, limit) {
    const rows = await indicatorsDb(db)
      .selectFrom('indicators_indicators')
      .select(['code', 'name_ko', 'name_en'])
      .where((eb) => anyContains(eb, ['name_ko', 'name_en', 'code'], query))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      recordType: 'indicator',
      title: { ko: `${row.code} ${row.name_ko}`, en: `${row.code} ${row.name_en}` },
      path: indicatorPath(row.code),
    }));
  },
  openData: [
    {
      id: 'indicator-areas',
      title: { ko: '인권지표 영역', en: 'Human rights indicator areas' },
      description: {
        ko: '인권지표의 다섯 영역: 표 1이 밝힌 영역별 지표 수와, 표 1이 이름을 든 지표(일부 선정).',
        en: 'The five areas of the human rights indicators: the indicator count Table 1 states for each, and the indicators it names (a selection).',
      },
      source: 'Table 1',
      seedTable: 'Table 1',
      report: {
        part: 'systems',
        order: 20,
        chart: { label: [{ ko: 'name_ko', en: 'name_en' }], value: 'indicator_count' },
      },
      columns: [
        datasetColumn('area', '영역 번호', 'Area number'),
        datasetColumn('name_ko', '영역 이름(한국어)', 'Area name (Korean)', 'ko'),
        datasetColumn('name_en', '영역 이름(영어)', 'Area name (English)'),
        datasetColumn('indicator_count', '표 1이 밝힌 지표 수', 'Indicator count as Table 1 states it'),
        datasetColumn(
          'named_indicators',
          '표 1이 이름을 든 지표(영어 원문, 세미콜론으로 구분)',
          'Indicators Table 1 names (semicolon-separated)',
        ),
      ],
      async rows(db) {
        const { areas } = await overview(db);
        return areas.map((area) => ({
          area: area.number,
          name_ko: area.name.ko,
          name_en: area.name.en,
          indicator_count: area.statedIndicatorCount,
          named_indicators: area.indicators.map((indicator) => indicator.name.en).join('; '),
        }));
      },
    },
  ],
  async listOpenData(db): Promise<OpenDataset[]> {
    const indicators = await indicatorsDb(db)
      .selectFrom('indicators_indicators')
      .select(['id', 'code', 'name_ko', 'name_en'])
      .orderBy('id')
      .execute();
    return indicators.map((indicator) => ({
      id: `indicator-${indicator.code}`,
      title: {
        ko: `인권지표 ${indicator.code} ${indicator.name_ko}`,
        en: `Human rights indicator ${indicator.code}: ${indicator.name_en}`,
      },
      description: {
        ko: '지표의 현재 관측값(공개된 연도): 연도, 계열, 단위, 지역 코드, 분류(JSON, 빈 분류는 전체), 값, 정정 메모.',
        en: "The indicator's current observations (published years): year, series, unit, geo code, disaggregation (JSON; none = total), value, correction note.",
      },
      source: 'Table 1',
      columns: [
        datasetColumn('year', '연도', 'Year'),
        datasetColumn('series', '계열', 'Series'),
        datasetColumn('unit', '단위', 'Unit'),
        datasetColumn('geo_code', '지역 코드', 'Geo code'),
        datasetColumn('dimensions', '분류(JSON)', 'Disaggregation (JSON)'),
        datasetColumn('value', '값', 'Value'),
        datasetColumn(
          'note',
          '정정 메모: 연도를 마친 뒤 고친 값의 날짜, 이전 값, 사유',
          'Correction note: for a value corrected after its year closed, the date, old value and reason',
        ),
      ],
      async rows(reader) {
        const { observations } = await listObservations(reader, indicator.id, {}, openDataRowLimit);
        const notes = new Map<string, string>();
        for (const correction of await correctionsOf(indicatorsDb(reader), indicator.id)) {
          const key = `${correction.year}:${breakdownKey(correction.series, correction.unit, null, correction.dimensions)}`;
          const note = `${correction.note.ko} / ${correction.note.en}`;
          const before = notes.get(key);
          notes.set(key, before ? `${before} / ${note}` : note);
        }
        return observations.map((observation) => ({
          year: observation.year,
          series: observation.series,
          unit: observation.unit,
          geo_code: observation.geoCode,
          dimensions: observation.dimensions,
          value: observation.value,
          note:
            notes.get(
              `${observation.year}:${breakdownKey(observation.series, observation.unit, observation.geoCode, observation.dimensions)}`,
            ) ?? null,
        }));
      },
    }));
  },
};
