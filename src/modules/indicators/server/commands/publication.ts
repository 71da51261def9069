/**
 * Publication: what the public sees of the yearly cycle. A year's values, self-assessment, the
 * committee's comments and complementation actions stay internal while its cycle runs; closing the
 * cycle publishes them (`publishResults`, called by the close transition in the same transaction).
 * Everything here is read live from the closed year's records, so an action's state moving on after
 * the close, or a correction of a value, shows at once. A correction of a closed year's value is
 * published beside it with a note in both languages: the date (in the city), the old value, the reason.
 */

import { sql } from 'kysely';
import { clock } from '../../../../kernel/server/city/clock.ts';
import type { CommandContext } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { notFound } from '../../../../kernel/server/errors.ts';
import { datasetColumn, type OpenDataset } from '../../../../kernel/server/module.ts';
import type { Language } from '../../../../kernel/shared/language.ts';
import type { Correction, PublishedAction, PublishedResults, PublishedYearList } from '../../contract.ts';
import { headlineLatest, listIndicators } from '../queries.ts';
import { type IndicatorsDb, type IndicatorsTrx, indicatorsDb } from '../tables.ts';

type Reader = IndicatorsDb | IndicatorsTrx;

/** The note a corrected value carries wherever it is published. */
export function correctionNote(correction: { date: string; oldValue: string | null; reason: string }) {
  return {
    ko: `${correction.date} 정정: 이전 값 ${correction.oldValue ?? '없음'}, 사유: ${correction.reason}`,
    en: `Corrected on ${correction.date}: old value ${correction.oldValue ?? 'none'}; reason: ${correction.reason}`,
  };
}

export interface StoredCorrection extends Correction {
  breakdownId: number;
}

/** An indicator's corrections, oldest first, each with its note. */
export async function correctionsOf(reader: Reader, indicatorId: number): Promise<StoredCorrection[]> {
  const rows = await reader
    .selectFrom('indicators_corrections as c')
    .innerJoin('indicators_breakdowns as b', 'b.id', 'c.breakdown_id')
    .select([
      'c.breakdown_id',
      'c.year',
      'b.series',
      'b.unit',
      'b.dimensions',
      sql<string | null>`c.old_value::text`.as('oldValue'),
      sql<string>`c.new_value::text`.as('newValue'),
      'c.reason',
      'c.corrected_at',
    ])
    .where('c.indicator_id', '=', indicatorId)
    .orderBy('c.id')
    .execute();
  return rows.map(({ corrected_at, breakdown_id, ...row }) => {
    const date = clock().dateOf(corrected_at);
    return {
      ...row,
      breakdownId: breakdown_id,
      correctedAt: new Date(corrected_at).toISOString(),
      date,
      note: correctionNote({ date, oldValue: row.oldValue, reason: row.reason }),
    };
  });
}

/** The notes of each corrected observation, keyed by `<breakdown id>:<year>`, joined in order. */
export async function correctionNotes(
  reader: Reader,
  indicatorId: number,
): Promise<Map<string, { ko: string; en: string }>> {
  const notes = new Map<string, { ko: string; en: string }>();
  for (const correction of await correctionsOf(reader, indicatorId)) {
    const key = `${correction.breakdownId}:${correction.year}`;
    const before = notes.get(key);
    notes.set(key, {
      ko: before ? `${before.ko} / ${correction.note.ko}` : correction.note.ko,
      en: before ? `${before.en} / ${correction.note.en}` : correction.note.en,
    });
  }
  return notes;
}

/** The kernel's vocabulary table, for the owner department's name. */
type VocabTerms = {
  vocab_terms: { vocabulary: string; code: string; name_ko: string | null; name_en: string };
};

