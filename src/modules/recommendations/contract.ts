/**
 * The register of recommendations: requests and answers shared by the server and the web app (and the
 * only file other modules may import). One record per recommendation, whatever issued it, with one
 * life (see `server/workflow.ts`).
 */
import { z } from 'zod';
import { tagsInputSchema } from '../../kernel/server/vocabularies/contract.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
const version = z.number().int().min(1);
const departmentCode = z.string().trim().min(1).max(64);

/** Who issued a recommendation. */
export const sourceKinds = [
  'ombudsman',
  'committee',
  'joint_meeting',
  'roundtable',
  'assessment',
  'un',
] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const recommendationStatuses = [
  'issued',
  'answered',
  'implementing',
  'implemented',
  'closed',
] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

export const recommendationActions = [
  'answer',
  'start_implementation',
  'report_progress',
  'complete',
  'close',
] as const;
export type RecommendationAction = (typeof recommendationActions)[number];

/** A department's answer to its part. */
export const answers = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type Answer = (typeof answers)[number];

/** Why a recommendation was closed without being implemented. */
export const closeReasons = ['not_accepted', 'superseded', 'withdrawn', 'no_longer_applicable'] as const;
export type CloseReason = (typeof closeReasons)[number];

/** The UN's mechanisms: the Universal Periodic Review, the treaty bodies, the special procedures. */
export const unMechanisms = ['upr', 'treaty_body', 'special_procedure'] as const;
export type UnMechanism = (typeof unMechanisms)[number];

/** Whom a UN recommendation addresses: the city itself, or Korea (followed by the city by choice). */
export const unAddressees = ['city', 'korea'] as const;
export type UnAddressee = (typeof unAddressees)[number];

/**
 * What a UN recommendation carries beyond the register's fields (`source.kind = 'un'`): mechanism,
 * body, document symbol and paragraph (together its key), and the text as the UN issued it.
 */
export const unDetailsSchema = z.strictObject({
  mechanism: z.enum(unMechanisms),
  /** As the UN names it: `CERD`, `CRC`, `UPR`, a special rapporteur's mandate. */
  body: trimmed(300),
  /** The document symbol, e.g. `A/HRC/40/9`. */
  symbol: trimmed(100),
  /** The paragraph, e.g. `132.45`. */
  paragraph: trimmed(30),
  /** A BCP 47 language tag: `en`, `fr`, `es` … */
  originalLanguage: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  originalText: trimmed(20000),
  addressedTo: z.enum(unAddressees),
  /** The UPR cycle or session, or the treaty body's reporting cycle, as the UN names it. */
  cycle: trimmed(100).nullable(),
  year: z.number().int().min(1945).max(2200).nullable(),
});
export type UnDetails = z.infer<typeof unDetailsSchema>;

/** As read: the details, and the OHCHR Universal Human Rights Index's identifier if imported from it. */
export const unDetailsReadSchema = unDetailsSchema.extend({ annotationId: z.string().nullable() });
export type UnDetailsRead = z.infer<typeof unDetailsReadSchema>;

/** What an import of UN recommendations did: rows added, and rows already in the register (kept). */
export const unImportResultSchema = z.object({
  created: z.number().int(),
  existing: z.number().int(),
});
export type UnImportResult = z.infer<typeof unImportResultSchema>;

const textInput = z.strictObject({ ko: trimmed(5000), en: trimmed(5000) });
const sourceInput = z.strictObject({
  kind: z.enum(sourceKinds),
  /** Where the recommendation comes from, as a person finds it: a decision, minutes, a UN document. */
  reference: trimmed(500),
});

const recordFields = {
  source: sourceInput,
  text: textInput,
  departments: z.array(departmentCode).min(1).max(20),
  issuedOn: isoDate,
  answerDue: isoDate.nullable(),
  implementationDue: isoDate.nullable(),
  isPublic: z.boolean(),
  tags: tagsInputSchema.default([]),
  /** Only with `source.kind = 'un'` (and then it is public: UN recommendations always are). */
  un: unDetailsSchema.nullable().optional(),
};

export const recommendationInputSchema = z.strictObject(recordFields);
export type RecommendationInput = z.infer<typeof recommendationInputSchema>;

export const recommendationUpdateSchema = z.strictObject({ ...recordFields, version });
export type RecommendationUpdate = z.infer<typeof recommendationUpdateSchema>;

