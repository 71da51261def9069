/**
 * The World Human Rights Cities Forum's and the UN register's API shapes, shared by the server and
 * the web pages (the only file of this module that others may import). An edition is named by its
 * year; its figures (Table 5, the note under it, the organisations of 2018) are the seed's figures,
 * each with the words the seed states it in.
 */
import { z } from 'zod';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const trimmed = (max: number) => z.string().trim().min(1).max(max);
const bilingualInput = z.strictObject({ ko: trimmed(500), en: trimmed(500) });

export const editionYearSchema = z.coerce.number().int().min(1990).max(2200);

/** The figures an edition may have, each one a figure of the city's dataset. */
export const editionMeasures = [
  'participants',
  'speakers',
  'speakers_korean',
  'speakers_international',
  'cities',
  'countries',
  'organisations',
  'organisations_international',
  'organisations_national',
  'organisations_local',
] as const;
export type EditionMeasure = (typeof editionMeasures)[number];

export const organisationRoles = ['co-host', 'organiser', 'participant'] as const;
export const organisationLevels = ['international', 'national', 'local'] as const;

/** Languages a session may be held in (ISO 639-1). */
export const sessionLanguages = ['ko', 'en', 'zh', 'ja', 'es', 'fr'] as const;
export const speakerOrigins = ['korean', 'international'] as const;

export const figureSchema = z.object({
  figureId: z.string(),
  value: z.number(),
  /** The cell or words as the seed writes them (`1,300*`). */
  asWritten: z.string(),
  /** The dataset's note (an asterisk, a discrepancy), in English. */
  note: z.string().nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

export const table5RowSchema = z.object({
  year: z.number().int(),
  participants: figureSchema,
  speakers: figureSchema,
  speakersKorean: figureSchema,
  speakersInternational: figureSchema,
});
export type Table5Row = z.infer<typeof table5RowSchema>;

export const table5Schema = z.object({
  rows: z.array(table5RowSchema),
  /** The asterisk note under the table: participating cities and countries by year. */
  note: z.object({
    text: bilingual,
    years: z.array(z.object({ year: z.number().int(), cities: figureSchema, countries: figureSchema })),
  }),
});
export type Table5 = z.infer<typeof table5Schema>;

export const registrationStateSchema = z.object({
  open: z.boolean(),
  capacity: z.number().int().nullable(),
  registered: z.number().int(),
  placesLeft: z.number().int().nullable(),
});

export const editionSummarySchema = z.object({
  year: z.number().int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  theme: bilingual.nullable(),
  registration: registrationStateSchema,
});
export type EditionSummary = z.infer<typeof editionSummarySchema>;

export const overviewSchema = z.object({
  editions: z.array(editionSummarySchema),
  table5: table5Schema,
});
export type Overview = z.infer<typeof overviewSchema>;

export const organisationSchema = z.object({
  role: z.enum(organisationRoles),
  level: z.enum(organisationLevels).nullable(),
  name: bilingual,
});

export const speakerSchema = z.object({
  name: z.string(),
  affiliation: z.string().nullable(),
  origin: z.enum(speakerOrigins),
});
export type Speaker = z.infer<typeof speakerSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  title: bilingual,
  startsAt: z.string(),
  endsAt: z.string(),
  languages: z.array(z.enum(sessionLanguages)),
  speakers: z.array(speakerSchema),
  version: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

export const editionDetailSchema = editionSummarySchema.extend({
  figures: z.partialRecord(z.enum(editionMeasures), figureSchema),
  organisations: z.array(organisationSchema),
  sessions: z.array(sessionSchema),
  sourceSection: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type EditionDetail = z.infer<typeof editionDetailSchema>;

const isoDate = z.iso.date();

const editionFields = {
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  theme: bilingualInput.nullable(),
  capacity: z.number().int().min(0).max(1_000_000).nullable(),
  registrationOpen: z.boolean(),
};
export const editionCreateSchema = z.strictObject({
  year: z.number().int().min(1990).max(2200),
  ...editionFields,
});
export type EditionCreate = z.infer<typeof editionCreateSchema>;
export const editionUpdateSchema = z.strictObject({ ...editionFields, version: z.number().int() });
export type EditionUpdate = z.infer<typeof editionUpdateSchema>;

export const sessionInputSchema = z.strictObject({
  title: bilingualInput,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  languages: z.array(z.enum(sessionLanguages)).min(1).max(sessionLanguages.length),
  speakers: z
    .array(
      z.strictObject({
        name: trimmed(200),
        affiliation: trimmed(300).nullable(),
        origin: z.enum(speakerOrigins),
      }),
    )
    .max(50),
});
export type SessionInput = z.infer<typeof sessionInputSchema>;
export const sessionUpdateSchema = sessionInputSchema.extend({ version: z.number().int() });
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

export const registrationInputSchema = z.strictObject({
  name: trimmed(200),
  email: z.email().max(320),
  /** The registrant agrees that the office keeps their name and e-mail for this edition. */
  consent: z.literal(true),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

/** What a registrant is told: no personal data comes back, only the receipt and the places left. */
export const registrationReceiptSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  placesLeft: z.number().int().nullable(),
});

export const registrationSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  registeredAt: z.string(),
});
export const registrationListSchema = z.object({
  year: z.number().int(),
  registrations: z.array(registrationSchema),
});
export type Registration = z.infer<typeof registrationSchema>;

export const unDocumentKinds = ['document', 'declaration', 'resolution', 'guidelines', 'agenda'] as const;
export const projectStatuses = ['proposed', 'planned', 'in_progress', 'completed', 'withdrawn'] as const;

export const unLinkSchema = z.object({
  id: z.string(),
  module: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  path: z.string().nullable(),
  title: bilingual,
});
export type UnLink = z.infer<typeof unLinkSchema>;

export const unDocumentSchema = z.object({
  id: z.string(),
  symbol: z.string().nullable(),
  kind: z.enum(unDocumentKinds),
  title: bilingual,
  year: z.number().int().nullable(),
  body: bilingual.nullable(),
  sourceSection: z.string().nullable(),
  /** The seed's words about it. */
  quote: z.string().nullable(),
  note: z.string().nullable(),
  links: z.array(unLinkSchema),
});
export type UnDocument = z.infer<typeof unDocumentSchema>;

export const projectSchema = z.object({
  id: z.string(),
  name: bilingual,
  status: z.enum(projectStatuses),
  description: bilingual,
  sourceSection: z.string().nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;

export const unRegisterSchema = z.object({
  documents: z.array(unDocumentSchema),
  projects: z.array(projectSchema),
});
export type UnRegister = z.infer<typeof unRegisterSchema>;

/** An internal path of the platform (`/forum`, `/indicators/1-1#data`), never another site. */
const internalPath = z
  .string()
  .trim()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/);
const name = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,62}$/);

export const unLinkInputSchema = z.strictObject({
  module: name,
  recordType: name,
  recordId: z.string().trim().min(1).max(200).nullable(),
  path: internalPath.nullable(),
  title: bilingualInput,
});
export type UnLinkInput = z.infer<typeof unLinkInputSchema>;

export const documentIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
export const uuidSchema = z.uuid();
