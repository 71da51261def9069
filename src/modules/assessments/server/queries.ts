/**
 * Reads shared by the commands and the public answers. Public reads take closed assessments only:
 * nothing of an assessment in progress (its ratings, draft recommendations, scope) leaves the staff
 * pages before the assessment is closed.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import { notFound } from '../../../kernel/server/errors.ts';
import { describeFiles, type StoredFile } from '../../../kernel/server/files/index.ts';
import type {
  AssessmentRow,
  Comparison,
  EvidenceFile,
  Figure,
  PublicSummary,
  Subject,
  SubjectKind,
  Template,
  TemplateHistory,
} from '../contract.ts';
import { scoreAssessment } from './score.ts';
import { type AssessmentsTables, assessmentsDb, type TemplateRow } from './tables.ts';
import { templateChanges } from './template-changes.ts';

type Reader = Kysely<AssessmentsTables>;
type Selected<T> = { [K in keyof T]: T[K] extends { __select__: infer S } ? S : T[K] };

export function presentTemplate(row: Selected<TemplateRow>): Template {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    subjectKind: row.subject_kind,
    title: { ko: row.title_ko, en: row.title_en },
    sections: row.sections,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function presentSubject(row: Selected<AssessmentsTables['assessments_subjects']>): Subject {
  return {
    id: row.id,
    title: row.title,
    departmentCode: row.department_code,
    details: row.details,
    isSample: row.is_sample,
    version: row.version,
  };
}

/** The newest version of each template (or of the one named). */
export async function latestTemplates(db: Reader, key?: string) {
  let query = db
    .selectFrom('assessments_templates as t')
    .selectAll('t')
    .where((eb) =>
      eb(
        't.version',
        '=',
        eb
          .selectFrom('assessments_templates as newer')
          .select((inner) => inner.fn.max('newer.version').as('max'))
          .whereRef('newer.key', '=', 't.key'),
      ),
    )
    .orderBy('t.key');
  if (key !== undefined) query = query.where('t.key', '=', key);
  return query.execute();
}

/** Every version of one template, oldest first, with who wrote it, what it changed and who uses it. */
export async function templateHistory(db: Reader, key: string): Promise<TemplateHistory> {
  const rows = await db
    .selectFrom('assessments_templates as t')
    .leftJoin('accounts_users as u', (join) => join.on(sql<boolean>`u.id = t.created_by::text`))
    .selectAll('t')
    .select('u.display_name')
    .where('t.key', '=', key)
    .orderBy('t.version')
    .execute();
  if (rows.length === 0) throw notFound();
  const uses = await db
    .selectFrom('assessments_assessments as a')
    .innerJoin('assessments_subjects as s', 's.id', 'a.subject_id')
    .select(['a.id', 'a.template_id', 'a.year', 'a.step', 's.title'])
    .where(
      'a.template_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('a.id')
    .execute();
  return {
    key,
    versions: rows.map((row, index) => {
      const previous = rows[index - 1];
      const current = {
        title: { ko: row.title_ko, en: row.title_en },
        subjectKind: row.subject_kind,
        sections: row.sections,
      };
      return {
        version: row.version,
        title: current.title,
        createdAt: new Date(row.created_at).toISOString(),
        createdBy: row.display_name ?? null,
        sectionCount: row.sections.length,
        itemCount: row.sections.reduce((count, section) => count + section.items.length, 0),
        changes: previous
          ? templateChanges(
              {
                title: { ko: previous.title_ko, en: previous.title_en },
                subjectKind: previous.subject_kind,
                sections: previous.sections,
              },
              current,
            )
          : null,
        assessments: uses
          .filter((use) => use.template_id === row.id)
          .map((use) => ({ id: use.id, subjectTitle: use.title, year: use.year, step: use.step })),
      };
    }),
  };
}

export async function loadSubject(db: Reader, id: number, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('assessments_subjects').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const subject = await query.executeTakeFirst();
  if (!subject) throw notFound();
  return subject;
}

/** The assessment row, its subject and its template version; locked when it is to be changed. */
export async function loadAssessmentCore(db: Reader, id: number, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('assessments_assessments').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const assessment = await query.executeTakeFirst();
  if (!assessment) throw notFound();
  const subject = await loadSubject(db, assessment.subject_id);
  const template = await db
    .selectFrom('assessments_templates')
    .selectAll()
    .where('id', '=', assessment.template_id)
    .executeTakeFirstOrThrow();
  return { assessment, subject, template };
}

export async function loadRatings(db: Reader, assessmentId: number) {
  const rows = await db
    .selectFrom('assessments_ratings')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('item_key')
    .execute();
  return rows.map((row) => ({
    itemKey: row.item_key,
    rating: row.rating,
    notApplicable: row.not_applicable,
    evidence: row.evidence,
    finding: row.finding,
  }));
}

export function scoreOf(sections: TemplateRow['sections'], ratings: Awaited<ReturnType<typeof loadRatings>>) {
  return scoreAssessment(sections, new Map(ratings.map((rating) => [rating.itemKey, rating])));
}

export async function loadRecommendations(db: Reader, assessmentId: number) {
  const rows = await db
    .selectFrom('assessments_recommendations')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    text: row.text,
    response: row.response,
    reason: row.reason,
    respondedAt: row.responded_at ? new Date(row.responded_at).toISOString() : null,
    version: row.version,
  }));
}

