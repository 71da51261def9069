/**
 * Officers write checklists in the UI. A template version is never changed: a new template starts at
 * version 1, and editing one writes the next version (the editor sends the version read; a newer one
 * meanwhile is a 409), so every assessment keeps the checklist it was made with.
 */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, fieldError, notFound } from '../../../../kernel/server/errors.ts';
import type { Template, TemplateInput } from '../../contract.ts';
import { latestTemplates, presentTemplate } from '../queries.ts';
import { assessmentsDb, jsonColumn } from '../tables.ts';

/** Keys name sections and items in ratings: a repeated key would make two items one. */
export function checkTemplateKeys(input: TemplateInput): void {
  const sections = new Set<string>();
  const items = new Set<string>();
  input.sections.forEach((section, sectionIndex) => {
    if (sections.has(section.key)) {
      throw fieldError(`body.sections.${sectionIndex}.key`, 'duplicate_key', {
        ko: `구역 키 "${section.key}"가 두 번 나옵니다.`,
        en: `The section key "${section.key}" is used twice.`,
      });
    }
    sections.add(section.key);
    section.items.forEach((item, itemIndex) => {
      if (items.has(item.key)) {
        throw fieldError(`body.sections.${sectionIndex}.items.${itemIndex}.key`, 'duplicate_key', {
          ko: `항목 키 "${item.key}"가 두 번 나옵니다.`,
          en: `The item key "${item.key}" is used twice.`,
        });
      }
      items.add(item.key);
    });
  });
}

async function insertVersion(
  db: Db,
  actor: Actor,
  key: string,
  input: TemplateInput,
  expectVersion: number | null,
): Promise<Template> {
  checkTemplateKeys(input);
  return runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = assessmentsDb(raw);
    const [latest] = await latestTemplates(trx, key);
    if (expectVersion === null && latest) {
      throw new AppError('assessments_template_exists', 409, { params: { key } });
    }
    if (expectVersion !== null) {
      if (!latest) throw notFound();
      if (latest.version !== expectVersion) throw conflict();
    }
    const row = await trx
      .insertInto('assessments_templates')
      .values({
        key,
        version: (latest?.version ?? 0) + 1,
        subject_kind: input.subjectKind,
        title_ko: input.title.ko,
        title_en: input.title.en,
        sections: jsonColumn(input.sections),
        created_by: actor.userId,
      })
      .returningAll()
      // On PostgreSQL two editors of the same version both pass the check above; the unique
      // (key, version) refuses the second, which is the same conflict.
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw conflict();
        throw error;
      });
    await audit({
      action: expectVersion === null ? 'assessments.create-template' : 'assessments.revise-template',
      entityType: 'assessments_templates',
      entityId: `${key}@${row.version}`,
      before: latest ? { version: latest.version } : null,
      after: { version: row.version, subjectKind: input.subjectKind, title: input.title },
    });
    return presentTemplate(row);
  });
}

export function createTemplate(db: Db, actor: Actor, key: string, input: TemplateInput) {
  return insertVersion(db, actor, key, input, null);
}

export function reviseTemplate(db: Db, actor: Actor, key: string, input: TemplateInput, version: number) {
  return insertVersion(db, actor, key, input, version);
}
