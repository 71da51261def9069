/**
 * The plan module's requests and answers (Zod), shared by its server and its web pages; the only file
 * of the module another module may import.
 */
import { z } from 'zod';
import { tagsInputSchema } from '../../kernel/server/vocabularies/contract.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const text = (max: number) => z.string().trim().min(1).max(max);
const bilingualInput = (max: number) => z.strictObject({ ko: text(max), en: text(max) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const taskCodePattern = /^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/;
export const indicatorCodePattern = /^[1-9]\d*-[1-9]\d*$/;
export const yearSchema = z.coerce.number().int().min(2000).max(2100);
/** The vocabularies a task is tagged with directly; departments come from its lead and cooperators. */
export const taskTagVocabularies = ['rights', 'target-groups', 'sdg-targets'] as const;

export const milestoneSchema = z.strictObject({ date: isoDate, ko: text(300), en: text(300) });
export type MilestoneInput = z.infer<typeof milestoneSchema>;

export const taskFieldsSchema = z.strictObject({
  code: z.string().regex(taskCodePattern, 'letters, digits, dots and hyphens (e.g. 1-2-3)'),
  /** The parent task's code in the same year, or null for a top-level task. */
  parentCode: z.string().regex(taskCodePattern).nullable(),
  areaCode: z.string().min(1).max(64).nullable(),
  title: bilingualInput(300),
  description: bilingualInput(10_000).nullable(),
  leadDepartment: z.string().min(1).max(64),
  cooperatingDepartments: z.array(z.string().min(1).max(64)).max(30),
  /** Korean won. */
  budgetPlanned: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  target: bilingualInput(2000).nullable(),
  weight: z.number().positive().max(1000),
  milestones: z.array(milestoneSchema).max(50),
  indicatorCodes: z.array(z.string().regex(indicatorCodePattern, 'an indicator code such as 1-1')).max(50),
  isPublic: z.boolean(),
  tags: tagsInputSchema,
});
export type TaskFields = z.infer<typeof taskFieldsSchema>;

export const createTaskSchema = taskFieldsSchema.extend({ year: z.number().int().min(2000).max(2100) });
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = taskFieldsSchema.extend({
  /** The version the editor read; a change made meanwhile makes this a 409. */
  version: z.number().int().min(1),
});
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

export const reportStates = ['submitted', 'accepted', 'returned'] as const;

/** An evidence file as the kernel's stored files describe it (no bytes; the web must not import the server's). */
export const reportFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});

export const taskSummarySchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  code: z.string(),
  parentId: z.number().int().nullable(),
  areaCode: z.string().nullable(),
  title: bilingual,
  leadDepartment: z.string(),
  cooperatingDepartments: z.array(z.string()),
  budgetPlanned: z.number().nullable(),
  /** From the latest accepted report; null until one says. */
  budgetExecuted: z.number().nullable(),
  /** Rolled up from the children for a parent; the latest accepted report's for a leaf. */
  progress: z.number(),
  /** The status of the latest accepted report, or null. */
  statusCode: z.string().nullable(),
  weight: z.number(),
  childCount: z.number().int(),
  isPublic: z.boolean(),
  isSample: z.boolean(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const periodSchema = z.object({ code: z.string(), startsOn: z.string(), endsOn: z.string() });

export const reportSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  revision: z.number().int(),
  state: z.enum(reportStates),
  statusCode: z.string(),
  progress: z.number().int(),
  narrative: z.string(),
  budgetExecuted: z.number().nullable(),
  nextSteps: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  /** Evidence files, in the order attached (a resubmission starts with the returned revision's). */
  files: z.array(reportFileSchema),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
});
export type Report = z.infer<typeof reportSchema>;
export type ReportFile = z.infer<typeof reportFileSchema>;
/** As many files as links a report takes: evidence, not an archive. */
export const maxReportFiles = 20;

