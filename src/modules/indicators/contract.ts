/**
 * The human rights indicators' API shapes, shared by the server and the web pages (the only file of
 * this module that others may import). Codes of indicators are `<area>-<n>` (`1-1`); areas are
 * numbered as Table 1 of the seed numbers them.
 */
import { z } from 'zod';
import { vocabularyIds } from '../../kernel/server/vocabularies/contract.ts';
import { smallCell } from '../../kernel/shared/statistic.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const ohchrTypes = ['structural', 'process', 'outcome'] as const;
export const indicatorKinds = ['quantitative', 'qualitative'] as const;
export const directions = ['increase', 'decrease'] as const;
export const periodicities = ['annual', 'biennial', 'irregular'] as const;
/** The catalogue's own status of an indicator (section 1.5: "being pursued" or "accomplished"). */
export const indicatorStatuses = ['achieved', 'being_pursued'] as const;

/** Open SDG's progress statuses; `not_enough_data` when the method cannot be applied. */
export const progressStatuses = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
  'not_enough_data',
] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

export const indicatorCodeSchema = z.string().regex(/^[1-9]\d*-[1-9]\d*$/);

export const tagSchema = z.object({ vocabulary: z.string(), code: z.string() });

const yearValue = z.object({ year: z.number().int(), value: z.number() });

export const progressSchema = z.object({
  status: z.enum(progressStatuses),
  /** The inputs the status was computed from (null where unknown). */
  baseline: yearValue.nullable(),
  target: yearValue.nullable(),
  latest: yearValue.nullable(),
  direction: z.enum(directions).nullable(),
  /** Open SDG's measure: the ratio of actual to required growth (with a target) or the growth rate. */
  measure: z.number().nullable(),
});
export type Progress = z.infer<typeof progressSchema>;

export const progressMethodSchema = z.object({
  /** The method in prose, for the indicator page. */
  text: bilingual,
  statuses: z.array(z.object({ status: z.enum(progressStatuses), label: bilingual, rule: bilingual })),
});

export const indicatorSummarySchema = z.object({
  code: z.string(),
  areaCode: z.string(),
  name: bilingual,
  ohchrType: z.enum(ohchrTypes).nullable(),
  kind: z.enum(indicatorKinds).nullable(),
  status: z.enum(indicatorStatuses).nullable(),
  responsibleDepartment: z.string().nullable(),
  progress: z.enum(progressStatuses),
});
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;