/** One step of the life; the server's transition table decides whether it is allowed. */
export const transitionInputSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('answer'),
    version,
    /** The part answered: the caller's own department (an officer records it for a department). */
    departmentCode,
    answer: z.enum(answers),
    reasons: trimmed(5000),
  }),
  z.strictObject({ action: z.literal('start_implementation'), version, note: trimmed(5000).optional() }),
  z.strictObject({
    action: z.literal('report_progress'),
    version,
    departmentCode: departmentCode.optional(),
    note: trimmed(5000),
  }),
  z.strictObject({ action: z.literal('complete'), version, note: trimmed(5000) }),
  z.strictObject({
    action: z.literal('close'),
    version,
    reason: z.enum(closeReasons),
    note: trimmed(5000).optional(),
  }),
]);
export type TransitionInput = z.infer<typeof transitionInputSchema>;

const filters = {
  source: z.enum(sourceKinds).optional(),
  department: departmentCode.optional(),
  status: z.enum(recommendationStatuses).optional(),
  /** UN recommendations of one mechanism (implies `source=un`). */
  mechanism: z.enum(unMechanisms).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  /** Linked to this action-plan task (its id) or indicator (its code): those pages link back. */
  task: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .optional(),
  indicator: z.string().trim().min(1).max(64).optional(),
  /** Tagged with this term of the kernel's `rights` / `target-groups` vocabulary. */
  right: z.string().trim().min(1).max(64).optional(),
  targetGroup: z.string().trim().min(1).max(64).optional(),
  /** Tagged with this SDG goal or one of its targets. */
  sdg: z.coerce.number().int().min(1).max(17).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  lang: z.enum(['ko', 'en']).optional(),
};
export const listQuerySchema = z.strictObject(filters);
export type ListQuery = z.infer<typeof listQuerySchema>;

