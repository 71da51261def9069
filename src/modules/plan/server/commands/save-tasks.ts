/**
 * Writing tasks of one year, for the task form (one task) and for imports (a whole file) alike: the
 * same checks for both (departments are terms of the `departments` vocabulary, the area exists, the
 * parent is a task of the same year, no task is its own ancestor, codes are unique in the year, tags
 * come from the task's vocabularies), then the rows, their tags and their audit entries. The checks
 * answer every problem found with the entry and the field it concerns, so that the form can name its
 * field and an import its line and column.
 */
import type { CommandContext } from '../../../../kernel/server/command.ts';
import { AppError } from '../../../../kernel/server/errors.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type { Bilingual } from '../../../../kernel/shared/language.ts';
import { type TaskFields, taskTagVocabularies } from '../../contract.ts';
import { planTrx } from '../tables.ts';

export interface TaskEntry {
  fields: TaskFields;
  /** The task to update; null to create one. */
  id: number | null;
  /** The sample records of `seed --demo`. */
  isSample?: boolean;
}

export interface TaskIssue {
  /** The index of the entry in the list given. */
  entry: number;
  field: keyof TaskFields;
  /** For a problem with a tag: the tag's vocabulary. */
  vocabulary?: string;
  code: string;
  message: Bilingual;
}

export const taskRecord = (id: number) => ({ module: 'plan', recordType: 'task', recordId: String(id) });
export const publicTaskPath = (id: number) => `/plan/tasks/${id}`;

type Trx = CommandContext['trx'];

export async function checkTasks(
  trx: Trx,
  year: number,
  entries: readonly TaskEntry[],
): Promise<TaskIssue[]> {
  const plan = planTrx(trx);
  const issues: TaskIssue[] = [];
  const [departmentRows, termRows, areaRows, existing] = await Promise.all([
    plan.selectFrom('vocab_terms').select('code').where('vocabulary', '=', 'departments').execute(),
    plan
      .selectFrom('vocab_terms')
      .select(['vocabulary', 'code'])
      .where('vocabulary', 'in', [...taskTagVocabularies])
      .execute(),
    plan.selectFrom('plan_areas').select('code').execute(),
    plan.selectFrom('plan_tasks').select(['id', 'code', 'parent_id']).where('year', '=', year).execute(),
  ]);
  const departments = new Set(departmentRows.map((row) => row.code));
  const areas = new Set(areaRows.map((row) => row.code));
  const terms = new Set(termRows.map((row) => `${row.vocabulary}/${row.code}`));
  const codeOfId = new Map(existing.map((task) => [task.id, task.code]));
  // The year as it will be: existing tasks, then each entry's code and parent over them.
  const parentOf = new Map<string, string | null>(
    existing.map((task) => [
      task.code,
      task.parent_id === null ? null : (codeOfId.get(task.parent_id) ?? null),
    ]),
  );
  const owner = new Map(existing.map((task) => [task.code, task.id]));
  for (const entry of entries) {
    if (entry.id !== null) {
      const previous = codeOfId.get(entry.id);
      if (previous !== undefined && previous !== entry.fields.code) {
        parentOf.delete(previous);
        owner.delete(previous);
      }
    }
  }
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const { fields } = entry;
    const add = (field: keyof TaskFields, code: string, message: Bilingual) =>
      issues.push({ entry: index, field, code, message });
    const holder = owner.get(fields.code);
    if (seen.has(fields.code) || (holder !== undefined && holder !== entry.id)) {
      add('code', 'code_taken', {
        ko: `${year}년 시행계획에 과제 코드 ${fields.code}가 이미 있습니다.`,
        en: `The ${year} action plan already has a task with the code ${fields.code}.`,
      });
    }
    seen.set(fields.code, index);
    parentOf.set(fields.code, fields.parentCode);
    if (!departments.has(fields.leadDepartment)) {
      add('leadDepartment', 'unknown_department', {
        ko: `부서 용어에 없는 부서 코드입니다: ${fields.leadDepartment}`,
        en: `No department has the code ${fields.leadDepartment}.`,
      });
    }
    const unknown = fields.cooperatingDepartments.filter((code) => !departments.has(code));
    if (unknown.length > 0) {
      add('cooperatingDepartments', 'unknown_department', {
        ko: `부서 용어에 없는 부서 코드입니다: ${unknown.join(', ')}`,
        en: `No department has the code ${unknown.join(', ')}.`,
      });
    }
    if (fields.areaCode !== null && !areas.has(fields.areaCode)) {
      add('areaCode', 'unknown_area', {
        ko: `없는 분야 코드입니다: ${fields.areaCode}`,
        en: `No area has the code ${fields.areaCode}.`,
      });
    }
    const foreign = fields.tags.filter(
      (tag) => !(taskTagVocabularies as readonly string[]).includes(tag.vocabulary),
    );
    if (foreign.length > 0) {
      add('tags', 'vocabulary_not_allowed', {
        ko: `과제에는 인권, 대상 집단, SDG 세부목표만 붙일 수 있습니다: ${foreign.map((tag) => tag.vocabulary).join(', ')}`,
        en: `A task takes only rights, target groups and SDG targets: not ${foreign.map((tag) => tag.vocabulary).join(', ')}.`,
      });
    }
    for (const tag of fields.tags) {
      if (foreign.includes(tag) || terms.has(`${tag.vocabulary}/${tag.code}`)) continue;
      issues.push({
        entry: index,
        field: 'tags',
        vocabulary: tag.vocabulary,
        code: 'unknown_term',
        message: {
          ko: `없는 용어입니다: ${tag.vocabulary}/${tag.code}`,
          en: `No such term: ${tag.vocabulary}/${tag.code}`,
        },
      });
    }
  });
  entries.forEach((entry, index) => {
    const parent = entry.fields.parentCode;
    if (parent === null) return;
    if (!parentOf.has(parent)) {
      issues.push({
        entry: index,
        field: 'parentCode',
        code: 'unknown_parent',
        message: {
          ko: `${year}년 시행계획에 상위 과제 ${parent}가 없습니다.`,
          en: `The ${year} action plan has no task ${parent} to be the parent.`,
        },
      });
      return;
    }
    let cursor: string | null | undefined = parent;
    for (let depth = 0; cursor && depth <= parentOf.size; depth++) {
      if (cursor === entry.fields.code) {
        issues.push({
          entry: index,
          field: 'parentCode',
          code: 'parent_cycle',
          message: {
            ko: '과제가 자기 자신의 하위 과제가 될 수는 없습니다.',
            en: 'A task cannot be below itself.',
          },
        });
        return;
      }
      cursor = parentOf.get(cursor);
    }
  });
  return issues;
}