export const indicatorSchema = indicatorSummarySchema.extend({
  /** Implementation task: the seed counts 18 but names none, so null until staff enter one. */
  task: bilingual.nullable(),
  unit: bilingual.nullable(),
  numerator: bilingual.nullable(),
  denominator: bilingual.nullable(),
  direction: z.enum(directions).nullable(),
  dataSource: bilingual.nullable(),
  periodicity: z.enum(periodicities).nullable(),
  baseline: yearValue.nullable(),
  target: yearValue.nullable(),
  /** Validation of entered values: allowed range, and the change from last year that needs a comment. */
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  changeThresholdPercent: z.number().nullable(),
  tags: z.array(tagSchema),
  /** The disaggregation columns the indicator's data uses, in Open SDG column order. */
  disaggregations: z.array(z.string()),
  /** Section of the seed document the indicator is named in. */
  sourceSection: z.string().nullable(),
  version: z.number().int(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** An indicator's public page without its publication (see `indicatorDetailSchema` below). */
const indicatorDetailCoreSchema = z.object({
  indicator: indicatorSchema,
  area: z.object({ code: z.string(), number: z.number().int(), name: bilingual }),
  progress: progressSchema,
  progressMethod: progressMethodSchema,
  /** The values seen per disaggregation column (for the filters), and series, units, geo codes. */
  dimensionValues: z.record(z.string(), z.array(z.string())),
  series: z.array(z.string()),
  units: z.array(z.string()),
  geoCodes: z.array(z.string()),
  years: z.array(z.number().int()),
  downloads: z.object({ csv: z.string(), json: z.string() }),
});

export const areaSchema = z.object({
  code: z.string(),
  number: z.number().int(),
  name: bilingual,
  /** The count Table 1 states for the area (a figure of the seed). */
  statedIndicatorCount: z.number().int(),
  /** How many of them the published selection names (the catalogue holds only these). */
  namedIndicatorCount: z.number().int(),
  /** Counts over the catalogued indicators, from each indicator's own status (null = not known). */
  statusCounts: z.object({
    achieved: z.number().int(),
    beingPursued: z.number().int(),
    unknown: z.number().int(),
  }),
  progressCounts: z.record(z.enum(progressStatuses), z.number().int()),
  indicators: z.array(indicatorSummarySchema),
  sourceSection: z.string(),
});
export type Area = z.infer<typeof areaSchema>;

/** A figure of the whole indicator set as the seed states it (not computed from the catalogue). */
const setFigure = z.object({
  value: z.number(),
  quote: z.string(),
  section: z.string(),
  year: z.number().nullable(),
});

export const overviewSchema = z.object({
  areas: z.array(areaSchema),
  /** Section 1.5's figures of the whole set: 100 indicators, 5 areas, 18 tasks, 50 achieved, 50 pursued. */
  wholeSet: z.object({
    indicators: setFigure.nullable(),
    areas: setFigure.nullable(),
    tasks: setFigure.nullable(),
    achieved: setFigure.nullable(),
    beingPursued: setFigure.nullable(),
  }),
});
export type Overview = z.infer<typeof overviewSchema>;

export const observationSchema = z.object({
  year: z.number().int(),
  series: z.string().nullable(),
  unit: z.string().nullable(),
  geoCode: z.string().nullable(),
  /** Disaggregation column → value; a column absent means the total over it. */
  dimensions: z.record(z.string(), z.string()),
  /** Exactly as stored (a decimal string), so that no precision is lost. */
  value: z.string(),
  version: z.number().int(),
});
export type Observation = z.infer<typeof observationSchema>;

const lang = z.enum(['ko', 'en']).optional();

export const observationQuerySchema = z.strictObject({
  lang,
  fromYear: z.coerce.number().int().optional(),
  toYear: z.coerce.number().int().optional(),
  series: z.string().optional(),
  unit: z.string().optional(),
  geoCode: z.string().optional(),
  /**
   * `column=value` pairs; `column=` (empty value) asks for the total over that column. Columns not
   * named are not filtered.
   */
  dimension: z.union([z.string(), z.array(z.string())]).optional(),
  limit: z.coerce.number().int().min(1).max(50000).default(10000),
});

export const observationListSchema = z.object({
  observations: z.array(observationSchema),
  /** More observations matched than `limit`; narrow the filters or download the CSV. */
  truncated: z.boolean(),
});

/** One problem in an imported file: the line (1 = header) and the column named. */
export const importIssueSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importQuerySchema = z.strictObject({
  lang,
  /** Import the good rows and report the bad ones, instead of importing nothing. */
  skipInvalid: z.enum(['true', 'false']).optional(),
});

export const importResultSchema = z.object({
  imported: z.number().int(),
  /** The years the file held: their previous observations were replaced. */
  replacedYears: z.array(z.number().int()),
  skipped: z.array(importIssueSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

// Strict like the body around them: a key beside `ko` and `en` would be dropped unstored.
const optionalBilingual = z.strictObject({ ko: trimmed(2000), en: trimmed(2000) }).nullable();
const yearValueInput = z.strictObject({ year: z.number().int(), value: z.number() });

/** Editing an indicator's metadata (officers); names and area come from the dataset. */
export const indicatorUpdateSchema = z.strictObject({
  version: z.number().int(),
  ohchrType: z.enum(ohchrTypes).nullable(),
  kind: z.enum(indicatorKinds).nullable(),
  status: z.enum(indicatorStatuses).nullable(),
  task: optionalBilingual,
  unit: optionalBilingual,
  numerator: optionalBilingual,
  denominator: optionalBilingual,
  direction: z.enum(directions).nullable(),
  dataSource: optionalBilingual,
  periodicity: z.enum(periodicities).nullable(),
  responsibleDepartment: z.string().max(64).nullable(),
  baseline: yearValueInput.nullable(),
  target: yearValueInput.nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  changeThresholdPercent: z.number().positive().nullable(),
  tags: z.array(z.strictObject({ vocabulary: z.enum(vocabularyIds), code: z.string() })).max(50),
});
export type IndicatorUpdate = z.infer<typeof indicatorUpdateSchema>;

// The yearly cycle (Table 2 of the seed).

export const cycleSteps = [
  'targets',
  'collection',
  'assessment',
  'report',
  'complementation',
  'results',
  'closed',
] as const;
export type CycleStep = (typeof cycleSteps)[number];

export const cycleActions = [
  'start_collection',
  'start_assessment',
  'issue_report',
  'start_complementation',
  'collect_results',
  'close',
] as const;
export type CycleAction = (typeof cycleActions)[number];

export const cycleSchema = z.object({
  year: z.number().int(),
  step: z.enum(cycleSteps),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do next. */
  allowedActions: z.array(z.enum(cycleActions)),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const cycleListSchema = z.object({ cycles: z.array(cycleSchema) });
export const openCycleSchema = z.strictObject({ year: z.number().int().min(2000).max(2100) });
export const cycleTransitionSchema = z.strictObject({
  action: z.enum(cycleActions),
  version: z.number().int(),
});

// The work of each step (Table 2).

/** A year and a value, as last year's results propose them for this year's target. */
const proposal = z.object({
  target: yearValue.nullable(),
  plan: z.string().nullable(),
  latest: yearValue.nullable(),
});

/**
 * Step (1): an indicator's target and implementation plan for the cycle's year. Until the office saves
 * one (`version` 0), the values shown are the proposal drawn from the previous year's results.
 */
export const targetPlanSchema = z.object({
  code: z.string(),
  name: bilingual,
  areaCode: z.string(),
  responsibleDepartment: z.string().nullable(),
  saved: z.boolean(),
  targetValue: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  plan: z.string(),
  version: z.number().int(),
  /** Who saved it last and when (null until saved). */
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
  proposal,
});
export type TargetPlan = z.infer<typeof targetPlanSchema>;
export const targetPlanListSchema = z.object({
  year: z.number().int(),
  step: z.enum(cycleSteps),
  targets: z.array(targetPlanSchema),
});
export const targetPlanUpdateSchema = z.strictObject({
  /** The version read; 0 to save the first plan of the year. */
  version: z.number().int().min(0),
  targetValue: z.number().nullable(),
  targetYear: z.number().int().min(2000).max(2100).nullable(),
  plan: trimmed(4000),
});
export type TargetPlanUpdate = z.infer<typeof targetPlanUpdateSchema>;

/** Step (2): one breakdown of an indicator's value for a year, as the entry form shows it. */
export const entryRowSchema = z.object({
  series: z.string().nullable(),
  unit: z.string().nullable(),
  dimensions: z.record(z.string(), z.string()),
  value: z.string().nullable(),
  comment: z.string().nullable(),
  /** The observation's version; 0 when the year has no value for this breakdown yet. */
  version: z.number().int(),
  /** The same breakdown's value the year before, which a large change is measured against. */
  previous: z.string().nullable(),
  /** Who entered this year's value, and when (null before it is entered). */
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type EntryRow = z.infer<typeof entryRowSchema>;

export const valueEntrySchema = z.object({
  code: z.string(),
  name: bilingual,
  year: z.number().int(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  /** The change from last year beyond which a comment is needed (the indicator's, or the default). */
  changeThresholdPercent: z.number(),
  disaggregations: z.array(z.string()),
  /** Whether the caller may still enter this year's values. */
  writable: z.boolean(),
  rows: z.array(entryRowSchema),
});
export type ValueEntry = z.infer<typeof valueEntrySchema>;

const label = (max: number) => z.string().trim().min(1).max(max);

export const valueEntryUpdateSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        series: label(200).nullable().default(null),
        unit: label(200).nullable().default(null),
        dimensions: z.record(label(100), label(200)),
        value: z.number().nullable(),
        comment: z.string().trim().max(2000).nullable().default(null),
        version: z.number().int().min(0),
      }),
    )
    .min(1)
    .max(500),
});
export type ValueEntryUpdate = z.infer<typeof valueEntryUpdateSchema>;

export const completenessSchema = z.object({
  year: z.number().int(),
  departments: z.array(
    z.object({
      /** null: indicators that no department is responsible for yet. */
      code: z.string().nullable(),
      entered: z.number().int(),
      total: z.number().int(),
      indicators: z.array(z.object({ code: z.string(), name: bilingual, hasValue: z.boolean() })),
    }),
  ),
});
export type Completeness = z.infer<typeof completenessSchema>;

// Questionnaires of qualitative indicators (step 2).

export const questionKinds = ['likert', 'single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];
/** Fewer responses than this (but some) are shown publicly as "<5", never as a count or a mean. */
export const minimumPublicResponses = smallCell;

const bilingualInput = z.strictObject({ ko: trimmed(500), en: trimmed(500) });

/**
 * Who may answer a questionnaire: `open`, anyone with its link, once per browser and within the
 * per-address limits; `invited`, only through a personal single-use link the office hands out.
 */
export const questionnaireAccesses = ['open', 'invited'] as const;
export type QuestionnaireAccess = (typeof questionnaireAccesses)[number];

/** A personal link's token: 24 random bytes (192 bits) in base64url. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

export const questionnaireUpdateSchema = z.strictObject({
  /** The version read; 0 to create the year's questionnaire. */
  version: z.number().int().min(0),
  title: bilingualInput,
  access: z.enum(questionnaireAccesses).default('open'),
  questions: z
    .array(
      z.strictObject({
        kind: z.enum(questionKinds),
        prompt: bilingualInput,
        /** The choices of a single- or multiple-choice question (none for Likert and free text). */
        options: z.array(bilingualInput).max(20).default([]),
      }),
    )
    .min(1)
    .max(50),
});
export type QuestionnaireUpdate = z.infer<typeof questionnaireUpdateSchema>;

export const questionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(questionKinds),
  prompt: bilingual,
  options: z.array(bilingual),
});
export type Question = z.infer<typeof questionSchema>;

/** What a respondent sees through the public link. */
export const publicQuestionnaireSchema = z.object({
  code: z.string(),
  year: z.number().int(),
  title: bilingual,
  indicatorName: bilingual,
  /** Answers are taken only while the cycle collects data. */
  open: z.boolean(),
  access: z.enum(questionnaireAccesses),
  /** This browser has answered this (open) questionnaire already. */
  answered: z.boolean(),
  questions: z.array(questionSchema),
});
export type PublicQuestionnaire = z.infer<typeof publicQuestionnaireSchema>;

export const responseSchema = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        question: z.number().int(),
        value: z.union([z.number().int(), z.array(z.number().int()).max(20), z.string().trim().max(2000)]),
      }),
    )
    .max(50),
});
export type ResponseInput = z.infer<typeof responseSchema>;

