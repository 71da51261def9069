/**
 * Sample assessments for trying the UI (`seed --demo`), from `demo/assessments.csv`: one subject of
 * each kind, each assessment at another step, so that every page has something to show. Each subject
 * is marked `is_sample` and its title starts with `[예시 · Sample]`; no public figure counts them.
 * Every load of the dataset first removes the samples of an earlier one (with anything staff added
 * to them while trying), and loads them again only with `--demo`.
 */
import type { Transaction } from 'kysely';
import { deleteStoredFile } from '../../../../kernel/server/files/index.ts';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  integer,
  matching,
  oneOf,
  optional,
  type RowOrigin,
  readCsv,
  rowError,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import { removeRecord } from '../../../../kernel/server/vocabularies/tags.ts';
import {
  type RatingInput,
  responses,
  type Step,
  type SubjectDetails,
  steps,
  subjectDetailsSchema,
  subjectKinds,
} from '../../contract.ts';
import { latestTemplates } from '../queries.ts';
import { type AssessmentsDb, assessmentsDb, jsonColumn } from '../tables.ts';

const samplePrefix = '[예시 · Sample]';
const key = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case key');
const isoDay = matching(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-03-01');
const reached = (step: Step, needed: Step) => steps.indexOf(step) >= steps.indexOf(needed);

async function removeSamples(raw: Transaction<object>, trx: AssessmentsDb): Promise<void> {
  const subjects = await trx
    .selectFrom('assessments_subjects')
    .select('id')
    .where('is_sample', '=', true)
    .execute();
  if (subjects.length === 0) return;
  const subjectIds = subjects.map((row) => row.id);
  const assessmentIds = (
    await trx
      .selectFrom('assessments_assessments')
      .select('id')
      .where('subject_id', 'in', subjectIds)
      .execute()
  ).map((row) => row.id);
  for (const id of subjectIds) {
    await removeRecord(raw, { module: 'assessments', recordType: 'subject', recordId: String(id) });
  }
  if (assessmentIds.length > 0) {
    for (const id of assessmentIds) {
      await removeRecord(raw, { module: 'assessments', recordType: 'assessment', recordId: String(id) });
    }
    const revisionIds = trx
      .selectFrom('assessments_revisions')
      .select('id')
      .where('assessment_id', 'in', assessmentIds);
    const files = [
      ...(await trx
        .deleteFrom('assessments_rating_files')
        .where('assessment_id', 'in', assessmentIds)
        .returning('file_id')
        .execute()),
      ...(await trx
        .deleteFrom('assessments_revision_files')
        .where('revision_id', 'in', revisionIds)
        .returning('file_id')
        .execute()),
    ];
    for (const file of files) await deleteStoredFile(raw, file.file_id);
    await trx.deleteFrom('assessments_revisions').where('assessment_id', 'in', assessmentIds).execute();
    await trx.deleteFrom('assessments_recommendations').where('assessment_id', 'in', assessmentIds).execute();
    await trx.deleteFrom('assessments_ratings').where('assessment_id', 'in', assessmentIds).execute();
    await trx.deleteFrom('assessments_assessments').where('id', 'in', assessmentIds).execute();
  }
  await trx.deleteFrom('assessments_subjects').where('id', 'in', subjectIds).execute();
}

function detailsOf(row: Record<string, unknown> & { kind: string; origin: RowOrigin }): SubjectDetails {
  const present = Object.fromEntries(
    ['address', 'district', 'number', 'change', 'date', 'organiser', 'sector']
      .filter((name) => row[name] !== null)
      .map((name) => [name, row[name]]),
  );
  const parsed = subjectDetailsSchema.safeParse({
    kind: row.kind,
    ...present,
    ...(row.kind === 'ordinance' ? { articles: [] } : {}),
  });
  if (!parsed.success) {
    throw rowError(
      row.origin,
      `the details of a ${row.kind}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** `item=3|other=na`: a rating per item, `na` for not applicable. */
function ratingsOf(
  cell: string | null,
  items: Map<string, { scale: number }>,
  origin: RowOrigin,
): Omit<RatingInput, 'finding'>[] {
  if (cell === null) return [];
  return cell.split('|').map((entry) => {
    const [itemKey = '', value = ''] = entry.split('=');
    const item = items.get(itemKey);
    const rating = value === 'na' ? null : Number(value);
    if (!item || (rating !== null && !(Number.isInteger(rating) && rating >= 0 && rating <= item.scale))) {
      throw rowError(
        origin,
        `column "ratings": "${entry}" is no item of the template with a rating on its scale`,
      );
    }
    return {
      itemKey,
      rating,
      notApplicable: rating === null,
      evidence: '[예시] 현장 확인 / [Sample] Site visit',
    };
  });
}

export async function seedSamples(context: SeedContext): Promise<void> {
  const trx = assessmentsDb(context.trx);
  await removeSamples(context.trx, trx);
  if (!context.demo) return;
  const rows = await readCsv(
    context,
    'demo/assessments.csv',
    {
      key,
      kind: oneOf(subjectKinds),
      title: text,
      department_code: text,
      address: optional(text),
      district: optional(text),
      number: optional(text),
      change: optional(oneOf(['new', 'revised'] as const)),
      date: optional(isoDay),
      organiser: optional(text),
      sector: optional(text),
      template: key,
      year: integer,
      step: oneOf(steps),
      scope: optional(text),
      summary: optional(text),
      ratings: optional(text),
      recommendation: optional(text),
      response: optional(oneOf(responses)),
      reason: optional(text),
      revision: optional(text),
      revised_on: optional(isoDay),
      revision_evidence: optional(text),
    },
    { key: 'key' },
  );
  for (const row of rows) {
    if (!row.title.startsWith(samplePrefix)) {
      throw rowError(row.origin, `column "title": a sample's title starts with "${samplePrefix}"`);
    }
    const [template] = await latestTemplates(trx, row.template);
    if (!template || template.subject_kind !== row.kind) {
      throw rowError(row.origin, `column "template": no template "${row.template}" for a ${row.kind}`);
    }
    const items = new Map(
      template.sections.flatMap((section) => section.items.map((item) => [item.key, item])),
    );
    const ratings = ratingsOf(row.ratings, items, row.origin);
    const details = detailsOf(row);
    const subject = await trx
      .insertInto('assessments_subjects')
      .values({
        kind: row.kind,
        title: row.title,
        department_code: row.department_code,
        details: jsonColumn(details),
        is_sample: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const closed =
      row.step === 'closed' ? new Date(`${row.revised_on ?? `${row.year}-12-31`}T09:00:00Z`) : null;
    const assessment = await trx
      .insertInto('assessments_assessments')
      .values({
        subject_id: subject.id,
        template_id: template.id,
        year: row.year,
        step: row.step,
        scope: row.scope ?? '',
        summary: row.summary ?? '',
        requested_by: null,
        closed_at: closed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (ratings.length > 0 && !reached(row.step, 'assessment')) {
      throw rowError(row.origin, 'column "ratings": an assessment before its assessment step has no ratings');
    }
    for (const rating of ratings) {
      await trx
        .insertInto('assessments_ratings')
        .values({
          assessment_id: assessment.id,
          item_key: rating.itemKey,
          rating: rating.rating,
          not_applicable: rating.notApplicable,
          evidence: rating.evidence,
          finding: '',
          rated_by: null,
        })
        .execute();
    }
    if (row.recommendation === null) continue;
    const answered = reached(row.step, 'revision');
    if (answered && row.response === null) {
      throw rowError(row.origin, 'column "response": a recommendation past the response step has its answer');
    }
    const recommendation = await trx
      .insertInto('assessments_recommendations')
      .values({
        assessment_id: assessment.id,
        text: row.recommendation,
        response: answered ? row.response : null,
        reason: answered ? row.reason : null,
        responded_by: null,
        responded_at: answered ? closed : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (row.revision !== null && answered) {
      await trx
        .insertInto('assessments_revisions')
        .values({
          assessment_id: assessment.id,
          recommendation_id: recommendation.id,
          description: row.revision,
          revised_on: row.revised_on ?? `${row.year}-12-31`,
          evidence: row.revision_evidence ?? '',
          recorded_by: null,
        })
        .execute();
    }
  }
}