export const departmentPartSchema = z.object({
  code: z.string(),
  name: bilingual,
  /** Null: not answered yet, or, for a historical record, not recorded. */
  answer: z.enum(answers).nullable(),
  reasons: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const timelineEventSchema = z.object({
  action: z.enum(['issue', ...recommendationActions]),
  fromStatus: z.enum(recommendationStatuses).nullable(),
  toStatus: z.enum(recommendationStatuses),
  departmentCode: z.string().nullable(),
  answer: z.enum(answers).nullable(),
  reason: z.enum(closeReasons).nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

const summaryFields = {
  id: z.string(),
  source: z.object({
    kind: z.enum(sourceKinds),
    reference: z.string(),
    /** For a historical record: the words of its source that show it. */
    citation: z.string().nullable(),
    /** For a historical record: the section of the seed document. */
    section: z.string().nullable(),
  }),
  text: bilingual,
  departments: z.array(departmentPartSchema),
  /** Null: the date is not recorded (a historical recommendation). */
  issuedOn: z.string().nullable(),
  answerDue: z.string().nullable(),
  implementationDue: z.string().nullable(),
  historical: z.boolean(),
  isPublic: z.boolean(),
  status: z.enum(recommendationStatuses),
  closedReason: z.enum(closeReasons).nullable(),
  version: z.number().int(),
  /** A UN recommendation's mechanism, body, symbol, paragraph and original text; null for others. */
  un: unDetailsReadSchema.nullable(),
};

export const recommendationSummarySchema = z.object(summaryFields);
export type RecommendationSummary = z.infer<typeof recommendationSummarySchema>;

export const recommendationListSchema = z.object({
  items: z.array(recommendationSummarySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type RecommendationList = z.infer<typeof recommendationListSchema>;

/** A tag as read: the term and its name, for a link to the term's page. */
export const tagSchema = z.object({ vocabulary: z.string(), code: z.string(), name: bilingual });

export const recommendationSchema = z.object({
  ...summaryFields,
  tags: z.array(tagSchema),
  timeline: z.array(timelineEventSchema),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** What staff read: the record and the steps the caller may take now. */
/**
 * The ombudsman publishes an ombudsman's recommendation as an anonymised summary they write: the public
 * read the summary instead of the text, and no case identifier or name.
 */
export const publishSummaryInputSchema = z.strictObject({ version, summary: textInput });
export type PublishSummaryInput = z.infer<typeof publishSummaryInputSchema>;

export const staffRecommendationSchema = recommendationSchema.extend({
  /** The record it came from, when a module issued it (`/committees/meetings/…`). */
  sourcePath: z.string().nullable(),
  /** Whether publication follows the source's rule (minutes published, the ombudsman's summary), not the form. */
  publicBySource: z.boolean(),
  /** The ombudsman's published summary (an ombudsman's recommendation), as the public read it. */
  publicSummary: bilingual.nullable(),
  /** Whether the caller may publish the summary (an ombudsman, on an ombudsman's recommendation). */
  canPublishSummary: z.boolean(),
  allowedActions: z.array(z.enum(recommendationActions)),
  /** The departments whose part the caller may answer now. */
  answerableDepartments: z.array(z.string()),
});
export type StaffRecommendation = z.infer<typeof staffRecommendationSchema>;

export const transitionResultSchema = z.object({
  status: z.enum(recommendationStatuses),
  version: z.number().int(),
});

// Traceability (issue 16, item 4): the action-plan tasks that implement a recommendation and the
// indicators that measure it, and one timeline from its issue to its closing.

/** The kinds of record a recommendation links to, each another module's (`plan`, `indicators`). */
export const linkTypes = ['task', 'indicator'] as const;
export type LinkType = (typeof linkTypes)[number];

/** The whole set of links, replacing the one before (send the version you read). */
export const linksInputSchema = z.strictObject({
  version,
  /** Action-plan task ids. */
  tasks: z.array(z.string().regex(/^[1-9]\d{0,9}$/)).max(50),
  /** Indicator codes. */
  indicators: z.array(z.string().trim().min(1).max(64)).max(50),
});
export type LinksInput = z.infer<typeof linksInputSchema>;

export const linkSchema = z.object({
  type: z.enum(linkTypes),
  id: z.string(),
  title: bilingual,
  /** The linked record's page. */
  path: z.string(),
});
export type Link = z.infer<typeof linkSchema>;

export const traceEntrySchema = z.object({
  /** `YYYY-MM-DD` in the city's zone; an indicator's value is for a year (`YYYY`). */
  date: z.string(),
  kind: z.enum(['issue', ...recommendationActions, 'task_report', 'indicator_value']),
  /** The register's own step (issued, answered, …, closed); null for a linked record's event. */
  event: timelineEventSchema.nullable(),
  /** The linked task or indicator the event belongs to; null for the register's own step. */
  link: linkSchema.nullable(),
  /** What a linked record's event says; null for the register's own step. */
  label: bilingual.nullable(),
});
export type TraceEntry = z.infer<typeof traceEntrySchema>;

export const traceSchema = z.object({
  links: z.array(linkSchema),
  /** Oldest first: issued, answered, progress reports of linked tasks, indicator values since, closed. */
  timeline: z.array(traceEntrySchema),
});
export type Trace = z.infer<typeof traceSchema>;

// Statistics (issue 16, item 5), over public recommendations only.

export const statisticsRowSchema = z.object({
  /** A source kind or a department code; `all` for the total. */
  key: z.string(),
  name: bilingual,
  records: z.number().int(),
  /** Historical records whose answers and outcome were never recorded: left out of the shares. */
  notRecorded: z.number().int(),
  /** Department parts (each addressed department answers its own) of the recorded records. */
  parts: z.number().int(),
  answeredParts: z.number().int(),
  accepted: z.number().int(),
  partlyAccepted: z.number().int(),
  notAccepted: z.number().int(),
  implemented: z.number().int(),
  /** Accepted parts in answered parts, in percent (one decimal); null: nothing answered yet. */
  shareAccepted: z.number().nullable(),
  /** Implemented recommendations in the recorded ones, in percent; null: none recorded. */
  shareImplemented: z.number().nullable(),
  /** Median days from issue to answer over answered parts with both dates; null: none recorded. */
  medianDaysToAnswer: z.number().nullable(),
  /** How many answers the median is taken over. */
  answersWithDates: z.number().int(),
});
export type StatisticsRow = z.infer<typeof statisticsRowSchema>;

export const statisticsSchema = z.object({
  total: statisticsRowSchema,
  bySource: z.array(statisticsRowSchema),
  byDepartment: z.array(statisticsRowSchema),
});
export type Statistics = z.infer<typeof statisticsSchema>;
