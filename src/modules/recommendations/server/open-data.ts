/**
 * The register's open data and headline figures (issue 16, item 5): the dataset `recommendations`
 * (public records only, with their answers, tags and linked indicators), `recommendation-statistics`
 * (the same figures as `GET /recommendations/statistics`, printed in the annual report's "systems"
 * part), and the home page's headlines. Where nothing was recorded a cell is blank, never 0.
 */
import { sql } from 'kysely';
import { datasetColumn, type Headline, type OpenDataset } from '../../../kernel/server/module.ts';
import { vocabDb } from '../../../kernel/server/vocabularies/tables.ts';
import type { StatisticsRow } from '../contract.ts';
import { anonymised, ombudsmanPublicReference } from './queries.ts';
import { readStatistics } from './statistics.ts';
import { recommendationsDb } from './tables.ts';

const trackerPath = '/recommendations';
const notRecordedNote = { ko: '기록이 없으면 빈칸', en: 'blank where nothing was recorded' };
const withNote = (name: string, ko: string, en: string) =>
  datasetColumn(name, `${ko} (${notRecordedNote.ko})`, `${en} (${notRecordedNote.en})`);

const recommendations: OpenDataset = {
  id: 'recommendations',
  title: { ko: '인권 권고 이행 현황', en: 'Human rights recommendations and their implementation' },
  description: {
    ko: '옴부즈맨, 위원회, 합동회의, 원탁회의, 인권영향평가, 유엔 기구가 시에 한 공개 권고 하나하나: 출처, 받는 부서와 각 부서의 회신, 기한, 상태, 태그, 측정하는 지표. 공개되지 않은 권고는 없습니다.',
    en: 'Each public recommendation made to the city by the ombudsman, the committees, the Joint Meeting, the Roundtable, impact assessments and UN bodies: its source, the departments addressed and each one’s answer, due dates, status, tags and the indicators that measure it. Recommendations that are not public are not in it.',
  },
  columns: [
    datasetColumn(
      'id',
      '권고 식별자 (공개 페이지 주소의 일부)',
      'Recommendation identifier (part of its public page’s address)',
    ),
    datasetColumn(
      'source_kind',
      '출처 종류: ombudsman, committee, joint_meeting, roundtable, assessment, un',
      'Kind of source: ombudsman, committee, joint_meeting, roundtable, assessment, un',
    ),
    datasetColumn(
      'source_reference',
      '출처 (결정, 회의록, 문서 기호와 문단)',
      'Source (decision, minutes, document symbol and paragraph)',
    ),
    datasetColumn(
      'source_section',
      '과거 권고의 자료집 절 (그 밖에는 빈칸)',
      'Seed section of a historical recommendation (blank otherwise)',
    ),
    datasetColumn('text_ko', '권고 내용 (한국어)', 'Text (Korean)', 'ko'),
    datasetColumn('text_en', '권고 내용 (영어)', 'Text (English)'),
    datasetColumn(
      'departments',
      '받는 부서 코드 (세미콜론으로 구분)',
      'Department codes addressed (semicolon-separated)',
    ),
    datasetColumn(
      'answers',
      '부서별 회신 "부서코드:accepted|partly_accepted|not_accepted" (세미콜론으로 구분, 회신 전 부서는 없음)',
      'Answers per department, "code:accepted|partly_accepted|not_accepted" (semicolon-separated; departments yet to answer are left out)',
    ),
    withNote('issued_on', '권고일 (YYYY-MM-DD)', 'Date issued (YYYY-MM-DD)'),
    withNote('answer_due', '회신 기한 (YYYY-MM-DD)', 'Answer due (YYYY-MM-DD)'),
    withNote('implementation_due', '이행 기한 (YYYY-MM-DD)', 'Implementation due (YYYY-MM-DD)'),
    datasetColumn(
      'status',
      '상태: issued(권고됨), answered(회신 완료), implementing(이행 중), implemented(이행 완료), closed(종결)',
      'Status: issued, answered, implementing, implemented, closed',
    ),
    datasetColumn(
      'closed_reason',
      '종결 사유: not_accepted, superseded, withdrawn, no_longer_applicable (종결 전에는 빈칸)',
      'Reason closed: not_accepted, superseded, withdrawn, no_longer_applicable (blank unless closed)',
    ),
    datasetColumn(
      'historical',
      '자료집에서 불러온 과거 권고 여부 (true면 날짜, 부서, 회신이 기록되지 않음)',
      'Historical recommendation from the seed (true: dates, departments and answers not recorded)',
    ),
    datasetColumn('rights', '인권 용어 코드 (세미콜론으로 구분)', 'Right term codes (semicolon-separated)'),
    datasetColumn(
      'target_groups',
      '대상 집단 코드 (세미콜론으로 구분)',
      'Target group codes (semicolon-separated)',
    ),
    datasetColumn(
      'sdgs',
      'SDG 목표·세부목표 코드 (세미콜론으로 구분)',
      'SDG goal and target codes (semicolon-separated)',
    ),
    datasetColumn(
      'indicators',
      '측정하는 인권지표 코드 (세미콜론으로 구분)',
      'Codes of the indicators that measure it (semicolon-separated)',
    ),
    datasetColumn('url', '공개 페이지 경로', 'Path of its public page'),
  ],
  async rows(db) {
    const register = recommendationsDb(db);
    const records = await register
      .selectFrom('recommendations_records')
      .selectAll()
      .where('is_public', '=', true)
      .orderBy(sql`issued_on nulls last`)
      .orderBy('seed_order')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    if (records.length === 0) return [];
    const ids = records.map((record) => record.id);
    const [parts, links, tags] = await Promise.all([
      register
        .selectFrom('recommendations_departments')
        .select(['recommendation_id', 'department_code', 'answer'])
        .where('recommendation_id', 'in', ids)
        .orderBy('department_code')
        .execute(),
      register
        .selectFrom('recommendations_links')
        .select(['recommendation_id', 'target_id'])
        .where('target_type', '=', 'indicator')
        .where('recommendation_id', 'in', ids)
        .orderBy('target_id')
        .execute(),
      vocabDb(db)
        .selectFrom('vocab_tags')
        .select(['record_id', 'vocabulary', 'term_code'])
        .where('module', '=', 'recommendations')
        .where('record_type', '=', 'recommendation')
        .where('record_id', 'in', ids)
        .orderBy('vocabulary')
        .orderBy('term_code')
        .execute(),
    ]);
    const tagsOf = (id: string, vocabularies: readonly string[]) =>
      tags
        .filter((tag) => tag.record_id === id && vocabularies.includes(tag.vocabulary))
        .map((tag) => tag.term_code)
        .join(';');
    return records.map((record) => {
      const own = parts.filter((part) => part.recommendation_id === record.id);
      // An ombudsman's recommendation is published as the ombudsman's anonymised summary, as everywhere.
      const hidden = anonymised(record, 'public');
      return {
        id: record.id,
        source_kind: record.source_kind,
        source_reference: hidden ? ombudsmanPublicReference : record.source_reference,
        source_section: record.source_section,
        text_ko: hidden ? (record.public_summary_ko ?? '') : record.text_ko,
        text_en: hidden ? (record.public_summary_en ?? '') : record.text_en,
        departments: own.map((part) => part.department_code).join(';'),
        answers: own
          .filter((part) => part.answer !== null)
          .map((part) => `${part.department_code}:${part.answer}`)
          .join(';'),
        issued_on: record.issued_on,
        answer_due: record.answer_due,
        implementation_due: record.implementation_due,
        status: record.status,
        closed_reason: record.closed_reason,
        historical: record.historical,
        rights: tagsOf(record.id, ['rights']),
        target_groups: tagsOf(record.id, ['target-groups']),
        sdgs: tagsOf(record.id, ['sdg-goals', 'sdg-targets']),
        indicators: links
          .filter((link) => link.recommendation_id === record.id)
          .map((link) => link.target_id)
          .join(';'),
        url: `${trackerPath}/${record.id}`,
      };
    });
  },
};

