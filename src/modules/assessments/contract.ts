/**
 * The assessments API's shapes, shared by the server and the web pages (the only file of this module
 * others may import). One engine serves human rights impact assessment (ordinances and regulations,
 * public buildings, polling stations, public events) and corporate human rights management
 * (municipal enterprises, on the UN Guiding Principles): a subject is assessed with one version of a
 * template, through one workflow.
 */
import { z } from 'zod';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const trimmed = (max: number) => z.string().trim().min(1).max(max);
// A calendar date the database can store (year 0 is not one), within any plausible record: one
// pattern (leap years included), so the OpenAPI document states the whole rule.
const isoDate = z
  .string()
  .regex(
    /^(?:(?:(?:19|2\d)(?:0[48]|[2468][048]|[13579][26])|2[048]00)-02-29|(?:19|2\d)\d\d-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))$/,
    { message: 'Use a date (YYYY-MM-DD) between 1900 and 2999.' },
  )
  .meta({ format: 'date' });

export const subjectKinds = ['ordinance', 'building', 'polling_station', 'event', 'enterprise'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const steps = [
  'requested',
  'scoping',
  'assessment',
  'recommendations',
  'response',
  'revision',
  'closed',
] as const;
export type Step = (typeof steps)[number];

export const actions = [
  'start_scoping',
  'start_assessment',
  'issue_recommendations',
  'send_to_department',
  'start_revision_tracking',
  'close',
] as const;
export type Action = (typeof actions)[number];

export const responses = ['accepted', 'partly', 'rejected'] as const;
export type ResponseKind = (typeof responses)[number];

export const trainingBodies = ['council', 'task_force'] as const;

// Templates -----------------------------------------------------------------------------------

const keySchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const templateItemSchema = z.strictObject({
  key: keySchema,
  text: z.strictObject({ ko: trimmed(500), en: trimmed(500) }),
  guidance: z.strictObject({ ko: trimmed(2000), en: trimmed(2000) }),
  /** Ratings run from 0 to `scale` (e.g. 4: not met … fully met). */
  scale: z.number().int().min(1).max(10),
  evidenceRequired: z.boolean(),
  weight: z.number().positive().max(100),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateSectionSchema = z.strictObject({
  key: keySchema,
  title: z.strictObject({ ko: trimmed(200), en: trimmed(200) }),
  items: z.array(templateItemSchema).min(1).max(100),
});
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const templateInputSchema = z.strictObject({
  subjectKind: z.enum(subjectKinds),
  title: z.strictObject({ ko: trimmed(200), en: trimmed(200) }),
  sections: z.array(templateSectionSchema).min(1).max(30),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const newTemplateSchema = templateInputSchema.extend({ key: keySchema });
/** Editing writes a new version; `version` is the one the editor read (a newer one → 409). */
export const templateUpdateSchema = templateInputSchema.extend({ version: z.number().int().positive() });

export const templateSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  version: z.number().int(),
  subjectKind: z.enum(subjectKinds),
  title: bilingual,
  sections: z.array(
    z.object({
      key: z.string(),
      title: bilingual,
      items: z.array(
        z.object({
          key: z.string(),
          text: bilingual,
          guidance: bilingual,
          scale: z.number(),
          evidenceRequired: z.boolean(),
          weight: z.number(),
        }),
      ),
    }),
  ),
  createdAt: z.string(),
});
export type Template = z.infer<typeof templateSchema>;
export const templateListSchema = z.object({ templates: z.array(templateSchema) });

const named = z.object({ key: z.string(), name: bilingual });
export const templateItemFields = [
  'text',
  'guidance',
  'scale',
  'evidenceRequired',
  'weight',
  'section',
] as const;

/** What one version changed against the one before it (null for the first version). */
export const templateChangesSchema = z.object({
  titleChanged: z.boolean(),
  subjectKindChanged: z.boolean(),
  sectionsAdded: z.array(named),
  sectionsRemoved: z.array(named),
  sectionsRenamed: z.array(named),
  itemsAdded: z.array(named),
  itemsRemoved: z.array(named),
  /** Items kept under their key whose wording, scale, evidence rule, weight or section changed. */
  itemsChanged: z.array(named.extend({ fields: z.array(z.enum(templateItemFields)) })),
});
export type TemplateChanges = z.infer<typeof templateChangesSchema>;

export const templateHistorySchema = z.object({
  key: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: bilingual,
      createdAt: z.string(),
      /** Who wrote it; null for the versions the dataset loaded. */
      createdBy: z.string().nullable(),
      sectionCount: z.number().int(),
      itemCount: z.number().int(),
      changes: templateChangesSchema.nullable(),
      /** The assessments that use this version (they keep it whatever follows). */
      assessments: z.array(
        z.object({
          id: z.number().int(),
          subjectTitle: z.string(),
          year: z.number().int(),
          step: z.enum(steps),
        }),
      ),
    }),
  ),
});
export type TemplateHistory = z.infer<typeof templateHistorySchema>;

