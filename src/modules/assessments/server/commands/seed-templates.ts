/**
 * The platform's default templates from the dataset (`assessments-templates.csv`, and their sections
 * and items in `assessments-template-items.csv`, one row per item). They are the platform's own
 * checklists, not the city's official ones. A template is loaded as version 1 only when the key has
 * no version yet: a reload never overwrites what officers have written since.
 */
import type { SeedContext } from '../../../../kernel/server/module.ts';
import {
  integer,
  matching,
  number,
  oneOf,
  readCsv,
  rowError,
  text,
} from '../../../../kernel/server/seed/dataset-files.ts';
import { subjectKinds, type TemplateSection, templateInputSchema } from '../../contract.ts';
import { assessmentsDb, jsonColumn } from '../tables.ts';
import { checkTemplateKeys } from './write-template.ts';

const key = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case key');
const yesNo = oneOf(['yes', 'no'] as const);

export async function seedTemplates(context: SeedContext): Promise<void> {
  const templates = await readCsv(
    context,
    'assessments-templates.csv',
    { key, subject_kind: oneOf(subjectKinds), title_ko: text, title_en: text, basis: text },
    { key: 'key' },
  );
  const items = await readCsv(context, 'assessments-template-items.csv', {
    template: key,
    section: key,
    section_title_ko: text,
    section_title_en: text,
    item: key,
    text_ko: text,
    text_en: text,
    guidance_ko: text,
    guidance_en: text,
    scale: integer,
    evidence_required: yesNo,
    weight: number,
  });
  const sectionsOf = new Map<string, TemplateSection[]>();
  for (const row of items) {
    if (!templates.some((template) => template.key === row.template)) {
      throw rowError(
        row.origin,
        `column "template": no template "${row.template}" in assessments-templates.csv`,
      );
    }
    const sections = sectionsOf.get(row.template) ?? [];
    let section = sections.find((entry) => entry.key === row.section);
    if (!section) {
      section = {
        key: row.section,
        title: { ko: row.section_title_ko, en: row.section_title_en },
        items: [],
      };
      sections.push(section);
    }
    section.items.push({
      key: row.item,
      text: { ko: row.text_ko, en: row.text_en },
      guidance: { ko: row.guidance_ko, en: row.guidance_en },
      scale: row.scale,
      evidenceRequired: row.evidence_required === 'yes',
      weight: row.weight,
    });
    sectionsOf.set(row.template, sections);
  }
  const trx = assessmentsDb(context.trx);
  for (const template of templates) {
    const input = templateInputSchema.safeParse({
      subjectKind: template.subject_kind,
      title: { ko: template.title_ko, en: template.title_en },
      sections: sectionsOf.get(template.key) ?? [],
    });
    if (!input.success) {
      throw rowError(
        template.origin,
        `template "${template.key}": ${input.error.issues[0]?.message ?? 'invalid'}`,
      );
    }
    checkTemplateKeys(input.data);
    await trx
      .insertInto('assessments_templates')
      .values({
        key: template.key,
        version: 1,
        subject_kind: input.data.subjectKind,
        title_ko: input.data.title.ko,
        title_en: input.data.title.en,
        sections: jsonColumn(input.data.sections),
        created_by: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