const statisticsRow = (group: string, row: StatisticsRow) => ({
  group,
  key: row.key,
  name_ko: row.name.ko,
  name_en: row.name.en,
  records: row.records,
  not_recorded: row.notRecorded,
  answered_parts: row.answeredParts,
  accepted: row.accepted,
  partly_accepted: row.partlyAccepted,
  not_accepted: row.notAccepted,
  implemented: row.implemented,
  share_accepted: row.shareAccepted,
  share_implemented: row.shareImplemented,
  median_days_to_answer: row.medianDaysToAnswer,
  answers_with_dates: row.answersWithDates,
});

const statistics: OpenDataset = {
  id: 'recommendation-statistics',
  title: { ko: '권고 회신·이행 통계', en: 'Recommendations: answers and implementation' },
  description: {
    ko: '공개 권고의 출처별·부서별 수용률, 이행률, 회신까지 걸린 날의 중앙값. 자료집의 과거 권고처럼 회신과 결과가 기록되지 않은 권고는 "기록 없음"으로 세고 비율에서 뺍니다.',
    en: 'Share accepted, share implemented and median days to answer of the public recommendations, per source and per department. Recommendations whose answers and outcome were never recorded (the seed’s historical ones) are counted as "not recorded" and left out of the shares.',
  },
  columns: [
    datasetColumn(
      'group',
      '묶음: all(전체), source(출처), department(부서)',
      'Grouping: all, source, department',
    ),
    datasetColumn(
      'key',
      '출처 종류 또는 부서 코드 (전체는 all)',
      'Source kind or department code (all for the total)',
    ),
    datasetColumn('name_ko', '이름 (한국어)', 'Name (Korean)', 'ko'),
    datasetColumn('name_en', '이름 (영어)', 'Name (English)', 'en'),
    datasetColumn('records', '공개 권고 수', 'Public recommendations'),
    datasetColumn(
      'not_recorded',
      '회신·결과가 기록되지 않은 과거 권고 수',
      'Historical recommendations with answers and outcome not recorded',
    ),
    datasetColumn('answered_parts', '회신한 부서별 몫의 수', 'Department parts answered'),
    datasetColumn('accepted', '수용한 몫의 수', 'Parts accepted'),
    datasetColumn('partly_accepted', '일부 수용한 몫의 수', 'Parts partly accepted'),
    datasetColumn('not_accepted', '불수용한 몫의 수', 'Parts not accepted'),
    datasetColumn('implemented', '이행 완료된 권고 수', 'Recommendations implemented'),
    withNote(
      'share_accepted',
      '수용률(%): 수용한 몫 / 회신한 몫',
      'Share accepted (%): parts accepted / parts answered',
    ),
    withNote(
      'share_implemented',
      '이행률(%): 이행 완료 / 기록된 권고',
      'Share implemented (%): implemented / recorded recommendations',
    ),
    withNote(
      'median_days_to_answer',
      '권고일부터 회신일까지 날 수의 중앙값',
      'Median days from the issue date to the answer',
    ),
    datasetColumn(
      'answers_with_dates',
      '중앙값을 낸 회신 수 (두 날짜가 모두 기록된 것)',
      'Answers the median is taken over (both dates recorded)',
    ),
  ],
  async rows(db) {
    const figures = await readStatistics(db);
    return [
      statisticsRow('all', figures.total),
      ...figures.bySource.map((row) => statisticsRow('source', row)),
      ...figures.byDepartment.map((row) => statisticsRow('department', row)),
    ];
  },
  report: {
    part: 'systems',
    order: 35,
    chart: { label: [{ ko: 'name_ko', en: 'name_en' }], value: 'share_accepted' },
  },
};

