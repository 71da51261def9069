/**
 * The human rights indicators' API shapes, shared by the server and the web pages (the only file of
 * this module that others may import). Codes of indicators are `<area>-<n>` (`1-1`); areas are
 * numbered as Table 1 of the seed numbers them.
 */
import { z } from 'zod';
import { vocabularyIds } from '../../kernel/server/vocabularies/contract.ts';

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

export const indicatorDetailSchema = z.object({
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
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

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

const optionalBilingual = z.object({ ko: trimmed(2000), en: trimmed(2000) }).nullable();

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
  baseline: yearValue.nullable(),
  target: yearValue.nullable(),
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