// Subjects ------------------------------------------------------------------------------------

export const subjectDetailsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ordinance'),
    number: trimmed(100),
    change: z.enum(['new', 'revised']),
    articles: z.array(z.strictObject({ number: trimmed(50), text: trimmed(5000) })).max(200),
  }),
  z.strictObject({ kind: z.literal('building'), address: trimmed(300), district: trimmed(50) }),
  z.strictObject({ kind: z.literal('polling_station'), address: trimmed(300), district: trimmed(50) }),
  z.strictObject({ kind: z.literal('event'), date: isoDate, organiser: trimmed(200) }),
  z.strictObject({ kind: z.literal('enterprise'), sector: trimmed(200) }),
]);
export type SubjectDetails = z.infer<typeof subjectDetailsSchema>;

export const newSubjectSchema = z.strictObject({
  /** The ordinance's title, the building's or event's name, the enterprise's name. */
  title: trimmed(300),
  /** The city department responsible for the subject (it answers the recommendations). */
  departmentCode: trimmed(50),
  details: subjectDetailsSchema,
});
export type NewSubject = z.infer<typeof newSubjectSchema>;

export const subjectSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  departmentCode: z.string(),
  details: subjectDetailsSchema,
  /** A sample record of `seed --demo`, for trying the UI: never one of the city's. */
  isSample: z.boolean(),
  version: z.number().int(),
});
export type Subject = z.infer<typeof subjectSchema>;

export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

// Assessments ---------------------------------------------------------------------------------

export const newAssessmentSchema = z.strictObject({
  subjectId: z.number().int().positive(),
  templateKey: keySchema,
  /** The year evaluated (corporate evaluations are yearly); defaults to the current year. */
  year: z.number().int().min(2000).max(2100).optional(),
});

export const ratingInputSchema = z.strictObject({
  itemKey: keySchema,
  /** null with `notApplicable`, or an integer from 0 to the item's scale. */
  rating: z.number().int().min(0).max(10).nullable(),
  notApplicable: z.boolean(),
  evidence: z.string().trim().max(2000),
  finding: z.string().trim().max(5000),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const ratingSchema = z.object({
  itemKey: z.string(),
  rating: z.number().int().nullable(),
  notApplicable: z.boolean(),
  evidence: z.string(),
  finding: z.string(),
});
export type Rating = z.infer<typeof ratingSchema>;

export const scoreSchema = z.object({
  /** 0–100, weighted; null when no applicable item is rated yet. */
  overall: z.number().nullable(),
  sections: z.array(z.object({ key: z.string(), score: z.number().nullable() })),
  rated: z.number().int(),
  applicable: z.number().int(),
});
export type Score = z.infer<typeof scoreSchema>;

export const recommendationSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  response: z.enum(responses).nullable(),
  reason: z.string().nullable(),
  respondedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** An uploaded evidence file (the kernel's stored file), described without its bytes. */
export const evidenceFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const itemFileParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  itemKey: keySchema.max(100),
});
export const fileParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  fileId: z.uuid(),
});

export const revisionSchema = z.object({
  id: z.number().int(),
  recommendationId: z.number().int().nullable(),
  description: z.string(),
  revisedOn: z.string(),
  evidence: z.string(),
  files: z.array(evidenceFileSchema),
});
export type Revision = z.infer<typeof revisionSchema>;