export const presentFile = ({ id, name, contentType, sizeBytes, createdAt }: StoredFile): EvidenceFile => ({
  id,
  name,
  contentType,
  sizeBytes,
  createdAt,
});

/** Files by the key they are linked under (an item's key, a revision's id), oldest first. */
async function filesBy<K>(
  db: Reader,
  links: { file_id: string; owner: K }[],
): Promise<Map<K, EvidenceFile[]>> {
  const described = new Map(
    (
      await describeFiles(
        db as unknown as Kysely<object>,
        links.map((link) => link.file_id),
      )
    ).map((file) => [file.id, file]),
  );
  const result = new Map<K, EvidenceFile[]>();
  for (const link of links) {
    const file = described.get(link.file_id);
    if (file) result.set(link.owner, [...(result.get(link.owner) ?? []), presentFile(file)]);
  }
  return result;
}

/** The evidence files of each checklist item of an assessment. */
export async function loadItemFiles(db: Reader, assessmentId: number) {
  const links = await db
    .selectFrom('assessments_rating_files')
    .select(['file_id', 'item_key as owner'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('added_at')
    .orderBy('file_id')
    .execute();
  return filesBy(db, links);
}

// Dates are read as text: a driver turns a `date` into a Date at local midnight, a day off elsewhere.
export async function loadRevisions(db: Reader, assessmentId: number) {
  const rows = await db
    .selectFrom('assessments_revisions')
    .select(['id', 'recommendation_id', 'description', 'evidence'])
    .select(sql<string>`revised_on::text`.as('revised_on'))
    .where('assessment_id', '=', assessmentId)
    .orderBy('revised_on')
    .orderBy('id')
    .execute();
  const links =
    rows.length === 0
      ? []
      : await db
          .selectFrom('assessments_revision_files')
          .select(['file_id', 'revision_id as owner'])
          .where(
            'revision_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('added_at')
          .orderBy('file_id')
          .execute();
  const files = await filesBy(db, links);
  return rows.map((row) => ({
    id: row.id,
    recommendationId: row.recommendation_id,
    description: row.description,
    revisedOn: row.revised_on,
    evidence: row.evidence,
    files: files.get(row.id) ?? [],
  }));
}

function assessmentRows(db: Reader) {
  return db
    .selectFrom('assessments_assessments as a')
    .innerJoin('assessments_subjects as s', 's.id', 'a.subject_id')
    .innerJoin('assessments_templates as t', 't.id', 'a.template_id')
    .select([
      'a.id',
      'a.year',
      'a.step',
      'a.created_at',
      'a.summary',
      'a.closed_at',
      'a.template_id',
      's.id as subject_id',
      's.title as subject_title',
      's.kind as subject_kind',
      's.department_code',
      's.is_sample',
      't.key as template_key',
      't.version as template_version',
      't.title_ko',
      't.title_en',
      't.sections',
    ]);
}

type RowOf = Awaited<ReturnType<ReturnType<typeof assessmentRows>['execute']>>[number];

function presentRow(row: RowOf): AssessmentRow {
  return {
    id: row.id,
    year: row.year,
    step: row.step,
    subjectId: row.subject_id,
    subjectTitle: row.subject_title,
    subjectKind: row.subject_kind,
    departmentCode: row.department_code,
    isSample: row.is_sample,
    template: {
      key: row.template_key,
      version: row.template_version,
      title: { ko: row.title_ko, en: row.title_en },
    },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Assessments a staff reader sees: all for the office; a department's own and those open for rating. */
export async function listAssessments(
  db: Reader,
  filter: { departmentCode?: string | null; subjectId?: number },
): Promise<AssessmentRow[]> {
  let query = assessmentRows(db).orderBy('a.id', 'desc');
  if (filter.departmentCode !== undefined) {
    const code = filter.departmentCode;
    query = query.where((eb) =>
      eb.or([eb('s.department_code', '=', code ?? ''), eb('a.step', '=', 'assessment')]),
    );
  }
  if (filter.subjectId !== undefined) query = query.where('s.id', '=', filter.subjectId);
  return (await query.execute()).map(presentRow);
}

export async function listSubjects(db: Reader, departmentCode?: string | null): Promise<Subject[]> {
  let query = db.selectFrom('assessments_subjects').selectAll().orderBy('title');
  if (departmentCode !== undefined) query = query.where('department_code', '=', departmentCode ?? '');
  return (await query.execute()).map(presentSubject);
}

/** Closed assessments, as the public sees them; one when `id` is given. */
export async function publicSummaries(db: Db, id?: number): Promise<PublicSummary[]> {
  const reader = assessmentsDb(db);
  let query = assessmentRows(reader).where('a.step', '=', 'closed').orderBy('a.closed_at', 'desc');
  if (id !== undefined) query = query.where('a.id', '=', id);
  const rows = await query.execute();
  const summaries: PublicSummary[] = [];
  for (const row of rows) {
    const ratings = await loadRatings(reader, row.id);
    const recommendations = await loadRecommendations(reader, row.id);
    const revisions = await loadRevisions(reader, row.id);
    summaries.push({
      ...presentRow(row),
      summary: row.summary,
      overallScore: scoreOf(row.sections, ratings).overall,
      recommendations: recommendations.map(({ text, response, reason }) => ({ text, response, reason })),
      revisions: revisions.map(({ description, revisedOn }) => ({ description, revisedOn })),
      closedAt: new Date(row.closed_at ?? row.created_at).toISOString(),
    });
  }
  return summaries;
}

/**
 * The seed's figures as history, plus what the platform has tracked since: subjects with a closed
 * assessment count as assessed, and those among them with a recorded revision as revised (or
 * renovated). Only closed assessments count, so no figure moves on an assessment still in progress.
 */
const figureRules: readonly { id: string; kind: SubjectKind; revisedOnly: boolean }[] = [
  { id: 'impact-assessment-ordinances-total', kind: 'ordinance', revisedOnly: false },
  { id: 'impact-assessment-ordinances-revised', kind: 'ordinance', revisedOnly: true },
  { id: 'polling-stations-total', kind: 'polling_station', revisedOnly: false },
  { id: 'polling-stations-renovated', kind: 'polling_station', revisedOnly: true },
  { id: 'hr-management-municipal-enterprises', kind: 'enterprise', revisedOnly: false },
];

export const trainingFigureId = 'hr-management-task-force-trainings';

export async function figures(db: Db): Promise<Figure[]> {
  const reader = assessmentsDb(db);
  const seeded = await reader
    .selectFrom('seed_figures')
    .select(['id', 'value', 'label_ko', 'label_en'])
    .where('id', 'in', [...figureRules.map((rule) => rule.id), trainingFigureId])
    .execute();
  const byId = new Map(seeded.map((row) => [row.id, row]));
  const result: Figure[] = [];
  for (const rule of figureRules) {
    const figure = byId.get(rule.id);
    if (!figure) continue;
    let query = reader
      .selectFrom('assessments_assessments as a')
      .innerJoin('assessments_subjects as s', 's.id', 'a.subject_id')
      .select((eb) => eb.fn.count<string>('s.id').distinct().as('count'))
      .where('a.step', '=', 'closed')
      .where('s.is_sample', '=', false)
      .where('s.kind', '=', rule.kind);
    if (rule.revisedOnly) {
      query = query.where((eb) =>
        eb.exists(
          eb.selectFrom('assessments_revisions as r').select('r.id').whereRef('r.assessment_id', '=', 'a.id'),
        ),
      );
    }
    const tracked = Number((await query.executeTakeFirstOrThrow()).count);
    const historical = Number(figure.value);
    result.push({
      id: rule.id,
      label: { ko: figure.label_ko, en: figure.label_en },
      historical,
      tracked,
      total: historical + tracked,
    });
  }
  const trainings = byId.get(trainingFigureId);
  if (trainings) {
    const { count } = await reader
      .selectFrom('assessments_trainings')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('body', '=', 'task_force')
      .executeTakeFirstOrThrow();
    const historical = Number(trainings.value);
    result.push({
      id: trainingFigureId,
      label: { ko: trainings.label_ko, en: trainings.label_en },
      historical,
      tracked: Number(count),
      total: historical + Number(count),
    });
  }
  return result;
}

export async function listTrainings(db: Reader | Transaction<AssessmentsTables>) {
  const rows = await db
    .selectFrom('assessments_trainings')
    .select(['id', 'body', 'title', 'participants', 'version'])
    .select(sql<string>`held_on::text`.as('held_on'))
    .orderBy('held_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    title: row.title,
    heldOn: row.held_on,
    participants: row.participants,
    version: row.version,
  }));
}

/** Closed yearly evaluations of enterprises, by enterprise and year, with section scores. */
export async function enterpriseComparison(db: Db): Promise<Comparison> {
  const reader = assessmentsDb(db);
  const rows = await assessmentRows(reader)
    .where('a.step', '=', 'closed')
    .where('s.kind', '=', 'enterprise')
    .orderBy('s.title')
    .orderBy('a.year')
    .execute();
  const result: Comparison['rows'] = [];
  for (const row of rows) {
    const score = scoreOf(row.sections, await loadRatings(reader, row.id));
    result.push({
      enterprise: row.subject_title,
      isSample: row.is_sample,
      year: row.year,
      overall: score.overall,
      sections: row.sections.map((section, index) => ({
        key: section.key,
        title: section.title,
        score: score.sections[index]?.score ?? null,
      })),
    });
  }
  return { rows: result, trainings: await listTrainings(reader) };
}
