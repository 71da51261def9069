/**
 * Recording and editing a recommendation (the office). Its departments must be terms of the kernel's
 * `departments` vocabulary; they are fixed once a department has answered, so that no answer is left
 * without its recommendation. A historical recommendation is the dataset's and is corrected there.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { vocabTrx } from '../../../../kernel/server/vocabularies/tables.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type { RecommendationInput, RecommendationUpdate } from '../../contract.ts';
import { fieldMessages } from '../messages.ts';
import { notifyAddressed } from '../notifications.ts';
import { recommendationsTrx } from '../tables.ts';
import { checkUnInput, saveUnDetails } from '../un.ts';

const shortTitle = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

async function checkInput(trx: Transaction<object>, input: RecommendationInput): Promise<string[]> {
  const departments = [...new Set(input.departments)];
  const known = await vocabTrx(trx)
    .selectFrom('vocab_terms')
    .select('code')
    .where('vocabulary', '=', 'departments')
    .where('code', 'in', departments)
    .execute();
  const found = new Set(known.map((term) => term.code));
  const index = input.departments.findIndex((code) => !found.has(code));
  if (index >= 0) {
    throw fieldError(
      `body.departments.${index}`,
      'recommendations_unknown_department',
      fieldMessages.unknownDepartment,
    );
  }
  if (input.answerDue && input.implementationDue && input.implementationDue < input.answerDue) {
    throw fieldError('body.implementationDue', 'recommendations_due_order', fieldMessages.dueOrder);
  }
  return departments;
}

const values = (input: RecommendationInput) => ({
  source_kind: input.source.kind,
  source_reference: input.source.reference,
  text_ko: input.text.ko,
  text_en: input.text.en,
  issued_on: input.issuedOn,
  answer_due: input.answerDue,
  implementation_due: input.implementationDue,
  is_public: input.isPublic,
});

/**
 * Publication follows the source's rule where there is one (issue 16, item 5), not the form: a
 * recommendation a module issued is public when its source says (the committees: once the minutes are
 * published), and an ombudsman's only through the summary the ombudsman publishes. The form's flag
 * must then say what the rule says.
 */
function checkPublication(
  input: RecommendationInput,
  current?: { source_module: string | null; summary_published_at: Date | null; is_public: boolean },
) {
  if (current && (current.source_module !== null || current.summary_published_at !== null)) {
    if (input.isPublic !== current.is_public) {
      throw fieldError('body.isPublic', 'recommendations_public_by_source', fieldMessages.publicBySource);
    }
    return;
  }
  if (input.source.kind === 'ombudsman' && input.isPublic) {
    throw fieldError('body.isPublic', 'recommendations_ombudsman_summary', fieldMessages.ombudsmanSummary);
  }
}

async function tag(
  trx: Transaction<object>,
  id: string,
  input: RecommendationInput,
  publicTitle?: { ko: string; en: string },
) {
  const title = publicTitle ?? input.text;
  await setTags(
    trx,
    {
      module: 'recommendations',
      recordType: 'recommendation',
      recordId: id,
      isPublic: input.isPublic,
      title: { ko: shortTitle(title.ko), en: shortTitle(title.en) },
      path: `/recommendations/${id}`,
    },
    input.tags,
  );
}

/** Addresses the recommendation to each department, each with its part still to answer. */
/** Addresses a recommendation to departments: one part each, to be answered. */
export async function addressTo(trx: Transaction<object>, id: string, departments: readonly string[]) {
  await recommendationsTrx(trx)
    .insertInto('recommendations_departments')
    .values(
      departments.map((code) => ({
        recommendation_id: id,
        department_code: code,
        answer: null,
        reasons: null,
        answered_at: null,
        answered_by: null,
      })),
    )
    .execute();
}

/**
 * A new recommendation's first event, and the notice to its departments: the same whether the office
 * records it here or a module issues it through the register's port.
 */
export async function recordIssue(
  trx: Transaction<object>,
  recommendation: { id: string; reference: string },
  departments: readonly string[],
  actorId: string | null,
): Promise<void> {
  await recommendationsTrx(trx)
    .insertInto('recommendations_events')
    .values({
      recommendation_id: recommendation.id,
      action: 'issue',
      from_status: null,
      to_status: 'issued',
      department_code: null,
      answer: null,
      reason: null,
      note: null,
    })
    .execute();
  await notifyAddressed(trx, recommendation, departments, actorId);
}

export async function createRecommendation(
  db: Db,
  actor: Actor,
  input: RecommendationInput,
): Promise<string> {
  const id = randomUUID();
  await runCommand(db, actor, async ({ trx, audit }) => {
    const departments = await checkInput(trx, input);
    await checkUnInput(trx, input, null);
    checkPublication(input);
    const register = recommendationsTrx(trx);
    await register
      .insertInto('recommendations_records')
      .values({ id, ...values(input), status: 'issued' })
      .execute();
    await addressTo(trx, id, departments);
    await saveUnDetails(trx, id, input.un);
    await tag(trx, id, input);
    await recordIssue(trx, { id, reference: input.source.reference }, departments, actor.userId);
    await audit({
      action: 'recommendations.create',
      entityType: 'recommendations_records',
      entityId: id,
      after: { ...values(input), departments, tags: input.tags, un: input.un ?? null, version: 1 },
    });
  });
  publicDataChanged();
  return id;
}

export async function updateRecommendation(
  db: Db,
  actor: Actor,
  id: string,
  input: RecommendationUpdate,
): Promise<void> {
  await runCommand(db, actor, async ({ trx, audit }) => {
    const register = recommendationsTrx(trx);
    const current = await register
      .selectFrom('recommendations_records')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();
    if (current.historical) throw new AppError('recommendations_historical', 409);
    if (current.status === 'implemented' || current.status === 'closed') {
      throw new AppError('recommendations_not_editable', 409);
    }
    const departments = await checkInput(trx, input);
    await checkUnInput(trx, input, id);
    checkPublication(input, current);
    const parts = await register
      .selectFrom('recommendations_departments')
      .selectAll()
      .where('recommendation_id', '=', id)
      .execute();
    const before = parts.map((part) => part.department_code).sort();
    const changed = before.join('\n') !== [...departments].sort().join('\n');
    if (changed && parts.some((part) => part.answer !== null)) {
      throw fieldError(
        'body.departments',
        'recommendations_departments_fixed',
        fieldMessages.departmentsFixed,
      );
    }
    await register
      .updateTable('recommendations_records')
      .set({ ...values(input), version: current.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    if (changed) {
      await register.deleteFrom('recommendations_departments').where('recommendation_id', '=', id).execute();
      await addressTo(trx, id, departments);
      // Only the departments the edit adds are told: the others already were.
      const added = departments.filter((code) => !before.includes(code));
      await notifyAddressed(trx, { id, reference: input.source.reference }, added, actor.userId);
    }
    await saveUnDetails(trx, id, input.un);
    // An ombudsman's published recommendation keeps its summary as its public title.
    await tag(
      trx,
      id,
      input,
      current.public_summary_ko !== null && current.public_summary_en !== null
        ? { ko: current.public_summary_ko, en: current.public_summary_en }
        : undefined,
    );
    const { created_at: _created, updated_at: _updated, ...was } = current;
    await audit({
      action: 'recommendations.update',
      entityType: 'recommendations_records',
      entityId: id,
      before: { ...was, departments: before },
      after: { ...values(input), departments, tags: input.tags, un: input.un, version: current.version + 1 },
    });
  });
  publicDataChanged();
}