function columnsOf(fields: TaskFields) {
  return {
    code: fields.code,
    area_code: fields.areaCode,
    title_ko: fields.title.ko,
    title_en: fields.title.en,
    description_ko: fields.description?.ko ?? null,
    description_en: fields.description?.en ?? null,
    lead_department: fields.leadDepartment,
    cooperating_departments: fields.cooperatingDepartments,
    budget_planned: fields.budgetPlanned,
    target_ko: fields.target?.ko ?? null,
    target_en: fields.target?.en ?? null,
    weight: fields.weight,
    milestones: JSON.stringify(fields.milestones) as unknown as TaskFields['milestones'],
    indicator_codes: fields.indicatorCodes,
    is_public: fields.isPublic,
  };
}

/**
 * Writes checked entries (call `checkTasks` first): inserts or updates each, then links parents by
 * code (a file may name a parent below its child), then sets each task's tags. Returns the ids.
 */
export async function writeTasks(
  { trx, audit }: Pick<CommandContext, 'trx' | 'audit'>,
  year: number,
  entries: readonly TaskEntry[],
  action: string,
  /** Told after each task is written, with the count so far. */
  onProgress?: (done: number) => void,
): Promise<number[]> {
  const plan = planTrx(trx);
  const ids: number[] = [];
  for (const entry of entries) {
    const columns = columnsOf(entry.fields);
    if (entry.id === null) {
      const created = await plan
        .insertInto('plan_tasks')
        .values({ ...columns, year, parent_id: null, is_sample: entry.isSample ?? false })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(created.id);
      await audit({
        action,
        entityType: 'plan_tasks',
        entityId: String(created.id),
        after: { year, ...columns },
      });
    } else {
      const before = await plan
        .selectFrom('plan_tasks')
        .selectAll()
        .where('id', '=', entry.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      await plan
        .updateTable('plan_tasks')
        .set({ ...columns, version: before.version + 1, updated_at: new Date() })
        .where('id', '=', entry.id)
        .execute();
      ids.push(entry.id);
      const { created_at: _created, updated_at: _updated, ...previous } = before;
      await audit({
        action,
        entityType: 'plan_tasks',
        entityId: String(entry.id),
        before: previous,
        after: columns,
      });
    }
  }
  const codes = await plan.selectFrom('plan_tasks').select(['id', 'code']).where('year', '=', year).execute();
  const idOfCode = new Map(codes.map((task) => [task.code, task.id]));
  for (const [index, entry] of entries.entries()) {
    const id = ids[index] as number;
    const parentId =
      entry.fields.parentCode === null ? null : (idOfCode.get(entry.fields.parentCode) ?? null);
    await plan.updateTable('plan_tasks').set({ parent_id: parentId }).where('id', '=', id).execute();
    const { fields } = entry;
    const departments = [fields.leadDepartment, ...fields.cooperatingDepartments].map((code) => ({
      vocabulary: 'departments' as const,
      code,
    }));
    await setTags(
      trx,
      {
        ...taskRecord(id),
        isPublic: fields.isPublic,
        isSample: entry.isSample ?? false,
        title: fields.title,
        path: publicTaskPath(id),
      },
      [...fields.tags, ...departments],
    );
    onProgress?.(index + 1);
  }
  return ids;
}

/** The form's problems as one 400 answer, each on its body field. */
export function taskIssuesError(issues: readonly TaskIssue[]): AppError {
  return new AppError('validation_failed', 400, {
    errors: issues.map((issue) => ({
      field: `body.${issue.field}`,
      code: issue.code,
      message: issue.message,
    })),
  });
}