export const assessmentSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  step: z.enum(steps),
  version: z.number().int(),
  subject: subjectSchema,
  template: templateSchema,
  scope: z.string(),
  summary: z.string(),
  ratings: z.array(ratingSchema),
  /** Evidence files per checklist item (an item may have files before it is rated). */
  itemFiles: z.array(z.object({ itemKey: z.string(), files: z.array(evidenceFileSchema) })),
  score: scoreSchema,
  recommendations: z.array(recommendationSchema),
  revisions: z.array(revisionSchema),
  /** What the reader may do next (the server decides; the page only offers it). */
  allowedActions: z.array(z.enum(actions)),
  mayRate: z.boolean(),
  mayRespond: z.boolean(),
  /** Evidence files are downloaded by the office and the subject's department only. */
  mayDownload: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentRowSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  step: z.enum(steps),
  subjectId: z.number().int(),
  subjectTitle: z.string(),
  subjectKind: z.enum(subjectKinds),
  departmentCode: z.string(),
  isSample: z.boolean(),
  template: z.object({ key: z.string(), version: z.number().int(), title: bilingual }),
  createdAt: z.string(),
});
export type AssessmentRow = z.infer<typeof assessmentRowSchema>;
export const assessmentListSchema = z.object({
  assessments: z.array(assessmentRowSchema),
  subjects: z.array(subjectSchema),
});

export const subjectTimelineSchema = z.object({
  subject: subjectSchema,
  assessments: z.array(assessmentRowSchema),
});

export const transitionSchema = z.strictObject({
  action: z.enum(actions),
  version: z.number().int().positive(),
});

export const detailsUpdateSchema = z.strictObject({
  scope: z.string().trim().max(5000),
  /** The public summary: what was assessed, in plain words; shown only once the assessment is closed. */
  summary: z.string().trim().max(5000),
  version: z.number().int().positive(),
});

export const newRecommendationSchema = z.strictObject({ text: trimmed(5000) });

export const responseInputSchema = z.strictObject({
  response: z.enum(responses),
  /** Required for `partly` and `rejected`. */
  reason: z.string().trim().max(5000),
  version: z.number().int().positive(),
});

export const newRevisionSchema = z.strictObject({
  recommendationId: z.number().int().positive().nullable(),
  description: trimmed(5000),
  revisedOn: isoDate,
  evidence: trimmed(2000),
});

// Trainings -----------------------------------------------------------------------------------

export const trainingInputSchema = z.strictObject({
  body: z.enum(trainingBodies),
  title: trimmed(300),
  heldOn: isoDate,
  participants: z.number().int().min(0).max(100_000),
});
export const trainingUpdateSchema = trainingInputSchema.extend({ version: z.number().int().positive() });

export const trainingSchema = z.object({
  id: z.number().int(),
  body: z.enum(trainingBodies),
  title: z.string(),
  heldOn: z.string(),
  participants: z.number().int(),
  version: z.number().int(),
});
export type Training = z.infer<typeof trainingSchema>;

// Public --------------------------------------------------------------------------------------

export const publicSummarySchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  subjectTitle: z.string(),
  subjectKind: z.enum(subjectKinds),
  /** A sample of `seed --demo`: shown marked as such, and counted in no figure. */
  isSample: z.boolean(),
  template: z.object({ key: z.string(), version: z.number().int(), title: bilingual }),
  summary: z.string(),
  overallScore: z.number().nullable(),
  recommendations: z.array(
    z.object({ text: z.string(), response: z.enum(responses).nullable(), reason: z.string().nullable() }),
  ),
  revisions: z.array(z.object({ description: z.string(), revisedOn: z.string() })),
  closedAt: z.string(),
});
export type PublicSummary = z.infer<typeof publicSummarySchema>;

export const figureSchema = z.object({
  id: z.string(),
  label: bilingual,
  /** The seed's figure, loaded as history. */
  historical: z.number(),
  /** What the platform has tracked since (closed assessments only). */
  tracked: z.number(),
  total: z.number(),
});
export type Figure = z.infer<typeof figureSchema>;

export const publicOverviewSchema = z.object({
  figures: z.array(figureSchema),
  summaries: z.array(publicSummarySchema),
});

export const comparisonSchema = z.object({
  rows: z.array(
    z.object({
      enterprise: z.string(),
      isSample: z.boolean(),
      year: z.number().int(),
      overall: z.number().nullable(),
      sections: z.array(z.object({ key: z.string(), title: bilingual, score: z.number().nullable() })),
    }),
  ),
  trainings: z.array(trainingSchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;