function actionQuery(reader: Reader) {
  return reader
    .withTables<VocabTerms>()
    .selectFrom('indicators_actions as a')
    .innerJoin('indicators_indicators as i', 'i.id', 'a.indicator_id')
    .innerJoin('indicators_cycles as c', 'c.year', 'a.year')
    .leftJoin('vocab_terms as t', (join) =>
      join.onRef('t.code', '=', 'a.owner_department').on('t.vocabulary', '=', 'departments'),
    )
    .select([
      'a.year',
      'i.code',
      'i.name_ko',
      'i.name_en',
      'a.description',
      'a.owner_department',
      't.name_ko as department_ko',
      't.name_en as department_en',
      sql<string>`a.due_date::text`.as('due_date'),
      'a.status',
    ])
    .where('c.step', '=', 'closed')
    .orderBy('a.year', 'desc')
    .orderBy('a.id');
}

function presentAction(row: Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number]) {
  return {
    year: row.year,
    indicatorCode: row.code,
    indicatorName: { ko: row.name_ko, en: row.name_en },
    description: row.description,
    ownerDepartment: row.owner_department,
    ownerDepartmentName:
      row.department_en === null
        ? null
        : { ko: row.department_ko ?? row.department_en, en: row.department_en },
    dueDate: row.due_date,
    status: row.status,
  } as PublishedAction;
}

/** The complementation actions for one indicator in closed years. */
export async function publishedActionsOf(reader: Reader, indicatorId: number): Promise<PublishedAction[]> {
  const rows = await actionQuery(reader).where('a.indicator_id', '=', indicatorId).execute();
  return rows.map(presentAction);
}

export async function listPublishedYears(db: Db): Promise<PublishedYearList> {
  const rows = await indicatorsDb(db)
    .selectFrom('indicators_cycles')
    .select(['year', 'closed_at'])
    .where('step', '=', 'closed')
    .orderBy('year', 'desc')
    .execute();
  return {
    years: rows.map((row) => ({ year: row.year, closedAt: new Date(row.closed_at ?? 0).toISOString() })),
  };
}

/** A closed year's results; a year that is not closed (or has no cycle) is not published: 404. */
export async function readPublishedResults(db: Db, year: number): Promise<PublishedResults> {
  const reader = indicatorsDb(db);
  const cycle = await reader
    .selectFrom('indicators_cycles')
    .select(['step', 'closed_at'])
    .where('year', '=', year)
    .executeTakeFirst();
  if (cycle?.step !== 'closed') throw notFound();
  const assessments = await reader
    .selectFrom('indicators_assessments as s')
    .innerJoin('indicators_areas as a', 'a.code', 's.area_code')
    .select(['s.area_code', 'a.name_ko', 'a.name_en', 's.score', 's.narrative'])
    .where('s.year', '=', year)
    .orderBy('a.number')
    .execute();
  const comments = await reader
    .selectFrom('indicators_report_comments')
    .select(['body', 'created_at'])
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  const actions = await actionQuery(reader).where('a.year', '=', year).execute();
  const indicators = (await listIndicators(db)).map(({ row }) => row);
  const values = await yearValues(
    reader,
    indicators.map((row) => row.id),
    year,
  );
  return {
    year,
    closedAt: new Date(cycle.closed_at ?? 0).toISOString(),
    assessments: assessments.map((row) => ({
      areaCode: row.area_code,
      name: { ko: row.name_ko, en: row.name_en },
      score: row.score,
      narrative: row.narrative,
    })),
    committeeComments: comments.map((row) => ({
      body: row.body,
      createdAt: new Date(row.created_at).toISOString(),
    })),
    actions: actions.map(presentAction),
    values: indicators.map((row) => ({
      code: row.code,
      name: { ko: row.name_ko, en: row.name_en },
      areaCode: row.area_code,
      value: values.get(row.id) ?? null,
    })),
  };
}

/** Each indicator's headline value of exactly `year`. */
async function yearValues(reader: Reader, ids: number[], year: number): Promise<Map<number, number>> {
  const latest = await headlineLatest(reader, ids, year + 1, { publishedOnly: true });
  return new Map(
    [...latest.entries()].filter(([, entry]) => entry.year === year).map(([id, entry]) => [id, entry.value]),
  );
}

/**
 * Step (6) done: closing the year publishes its results. Nothing is copied (the public reads follow
 * the closed year's records); this records in the audit trail what the close made public.
 */