export const commentSchema = z.object({
  id: z.number().int(),
  answerTo: z.number().int().nullable(),
  authorRole: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;

export const taskDetailSchema = taskSummarySchema.extend({
  description: bilingual.nullable(),
  target: bilingual.nullable(),
  milestones: z.array(milestoneSchema),
  indicatorCodes: z.array(z.string()),
  tags: tagsInputSchema,
  parentCode: z.string().nullable(),
  version: z.number().int(),
  /** Every revision of every report, newest first. */
  reports: z.array(reportSchema),
  periods: z.array(periodSchema.extend({ state: z.enum(reportStates).nullable(), overdue: z.boolean() })),
  comments: z.array(commentSchema),
  may: z.object({ edit: z.boolean(), report: z.boolean(), review: z.boolean(), comment: z.boolean() }),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const taskListSchema = z.object({ year: z.number().int(), tasks: z.array(taskSummarySchema) });

export const reportInputSchema = z.strictObject({
  period: z.string().min(1).max(16),
  statusCode: z.string().min(1).max(64),
  narrative: text(10_000),
  budgetExecuted: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  nextSteps: z.string().trim().max(5000).nullable(),
  evidenceLinks: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const reviewInputSchema = z.strictObject({
  decision: z.enum(['accept', 'return']),
  /** Required when returning: what the department must change. */
  comment: z.string().trim().max(5000).nullable(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const commentInputSchema = z.strictObject({
  body: text(5000),
  /** The comment this answers (the office answers the committee). */
  answerTo: z.number().int().positive().nullable(),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const statusSchema = z.object({
  code: z.string(),
  name: bilingual,
  progress: z.number().int(),
  sortOrder: z.number().int(),
  /** 0 for a default that no one has changed yet. */
  version: z.number().int(),
});
export type Status = z.infer<typeof statusSchema>;
export const statusListSchema = z.object({ statuses: z.array(statusSchema) });

export const statusInputSchema = z.strictObject({
  name: bilingualInput(100),
  progress: z.number().int().min(0).max(100),
  sortOrder: z.number().int().min(0).max(1000),
  /** The version read; 0 to add a status (or to change a default for the first time). */
  version: z.number().int().min(0),
});
export type StatusInput = z.infer<typeof statusInputSchema>;

export const yearSettingsSchema = z.object({
  year: z.number().int(),
  periodsPerYear: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(12)]),
  review: bilingual.nullable(),
  /** 0 while the year has only the defaults. */
  version: z.number().int(),
  periods: z.array(periodSchema),
  comments: z.array(commentSchema),
});
export type YearSettings = z.infer<typeof yearSettingsSchema>;

export const yearSettingsInputSchema = z.strictObject({
  periodsPerYear: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(12)]),
  review: bilingualInput(20_000).nullable(),
  version: z.number().int().min(0),
});
export type YearSettingsInput = z.infer<typeof yearSettingsInputSchema>;

export const overdueListSchema = z.object({
  year: z.number().int(),
  departments: z.array(
    z.object({
      code: z.string(),
      name: bilingual,
      items: z.array(
        z.object({ taskId: z.number().int(), code: z.string(), title: bilingual, period: periodSchema }),
      ),
    }),
  ),
});

const figureSchema = z.object({
  key: z.string(),
  value: z.number(),
  section: z.string(),
  quote: z.string(),
});

export const plansSchema = z.object({
  plans: z.array(
    z.object({
      code: z.string(),
      edition: z.number().int(),
      name: bilingual,
      startYear: z.number().int(),
      endYear: z.number().int(),
      established: z.string(),
      basis: bilingual,
      sourceSection: z.string(),
      note: z.string().nullable(),
      areas: z.array(
        z.object({
          code: z.string(),
          number: z.number().int(),
          name: bilingual,
          note: z.string().nullable(),
        }),
      ),
      figures: z.array(figureSchema),
    }),
  ),
  /** Action-plan years with public tasks. */
  years: z.array(z.number().int()),
});
export type Plans = z.infer<typeof plansSchema>;

const progressGroupSchema = z.object({
  code: z.string(),
  name: bilingual,
  taskCount: z.number().int(),
  progress: z.number(),
  budgetPlanned: z.number(),
  budgetExecuted: z.number(),
});
export type ProgressGroup = z.infer<typeof progressGroupSchema>;

export const publicYearSchema = z.object({
  year: z.number().int(),
  basicPlan: z.object({ code: z.string(), name: bilingual }).nullable(),
  taskCount: z.number().int(),
  /** The mean progress of the top-level tasks, each weighted. */
  progress: z.number(),
  budgetPlanned: z.number(),
  budgetExecuted: z.number(),
  byArea: z.array(progressGroupSchema),
  byDepartment: z.array(progressGroupSchema),
  tasks: z.array(taskSummarySchema.omit({ isPublic: true })),
  /** The names of the tasks' lead departments, by code. */
  departmentNames: z.record(z.string(), bilingual),
  areaNames: z.record(z.string(), bilingual),
  statuses: z.array(statusSchema),
});
export type PublicYear = z.infer<typeof publicYearSchema>;

export const publicTaskSchema = taskSummarySchema.omit({ isPublic: true }).extend({
  description: bilingual.nullable(),
  target: bilingual.nullable(),
  indicatorCodes: z.array(z.string()),
  areaName: bilingual.nullable(),
  departmentNames: z.record(z.string(), bilingual),
  /** Milestones and accepted reports, oldest first. */
  timeline: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['milestone', 'report']),
      label: bilingual,
      period: z.string().nullable(),
      progress: z.number().nullable(),
      statusCode: z.string().nullable(),
    }),
  ),
  children: z.array(taskSummarySchema.pick({ id: true, code: true, title: true, progress: true })),
  statuses: z.array(statusSchema),
});
export type PublicTask = z.infer<typeof publicTaskSchema>;

export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });
export type ImportResult = z.infer<typeof importResultSchema>;

/** The columns of the task file (CSV and .xlsx), in order; the last three are written, never read. */
export const taskFileColumns = [
  'code',
  'parent_code',
  'area',
  'title_ko',
  'title_en',
  'description_ko',
  'description_en',
  'lead_department',
  'cooperating_departments',
  'budget_planned',
  'target_ko',
  'target_en',
  'weight',
  'milestones',
  'indicators',
  'rights',
  'target_groups',
  'sdg_targets',
  'is_public',
  'status',
  'progress',
  'budget_executed',
] as const;
