/**
 * The education module's requests and answers, shared by the server and the web app (and the only
 * file other modules may import).
 */
import { z } from 'zod';
import { tagsInputSchema } from '../../kernel/server/vocabularies/contract.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const bilingualInput = (max: number) =>
  z.strictObject({ ko: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const groupCodeSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      // Date rolls 2024-04-31 over to May 1st: a real date reads back as written.
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= '1900';
    },
    { message: 'not a calendar date' },
  );

/** A target group of Table 3, with its types of class as the table gives them. */
export const groupSchema = z.object({
  code: z.string(),
  name: bilingual,
  classTypes: bilingual,
  sourceSection: z.string(),
});
export type Group = z.infer<typeof groupSchema>;

/** Participants of one group in one year: as the seed reports them, or summed from recorded sessions. */
export const participantsRowSchema = z.object({
  year: z.number().int(),
  groupCode: z.string(),
  participants: z.number().int(),
  /** `Table 3` (or another section of the seed) when reported, `sessions` when summed from sessions. */
  source: z.string(),
  /** The figure of `figures.csv` that states it, when reported. */
  figureId: z.string().nullable(),
});
export type ParticipantsRow = z.infer<typeof participantsRowSchema>;

/**
 * A year's coverage: participants ÷ population. The rate computed from the recorded numbers and the
 * rate the seed states are both given: they may differ by rounding (18.52% computed, 18.5% stated).
 */
export const coverageYearSchema = z.object({
  year: z.number().int(),
  participants: z.number().int().nullable(),
  participantsSource: z.enum(['reported', 'groups', 'sessions']).nullable(),
  participantsFigure: z.string().nullable(),
  population: z.number().int().nullable(),
  populationFigure: z.string().nullable(),
  /** Percent, to two decimals; null without a population or participants. */
  computedRate: z.number().nullable(),
  statedRate: z.number().nullable(),
  statedRateFigure: z.string().nullable(),
  note: z.string().nullable(),
  /** For editing the population (0 when none is recorded). */
  populationVersion: z.number().int(),
});
export type CoverageYear = z.infer<typeof coverageYearSchema>;

export const programmeSummarySchema = z.object({
  id: z.string(),
  groupCode: z.string(),
  title: bilingual,
  summary: bilingual.nullable(),
  isPublic: z.boolean(),
  sessionCount: z.number().int(),
  participants: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

export const overviewSchema = z.object({
  groups: z.array(groupSchema),
  /** Table 3 of the seed, in its order, with its total. */
  table3: z.object({
    year: z.number().int().nullable(),
    rows: z.array(participantsRowSchema),
    total: z.number(),
  }),
  participants: z.array(participantsRowSchema),
  coverage: z.array(coverageYearSchema),
  /** Public programmes only. */
  programmes: z.array(programmeSummarySchema),
});
export type Overview = z.infer<typeof overviewSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  place: z.string(),
  /** Staff answers only. */
  instructor: z.string().optional(),
  participants: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

export const programmeDetailSchema = z.object({
  programme: programmeSummarySchema,
  group: groupSchema,
  tags: z.array(z.object({ vocabulary: z.string(), code: z.string() })),
  sessions: z.array(sessionSchema),
});
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const staffProgrammeListSchema = z.object({
  groups: z.array(groupSchema),
  programmes: z.array(programmeSummarySchema),
  coverage: z.array(coverageYearSchema),
});
export type StaffProgrammeList = z.infer<typeof staffProgrammeListSchema>;

export const programmeInputSchema = z.strictObject({
  groupCode: groupCodeSchema,
  title: bilingualInput(200),
  summary: bilingualInput(4000).nullable().default(null),
  isPublic: z.boolean().default(false),
  tags: tagsInputSchema.default([]),
});
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

export const programmeUpdateSchema = programmeInputSchema.extend({
  /** The version the editor read; a change made meanwhile makes this a 409. */
  version: z.number().int().min(1),
});
export type ProgrammeUpdate = z.infer<typeof programmeUpdateSchema>;

export const maxParticipants = 1_000_000;

export const sessionInputSchema = z.strictObject({
  heldOn: isoDateSchema,
  place: z.string().trim().min(1).max(200),
  instructor: z.string().trim().min(1).max(200),
  participants: z.number().int().min(0).max(maxParticipants),
});
export type SessionInput = z.infer<typeof sessionInputSchema>;

export const populationInputSchema = z.strictObject({
  population: z.number().int().min(1).max(100_000_000),
  /** The version read (0 when the year had no population yet); a change made meanwhile makes this a 409. */
  version: z.number().int().min(0),
});

export const importResultSchema = z.object({
  imported: z.number().int(),
  participants: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The columns of an attendance sheet, by their English and Korean names. */
export const attendanceColumns = {
  heldOn: ['date', '날짜'],
  place: ['place', '장소'],
  instructor: ['instructor', '강사'],
  participants: ['participants', '참여자 수'],
} as const;
