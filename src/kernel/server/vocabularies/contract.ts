/**
 * The shared vocabularies as modules and the web app see them: which vocabularies exist, the shapes of
 * the API's answers, and the types a module passes to `setTags` (`./tags.ts`) to tag its records.
 */
import { z } from 'zod';
import type { Bilingual } from '../../shared/language.ts';

export const vocabularyIds = [
  'rights',
  'departments',
  'districts',
  'target-groups',
  'sdg-goals',
  'sdg-targets',
] as const;
export type VocabularyId = (typeof vocabularyIds)[number];

export interface VocabularyDefinition {
  name: Bilingual;
  description: Bilingual;
  /** Entered by staff through the API; the others come from the dataset only. */
  editable: boolean;
}

export const vocabularies: Record<VocabularyId, VocabularyDefinition> = {
  rights: {
    name: { ko: '인권헌장 조항', en: 'Human rights charter articles' },
    description: {
      ko: '시 인권헌장의 조항. 관리자가 입력합니다.',
      en: "The articles of the city's human rights charter, entered by administrators.",
    },
    editable: true,
  },
  departments: {
    name: { ko: '부서', en: 'Departments' },
    description: {
      ko: '시의 인권 담당 부서와 그 소속 과(상위 부서 코드로 연결).',
      en: "The city's human rights departments and their divisions (linked by the parent's code).",
    },
    editable: false,
  },
  districts: {
    name: { ko: '자치구', en: 'Districts' },
    description: { ko: '시의 자치구.', en: "The city's autonomous districts." },
    editable: false,
  },
  'target-groups': {
    name: { ko: '대상 집단', en: 'Target groups' },
    description: {
      ko: '정책과 사업이 대상으로 하는 사람들의 집단.',
      en: 'The groups of people that policies and programmes are for.',
    },
    editable: false,
  },
  'sdg-goals': {
    name: { ko: '지속가능발전목표', en: 'Sustainable Development Goals' },
    description: { ko: '유엔 지속가능발전목표 17개.', en: 'The 17 UN Sustainable Development Goals.' },
    editable: false,
  },
  'sdg-targets': {
    name: { ko: '지속가능발전 세부목표', en: 'SDG targets' },
    description: {
      ko: '유엔 지속가능발전목표의 세부목표(영어 원문과 이 프로젝트의 한국어 번역).',
      en: "The targets of the UN Sustainable Development Goals (the English text and this project's Korean translation).",
    },
    editable: false,
  },
};

const bilingual = z.object({ ko: z.string(), en: z.string() });

export const termSchema = z.object({
  vocabulary: z.enum(vocabularyIds),
  code: z.string(),
  /** The parent term in the same vocabulary (a division's bureau), or null. */
  parentCode: z.string().nullable(),
  name: bilingual,
  /** Null when the term has no description. */
  description: bilingual.nullable(),
  /**
   * No Korean text exists (an SDG goal the city's `sdg-goals-ko.csv` does not list): `name.ko` and
   * `description.ko` repeat the English, and a page should mark them `lang="en"` so that a screen
   * reader pronounces them as English.
   */
  koMissing: z.boolean(),
  sortOrder: z.number().int(),
  /** The section of the seed document the term comes from, when it does. */
  sourceSection: z.string().nullable(),
  /** A sample for trying the UI (`seed --demo`), never real data. */
  isSample: z.boolean(),
  /** For optimistic concurrency when editing (rights). */
  version: z.number().int(),
  /** What only this vocabulary has: departments' `headcount`, `since`, `note`; rights' `number`; SDG targets' `goal`. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Term = z.infer<typeof termSchema>;

export const vocabularySummarySchema = z.object({
  id: z.enum(vocabularyIds),
  name: bilingual,
  description: bilingual,
  editable: z.boolean(),
  termCount: z.number().int(),
});

export const vocabularyListSchema = z.object({ vocabularies: z.array(vocabularySummarySchema) });

export const termListSchema = z.object({
  vocabulary: vocabularySummarySchema,
  terms: z.array(termSchema),
});

export const taggedRecordSchema = z.object({
  recordType: z.string(),
  recordId: z.string(),
  title: bilingual,
  /** The record's page in the web app. */
  path: z.string(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});

export const termPageSchema = z.object({
  vocabulary: vocabularySummarySchema,
  term: termSchema,
  /** Every public record tagged with the term, grouped by the module that owns it. */
  modules: z.array(z.object({ module: z.string(), records: z.array(taggedRecordSchema) })),
});

/** The tags a module's request body may carry (the module then calls `setTags`). */
export const tagsInputSchema = z
  .array(z.strictObject({ vocabulary: z.enum(vocabularyIds), code: z.string().min(1).max(64) }))
  .max(100);
export type TagInput = z.infer<typeof tagsInputSchema>[number];

/** One record of one module. */
export interface RecordRef {
  module: string;
  /** The kind of record within the module, e.g. `task`, `indicator`. */
  recordType: string;
  recordId: string;
}

/** What a term's page shows of a tagged record; the module keeps it current by calling `setTags` again. */
export interface TaggedRecord extends RecordRef {
  /** Only public records appear on a term's page. */
  isPublic: boolean;
  /** A sample record (`seed --demo`). */
  isSample?: boolean;
  title: Bilingual;
  /** The record's page in the web app, e.g. `/action-plan/tasks/42`. */
  path: string;
}

const rightText = (max: number) =>
  z.strictObject({ ko: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const rightCodeSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and hyphens (e.g. article-3)');

export const createRightSchema = z.strictObject({
  code: rightCodeSchema,
  /** The article's number in the charter. */
  number: z.number().int().min(1).max(9999),
  title: rightText(200),
  text: rightText(10_000).optional(),
});
export type CreateRightInput = z.infer<typeof createRightSchema>;

export const updateRightSchema = z.strictObject({
  /** The version the editor read; a change made meanwhile makes this a 409. */
  version: z.number().int().min(1),
  number: z.number().int().min(1).max(9999).optional(),
  title: rightText(200).optional(),
  /** Null removes the text. */
  text: rightText(10_000).nullable().optional(),
});
export type UpdateRightInput = z.infer<typeof updateRightSchema>;