/** An answer to an `invited` questionnaire: the personal link's token with the answers. */
export const invitedResponseSchema = z.strictObject({
  invitation: invitationTokenSchema,
  answers: responseSchema.shape.answers,
});
export type InvitedResponseInput = z.infer<typeof invitedResponseSchema>;

/** How many personal links the office hands out at once. */
export const maximumInvitations = 1000;

export const invitationIssueSchema = z.strictObject({
  count: z.number().int().min(1).max(maximumInvitations),
});

/** The links just issued: shown once, never again (only their hashes are kept). */
export const issuedInvitationsSchema = z.object({
  links: z.array(z.object({ token: z.string(), link: z.string() })),
});
export type IssuedInvitations = z.infer<typeof issuedInvitationsSchema>;

/** One unused link to revoke (its token, or the whole link), or null for every unused one. */
export const invitationRevokeSchema = z.strictObject({
  invitation: z.string().trim().min(1).max(500).nullable(),
});

export const invitationCountsSchema = z.object({
  issued: z.number().int(),
  used: z.number().int(),
  unused: z.number().int(),
  revoked: z.number().int(),
});
export type InvitationCounts = z.infer<typeof invitationCountsSchema>;

/**
 * The aggregate of one question: for Likert the mean and the count per score, for a choice the count
 * per option. `suppressed`: one to four answers, so the public sees "<5" and no numbers (none is 0).
 */
