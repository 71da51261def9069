/**
 * What a template version changed against the one before it, by key: sections and items added or
 * removed, sections renamed, and items whose wording, scale, evidence rule, weight or section
 * changed. Keys are what ratings refer to, so an item that keeps its key is the same item.
 */
import type { TemplateChanges, TemplateInput, TemplateItem, templateItemFields } from '../contract.ts';

type Field = (typeof templateItemFields)[number];
type Version = Pick<TemplateInput, 'title' | 'subjectKind' | 'sections'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function itemsOf(version: Version): Map<string, { item: TemplateItem; section: string }> {
  return new Map(
    version.sections.flatMap((section) =>
      section.items.map((item) => [item.key, { item, section: section.key }] as const),
    ),
  );
}

export function templateChanges(before: Version, after: Version): TemplateChanges {
  const sectionsBefore = new Map(before.sections.map((section) => [section.key, section]));
  const sectionsAfter = new Map(after.sections.map((section) => [section.key, section]));
  const itemsBefore = itemsOf(before);
  const itemsAfter = itemsOf(after);
  const changes: TemplateChanges = {
    titleChanged: !same(before.title, after.title),
    subjectKindChanged: before.subjectKind !== after.subjectKind,
    sectionsAdded: [],
    sectionsRemoved: [],
    sectionsRenamed: [],
    itemsAdded: [],
    itemsRemoved: [],
    itemsChanged: [],
  };
  for (const [key, section] of sectionsAfter) {
    const old = sectionsBefore.get(key);
    if (!old) changes.sectionsAdded.push({ key, name: section.title });
    else if (!same(old.title, section.title)) changes.sectionsRenamed.push({ key, name: section.title });
  }
  for (const [key, section] of sectionsBefore) {
    if (!sectionsAfter.has(key)) changes.sectionsRemoved.push({ key, name: section.title });
  }
  for (const [key, { item, section }] of itemsAfter) {
    const old = itemsBefore.get(key);
    if (!old) {
      changes.itemsAdded.push({ key, name: item.text });
      continue;
    }
    const fields: Field[] = [];
    for (const field of ['text', 'guidance', 'scale', 'evidenceRequired', 'weight'] as const) {
      if (!same(old.item[field], item[field])) fields.push(field);
    }
    if (old.section !== section) fields.push('section');
    if (fields.length > 0) changes.itemsChanged.push({ key, name: item.text, fields });
  }
  for (const [key, { item }] of itemsBefore) {
    if (!itemsAfter.has(key)) changes.itemsRemoved.push({ key, name: item.text });
  }
  return changes;
}