export async function publishResults(
  trx: IndicatorsTrx,
  year: number,
  audit: CommandContext['audit'],
): Promise<void> {
  const count = async (
    table: 'indicators_assessments' | 'indicators_report_comments' | 'indicators_actions',
  ) =>
    Number(
      (
        await trx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('year', '=', year)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const observations = Number(
    (
      await trx
        .selectFrom('indicators_observations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('year', '=', year)
        .where('superseded_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
  await audit({
    action: 'indicators.publish-results',
    entityType: 'indicators_cycles',
    entityId: String(year),
    after: {
      observations,
      assessments: await count('indicators_assessments'),
      committeeComments: await count('indicators_report_comments'),
      actions: await count('indicators_actions'),
    },
  });
}

const statusWords = {
  ko: { planned: '계획', in_progress: '진행 중', done: '완료', cancelled: '취소' },
  en: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
} as Record<Language, Record<string, string>>;

/**
 * The year's results for the annual report of that year (the kernel's `reportDatasets`): the
 * self-assessment, the committee's comments and the actions, in the report's language; nothing for a
 * year that is not closed.
 */
export async function resultsForReport(
  db: Db,
  { year, language }: { year: number; language: Language },
): Promise<OpenDataset[]> {
  let results: PublishedResults;
  try {
    results = await readPublishedResults(db, year);
  } catch {
    return [];
  }
  const pick = (text: { ko: string; en: string }) => text[language];
  const report = { part: 'systems' as const, order: 21, chart: false as const };
  return [
    {
      id: `indicator-results-${year}-assessment`,
      title: { ko: `${year}년 인권지표 자체 평가`, en: `Human rights indicators: self-assessment ${year}` },
      description: {
        ko: `${year}년 평가 주기의 영역별 자체 평가(점수 1–5와 서술). 주기를 마치며 공개했습니다.`,
        en: `The self-assessment of ${year}'s cycle per area (score 1–5 and narrative), published when the cycle closed.`,
      },
      source: 'Table 2',
      report,
      columns: [
        datasetColumn('area', '영역', 'Area'),
        datasetColumn('score', '점수(1–5)', 'Score (1–5)'),
        datasetColumn('narrative', '평가', 'Assessment'),
      ],
      rows: async () =>
        results.assessments.map((row) => ({
          area: pick(row.name),
          score: row.score,
          narrative: row.narrative,
        })),
    },
    {
      id: `indicator-results-${year}-committee`,
      title: {
        ko: `${year}년 인권지표 보고서에 대한 시민위원회 의견`,
        en: `Human rights indicators: the citizen committee on the ${year} report`,
      },
      description: {
        ko: '평가 보고서에 시민위원회가 남긴 의견(작성한 그대로, 작성자는 밝히지 않음).',
        en: "The citizen committee's comments on the assessment report, as written (authors are not named).",
      },
      source: 'Table 2',
      report,
      columns: [datasetColumn('date', '날짜', 'Date'), datasetColumn('comment', '의견', 'Comment')],
      rows: async () =>
        results.committeeComments.map((row) => ({ date: clock().dateOf(row.createdAt), comment: row.body })),
    },
    {
      id: `indicator-results-${year}-actions`,
      title: {
        ko: `${year}년 인권지표 보완 조치`,
        en: `Human rights indicators: complementation actions ${year}`,
      },
      description: {
        ko: '평가에 따른 보완 조치와 현재 상태.',
        en: 'The complementation actions that followed the assessment, and their state now.',
      },
      source: 'Table 2',
      report,
      columns: [
        datasetColumn('indicator', '지표', 'Indicator'),
        datasetColumn('action', '내용', 'Action'),
        datasetColumn('owner', '담당 부서', 'Owner'),
        datasetColumn('due', '기한', 'Due'),
        datasetColumn('status', '상태', 'Status'),
      ],
      rows: async () =>
        results.actions.map((row) => ({
          indicator: `${row.indicatorCode} ${pick(row.indicatorName)}`,
          action: row.description,
          owner: row.ownerDepartmentName ? pick(row.ownerDepartmentName) : row.ownerDepartment,
          due: row.dueDate,
          status: statusWords[language][row.status] ?? row.status,
        })),
    },
  ];
}