export const questionResultSchema = z.object({
  id: z.number().int(),
  kind: z.enum(questionKinds),
  prompt: bilingual,
  answered: z.number().int().nullable(),
  suppressed: z.boolean(),
  mean: z.number().nullable(),
  counts: z.array(z.object({ label: bilingual, count: z.number().int().nullable() })),
  /** Free-text answers, for staff only. */
  texts: z.array(z.string()),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const questionnaireResultsSchema = z.object({
  code: z.string(),
  year: z.number().int(),
  title: bilingual,
  /** null when suppressed (one to four); 0 when nobody has answered. */
  responses: z.number().int().nullable(),
  suppressed: z.boolean(),
  questions: z.array(questionResultSchema),
});
export type QuestionnaireResults = z.infer<typeof questionnaireResultsSchema>;

/** The staff view: the questionnaire, its public link and its unsuppressed results. */
export const questionnaireSchema = z.object({
  code: z.string(),
  year: z.number().int(),
  title: bilingual,
  token: z.string(),
  link: z.string(),
  open: z.boolean(),
  access: z.enum(questionnaireAccesses),
  /** The personal links issued so far (`invited`), by state. */
  invitations: invitationCountsSchema,
  version: z.number().int(),
  questions: z.array(questionSchema),
  results: questionnaireResultsSchema,
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

// Steps (3) to (6): self-assessment, the report and the committee's comments, complementation, and
// corrections of a closed year.

export const assessmentSchema = z.object({
  areaCode: z.string(),
  name: bilingual,
  score: z.number().int().nullable(),
  narrative: z.string().nullable(),
  /** 0 until the area's assessment is first saved. */
  version: z.number().int(),
  /** Who saved it last and when (null until saved). */
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export const assessmentListSchema = z.object({
  year: z.number().int(),
  step: z.enum(cycleSteps),
  areas: z.array(assessmentSchema),
});
export const assessmentUpdateSchema = z.strictObject({
  version: z.number().int().min(0),
  /** 1 (far from the targets) to 5 (all achieved). */
  score: z.number().int().min(1).max(5),
  narrative: trimmed(8000),
});
export type AssessmentUpdate = z.infer<typeof assessmentUpdateSchema>;

/** Something staff wrote, with who wrote it and when. */
export const authoredTextSchema = z.object({
  id: z.number().int(),
  body: z.string(),
  author: z.string(),
  createdAt: z.string(),
});

export const reportCommentSchema = z.object({
  id: z.number().int(),
  body: z.string(),
  createdAt: z.string(),
  /** Whether the caller wrote it (authors are not named to other readers). */
  mine: z.boolean(),
  /** The Human Rights Office's answers, oldest first. */
  answers: z.array(authoredTextSchema),
});
export const reportSchema = z.object({
  year: z.number().int(),
  step: z.enum(cycleSteps),
  /** The report as an HTML fragment (headings from h2), generated from the data in the request's language. */
  html: z.string(),
  comments: z.array(reportCommentSchema),
  /** Whether the caller may comment now (the committee and the office, while the cycle is at the report). */
  mayComment: z.boolean(),
  /** Whether the caller may answer the comments now (the office, from the report until the year closes). */
  mayAnswer: z.boolean(),
});
export type Report = z.infer<typeof reportSchema>;
export const reportCommentInputSchema = z.strictObject({ body: trimmed(4000) });
export const commentAnswerInputSchema = z.strictObject({ answer: trimmed(4000) });

/** The statuses an action is moved to; `cancelled` is reached only by cancelling, with a reason. */
export const actionStatuses = ['planned', 'in_progress', 'done'] as const;
export const actionStates = [...actionStatuses, 'cancelled'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const actionSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  indicatorCode: z.string(),
  description: z.string(),
  ownerDepartment: z.string(),
  dueDate: z.string(),
  status: z.enum(actionStates),
  version: z.number().int(),
  /** Past its due date (in the city) and neither done nor cancelled. */
  overdue: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  /** Why, who and when, once cancelled. */
  cancellation: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  /** Progress notes, oldest first. */
  notes: z.array(authoredTextSchema),
  /** Whether it may still change: not cancelled, and not done once its year has closed. */
  continues: z.boolean(),
});
export type Action = z.infer<typeof actionSchema>;
export const actionListSchema = z.object({ year: z.number().int(), actions: z.array(actionSchema) });
export const actionCreateSchema = z.strictObject({
  indicatorCode: indicatorCodeSchema,
  description: trimmed(2000),
  ownerDepartment: trimmed(64),
  dueDate: isoDate,
});
export type ActionCreate = z.infer<typeof actionCreateSchema>;
export const actionUpdateSchema = z.strictObject({
  version: z.number().int(),
  status: z.enum(actionStatuses),
  /** The office may also change what and when; the owner department only the status. */
  description: trimmed(2000).optional(),
  dueDate: isoDate.optional(),
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;
export const actionCancelSchema = z.strictObject({ version: z.number().int(), reason: trimmed(2000) });
export type ActionCancel = z.infer<typeof actionCancelSchema>;
export const actionNoteInputSchema = z.strictObject({ body: trimmed(4000) });

/**
 * What a cycle still lacks, as the office is asked to confirm moving on: each kind of gap of the
 * current step and the ones before it, with how many are missing of how many, and which.
 */
export const cycleGapKinds = [
  'targets_missing',
  'values_missing',
  'questionnaires_missing',
  'questionnaires_open',
  'questionnaires_not_aggregated',
  'assessments_missing',
  'comments_unanswered',
  'actions_missing',
  'actions_unfinished',
] as const;
export const cycleGapsSchema = z.object({
  year: z.number().int(),
  step: z.enum(cycleSteps),
  gaps: z.array(
    z.object({
      kind: z.enum(cycleGapKinds),
      missing: z.number().int(),
      total: z.number().int(),
      /** The indicators, areas or actions concerned (codes, area codes, action ids). */
      items: z.array(z.string()),
    }),
  ),
});
export type CycleGaps = z.infer<typeof cycleGapsSchema>;

/**
 * Step (6), the collection of results: per indicator its target, the year's final value and the one
 * before, and the implementation results of the year's actions.
 */
export const cycleResultsSchema = z.object({
  year: z.number().int(),
  step: z.enum(cycleSteps),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: bilingual,
      target: z.object({ value: z.number(), year: z.number().int().nullable() }).nullable(),
      value: z.number().nullable(),
      previous: z.object({ year: z.number().int(), value: z.number() }).nullable(),
      progress: z.enum(progressStatuses),
    }),
  ),
  actionCounts: z.record(z.enum(actionStates), z.number().int()),
  actions: z.array(actionSchema),
});
export type CycleResults = z.infer<typeof cycleResultsSchema>;

export const correctionInputSchema = z.strictObject({
  year: z.number().int().min(1900).max(2100),
  series: label(200).nullable().default(null),
  unit: label(200).nullable().default(null),
  dimensions: z.record(label(100), label(200)),
  value: z.number(),
  reason: trimmed(2000),
  /** The version of the observation corrected; 0 when the year had no value for it. */
  version: z.number().int().min(0),
});
export type CorrectionInput = z.infer<typeof correctionInputSchema>;
export const correctionSchema = z.object({
  year: z.number().int(),
  series: z.string().nullable(),
  unit: z.string().nullable(),
  dimensions: z.record(z.string(), z.string()),
  oldValue: z.string().nullable(),
  newValue: z.string(),
  reason: z.string(),
  correctedAt: z.string(),
  /** The day of the correction in the city (YYYY-MM-DD). */
  date: z.string(),
  /** The note published beside the corrected value: the date, the old value and the reason. */
  note: bilingual,
});
export type Correction = z.infer<typeof correctionSchema>;
export const correctionListSchema = z.object({ corrections: z.array(correctionSchema) });

// Publication: a closed year's results, public (the self-assessment, the committee's comments on the
// report, the complementation actions with their state, and the year's values).

export const publishedActionSchema = z.object({
  year: z.number().int(),
  indicatorCode: z.string(),
  indicatorName: bilingual,
  description: z.string(),
  ownerDepartment: z.string(),
  /** The owner department's name, when the vocabulary has it. */
  ownerDepartmentName: bilingual.nullable(),
  dueDate: z.string(),
  status: z.enum(actionStates),
});
export type PublishedAction = z.infer<typeof publishedActionSchema>;
export const publishedResultsSchema = z.object({
  year: z.number().int(),
  closedAt: z.string(),
  assessments: z.array(
    z.object({ areaCode: z.string(), name: bilingual, score: z.number().int(), narrative: z.string() }),
  ),
  /** The citizen committee's comments on the report, as written (authors are not named). */
  committeeComments: z.array(z.object({ body: z.string(), createdAt: z.string() })),
  actions: z.array(publishedActionSchema),
  /** Each indicator's headline value of the year, as published (null: none for the year). */
  values: z.array(
    z.object({ code: z.string(), name: bilingual, areaCode: z.string(), value: z.number().nullable() }),
  ),
});
export type PublishedResults = z.infer<typeof publishedResultsSchema>;
export const publishedYearListSchema = z.object({
  years: z.array(z.object({ year: z.number().int(), closedAt: z.string() })),
});
export type PublishedYearList = z.infer<typeof publishedYearListSchema>;

export const indicatorDetailSchema = indicatorDetailCoreSchema.extend({
  /** Corrections of closed years' values, each with its note (date, old value, reason). */
  corrections: z.array(correctionSchema),
  /** The complementation actions for this indicator in published (closed) years, with their state. */
  publishedActions: z.array(publishedActionSchema),
});
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