export const recommendationsOpenData: readonly OpenDataset[] = [recommendations, statistics];

/** The home page's and the report's figures; a share or median not recorded is left out, not shown as 0. */
export async function recommendationsHeadlines(db: Parameters<OpenDataset['rows']>[0]): Promise<Headline[]> {
  const { total } = await readStatistics(db);
  const found: Headline[] = [
    {
      id: 'recommendations-public',
      label: { ko: '공개된 인권 권고', en: 'Public human rights recommendations' },
      value: total.records,
      unit: { ko: '건', en: 'recommendations' },
      path: trackerPath,
      order: 50,
    },
  ];
  if (total.shareAccepted !== null) {
    found.push({
      id: 'recommendations-share-accepted',
      label: { ko: '부서가 수용한 권고 몫의 비율', en: 'Share of answers accepting the recommendation' },
      value: total.shareAccepted,
      unit: { ko: '%', en: '%' },
      path: trackerPath,
      order: 51,
    });
  }
  if (total.shareImplemented !== null) {
    found.push({
      id: 'recommendations-share-implemented',
      label: { ko: '이행 완료된 권고의 비율', en: 'Share of recommendations implemented' },
      value: total.shareImplemented,
      unit: { ko: '%', en: '%' },
      path: trackerPath,
      order: 52,
    });
  }
  if (total.medianDaysToAnswer !== null) {
    found.push({
      id: 'recommendations-median-days',
      label: { ko: '권고에 회신하기까지 걸린 날 (중앙값)', en: 'Median days to answer a recommendation' },
      value: total.medianDaysToAnswer,
      unit: { ko: '일', en: 'days' },
      path: trackerPath,
      order: 53,
    });
  }
  return found;
}
