/**
 * The register's statistics per source and per department (issue 16, item 5), over public
 * recommendations only, so that they say nothing a public answer does not. Each is honest about what
 * was not recorded (`kernel/shared/statistic.ts`): a historical recommendation, whose answer and
 * outcome the seed does not give, is counted as "not recorded" and left out of every share; a median
 * is taken only over answers whose issue and answer dates are both known; a share or median with
 * nothing to take it over is null ("not recorded"), never 0.
 *
 * - share accepted: department parts answered `accepted`, of the parts answered (partly accepted and
 *   not accepted are counted beside it);
 * - share implemented: recommendations `implemented`, of the recorded ones (open ones count as not
 *   implemented yet);
 * - median days to answer: calendar days from the issue date to the day (in the city) the part was
 *   answered.
 */
import { clock } from '../../../kernel/server/city/clock.ts';
import type { Db } from '../../../kernel/server/db.ts';
import { vocabDb } from '../../../kernel/server/vocabularies/tables.ts';
import type { Bilingual } from '../../../kernel/shared/language.ts';
import { type SourceKind, type Statistics, type StatisticsRow, sourceKinds } from '../contract.ts';
import { recommendationsDb } from './tables.ts';

export const sourceNames: Record<SourceKind, Bilingual> = {
  ombudsman: { ko: '인권옴부즈맨', en: 'Human Rights Ombudsman' },
  committee: { ko: '인권증진시민위원회', en: 'Human Rights Improvement Citizen Committee' },
  joint_meeting: { ko: '합동회의', en: 'Joint Meeting' },
  roundtable: { ko: '원탁회의', en: 'Roundtable' },
  assessment: { ko: '인권영향평가', en: 'Human rights impact assessment' },
  un: { ko: '유엔 기구', en: 'UN body' },
};

interface RecordFacts {
  id: string;
  source: SourceKind;
  historical: boolean;
  issuedOn: string | null;
  implemented: boolean;
}

interface PartFacts {
  recommendationId: string;
  department: string;
  answer: 'accepted' | 'partly_accepted' | 'not_accepted' | null;
  answeredOn: string | null;
}

const dayNumber = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000);
}

/** The median, or null for no values (an even count takes the mean of the middle two). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return value ?? null;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

function row(key: string, name: Bilingual, records: readonly RecordFacts[], parts: readonly PartFacts[]) {
  const recorded = records.filter((record) => !record.historical);
  const recordedIds = new Set(recorded.map((record) => record.id));
  const issued = new Map(recorded.map((record) => [record.id, record.issuedOn]));
  const ownParts = parts.filter((part) => recordedIds.has(part.recommendationId));
  const answered = ownParts.filter((part) => part.answer !== null);
  const days = answered.flatMap((part) => {
    const issuedOn = issued.get(part.recommendationId);
    return issuedOn && part.answeredOn ? [daysBetween(issuedOn, part.answeredOn)] : [];
  });
  const count = (answer: PartFacts['answer']) => answered.filter((part) => part.answer === answer).length;
  const implemented = recorded.filter((record) => record.implemented).length;
  return {
    key,
    name,
    records: records.length,
    notRecorded: records.length - recorded.length,
    parts: ownParts.length,
    answeredParts: answered.length,
    accepted: count('accepted'),
    partlyAccepted: count('partly_accepted'),
    notAccepted: count('not_accepted'),
    implemented,
    shareAccepted: percent(count('accepted'), answered.length),
    shareImplemented: percent(implemented, recorded.length),
    medianDaysToAnswer: median(days),
    answersWithDates: days.length,
  } satisfies StatisticsRow;
}

export async function readStatistics(db: Db): Promise<Statistics> {
  const register = recommendationsDb(db);
  const records: RecordFacts[] = (
    await register
      .selectFrom('recommendations_records')
      .select(['id', 'source_kind', 'historical', 'issued_on', 'status'])
      .where('is_public', '=', true)
      .execute()
  ).map((record) => ({
    id: record.id,
    source: record.source_kind,
    historical: record.historical,
    issuedOn: record.issued_on,
    implemented: record.status === 'implemented',
  }));
  const ids = records.map((record) => record.id);
  const parts: PartFacts[] =
    ids.length === 0
      ? []
      : (
          await register
            .selectFrom('recommendations_departments as d')
            .innerJoin('recommendations_records as r', 'r.id', 'd.recommendation_id')
            .select(['d.recommendation_id', 'd.department_code', 'd.answer', 'd.answered_at'])
            .where('r.is_public', '=', true)
            .execute()
        ).map((part) => ({
          recommendationId: part.recommendation_id,
          department: part.department_code,
          answer: part.answer,
          answeredOn: part.answered_at ? clock().dateOf(part.answered_at) : null,
        }));

  const departments = [...new Set(parts.map((part) => part.department))].sort();
  const names =
    departments.length === 0
      ? []
      : await vocabDb(db)
          .selectFrom('vocab_terms')
          .select(['code', 'name_ko', 'name_en'])
          .where('vocabulary', '=', 'departments')
          .where('code', 'in', departments)
          .execute();
  return {
    total: row('all', { ko: '전체', en: 'All' }, records, parts),
    bySource: sourceKinds
      .filter((kind) => records.some((record) => record.source === kind))
      .map((kind) =>
        row(
          kind,
          sourceNames[kind],
          records.filter((record) => record.source === kind),
          parts,
        ),
      ),
    byDepartment: departments.map((code) => {
      const term = names.find((entry) => entry.code === code);
      const own = parts.filter((part) => part.department === code);
      const addressed = new Set(own.map((part) => part.recommendationId));
      return row(
        code,
        { ko: term?.name_ko ?? term?.name_en ?? code, en: term?.name_en ?? code },
        records.filter((record) => addressed.has(record.id)),
        own,
      );
    }),
  };
}
