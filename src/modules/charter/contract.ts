/**
 * The charter module's requests and answers, shared by the server and the web app (and the only file
 * other modules may import).
 */
import { z } from 'zod';
import { termSchema } from '../../kernel/server/vocabularies/contract.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const bilingualInput = (max: number) =>
  z.strictObject({ ko: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    // An impossible date (7777-77-27) is an Invalid Date, whose toISOString throws; 2024-04-31 rolls
    // over to May 1st: a real date reads back as written.
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'not a calendar date');
const year = z.number().int().min(2000).max(2100);

export const contestStatuses = ['open', 'judging', 'closed'] as const;
export type ContestStatus = (typeof contestStatuses)[number];
/** From each status, the statuses a contest may move to (staying put is always allowed). */
export const contestTransitions: Record<ContestStatus, readonly ContestStatus[]> = {
  open: ['judging'],
  judging: ['open', 'closed'],
  closed: [],
};
export const entryCategories = ['slogan', 'poster', 'video', 'other'] as const;
export type EntryCategory = (typeof entryCategories)[number];
/** Highest first: the order winners are listed in. */
export const awards = ['grand', 'excellence', 'merit', 'encouragement'] as const;
export type Award = (typeof awards)[number];

/** A figure of the seed about the charter (section 1.4), as `figures.csv` gives it. */
export const charterFigureSchema = z.object({
  id: z.string(),
  value: z.number(),
  unit: z.string(),
  year: z.number().int().nullable(),
  label: bilingual,
  quote: z.string(),
  note: z.string().nullable(),
});

export const publicationSchema = z.object({
  code: z.string(),
  title: bilingual,
  year: z.number().int().nullable(),
  description: bilingual.nullable(),
  /** The seed's words naming it, when the seed lists it. */
  quote: z.string().nullable(),
  sourceSection: z.string().nullable(),
  version: z.number().int(),
});
export type Publication = z.infer<typeof publicationSchema>;

export const exhibitionSchema = z.object({
  place: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const winnerSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(entryCategories),
  award: z.enum(awards),
  exhibited: z.boolean(),
});

export const contestSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: bilingual,
  theme: bilingual.nullable(),
  status: z.enum(contestStatuses),
  exhibition: exhibitionSchema,
  entryCount: z.number().int(),
  /** Listed once the contest is closed (judging done); never the entrants' names. */
  winners: z.array(winnerSchema),
  version: z.number().int(),
});
export type Contest = z.infer<typeof contestSchema>;

export const charterPageSchema = z.object({
  declaration: z.object({
    declaredOn: z.string(),
    citizensDayEdition: z.number().nullable(),
    worldRank: z.number().nullable(),
    declaredQuote: z.string(),
    firstInAsiaQuote: z.string(),
    sourceSection: z.string(),
  }),
  paragraphs: z.array(z.object({ paragraph: z.number().int(), text: bilingual, sourceSection: z.string() })),
  figures: z.array(charterFigureSchema),
  /** The charter's articles: the `rights` vocabulary as admins entered it. */
  articles: z.array(termSchema),
  publications: z.array(publicationSchema),
  contests: z.array(contestSchema),
});
export type CharterPage = z.infer<typeof charterPageSchema>;

export const entrySchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.enum(entryCategories),
  /** Personal data: staff answers only. */
  entrant: z.string(),
  score: z.number().int().nullable(),
  award: z.enum(awards).nullable(),
  exhibited: z.boolean(),
  version: z.number().int(),
});
export type Entry = z.infer<typeof entrySchema>;

export const contestDetailSchema = z.object({ contest: contestSchema, entries: z.array(entrySchema) });
export type ContestDetail = z.infer<typeof contestDetailSchema>;

export const staffOverviewSchema = z.object({
  contests: z.array(contestSchema),
  publications: z.array(publicationSchema),
});
export type StaffOverview = z.infer<typeof staffOverviewSchema>;

const publicationFields = {
  title: bilingualInput(300),
  year: year.nullable().default(null),
  description: bilingualInput(4000).nullable().default(null),
};

export const publicationInputSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and hyphens'),
  ...publicationFields,
});
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export const publicationUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  ...publicationFields,
});
export type PublicationUpdate = z.infer<typeof publicationUpdateSchema>;

const exhibitionInput = z
  .strictObject({
    place: z.string().trim().min(1).max(300).nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
  })
  .default({ place: null, from: null, to: null });

export const contestInputSchema = z.strictObject({
  year,
  title: bilingualInput(300),
  theme: bilingualInput(1000).nullable().default(null),
  exhibition: exhibitionInput,
});
export type ContestInput = z.infer<typeof contestInputSchema>;

export const contestUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  title: bilingualInput(300),
  theme: bilingualInput(1000).nullable().default(null),
  status: z.enum(contestStatuses),
  exhibition: exhibitionInput,
});
export type ContestUpdate = z.infer<typeof contestUpdateSchema>;

export const entryInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  category: z.enum(entryCategories),
  entrant: z.string().trim().min(1).max(200),
});
export type EntryInput = z.infer<typeof entryInputSchema>;

export const judgementSchema = z.strictObject({
  version: z.number().int().min(1),
  score: z.number().int().min(0).max(100).nullable(),
  award: z.enum(awards).nullable(),
  exhibited: z.boolean(),
});
export type Judgement = z.infer<typeof judgementSchema>;
