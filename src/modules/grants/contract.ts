/**
 * The grants module's request and response shapes, shared by the server and the web app (and the
 * only file other modules may import).
 */
import { z } from 'zod';

export const grantKinds = ['collaboration', 'neighbourhood'] as const;
export type GrantKind = (typeof grantKinds)[number];

export const organisationTypes = [
  'nonprofit_corporation',
  'nonprofit_organisation',
  'neighbourhood_group',
  'social_enterprise',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** draft → submitted → selected | rejected; selected → awarded → completed (final report). */
export const applicationStatuses = [
  'draft',
  'submitted',
  'selected',
  'rejected',
  'awarded',
  'completed',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** What a Human Rights Neighbourhood does (seed 2.6), one kind per activity report. */
export const neighbourhoodActivities = [
  'education',
  'map_drawing',
  'village_survey',
  'facility_improvement',
  'trip',
  'camp',
  'festival',
  'activists_meeting',
  'year_end_presentation',
] as const;
/** What a collaboration project produces (the examples of seed 2.5). */
export const collaborationActivities = [
  'programme',
  'publication',
  'documentary',
  'survey',
  'capacity_building',
  'legal_support',
] as const;
export const activityKinds = [...neighbourhoodActivities, ...collaborationActivities] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const reportKinds = ['activity', 'final'] as const;
export type ReportKind = (typeof reportKinds)[number];

// A calendar date (leap years included) in the schema itself, not in a refinement: the OpenAPI
// document then tells clients, and the reliability suite's generated bodies, what a date is.
export const dateSchema = z.iso.date();
const bilingualInput = (max: number) =>
  z.strictObject({ ko: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const bilingual = z.object({ ko: z.string(), en: z.string() });
const amountSchema = z.number().int().min(0).max(1_000_000_000_000);
const versionSchema = z.number().int().positive();

export const criterionInputSchema = z.strictObject({
  name: bilingualInput(200),
  weight: z.number().int().min(1).max(100),
});

export const callInputSchema = z.strictObject({
  kind: z.enum(grantKinds),
  year: z.number().int().min(2000).max(2100),
  title: bilingualInput(200),
  description: bilingualInput(4000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as KRW or USD'),
  budget: amountSchema.min(1),
  maxAmount: amountSchema.min(1),
  opensOn: dateSchema,
  closesOn: dateSchema,
  requiresRegistration: z.boolean(),
  eligibleTypes: z.array(z.enum(organisationTypes)).min(1).max(organisationTypes.length),
  criteria: z.array(criterionInputSchema).min(1).max(20),
  published: z.boolean(),
});
export type CallInput = z.infer<typeof callInputSchema>;
export const callUpdateSchema = callInputSchema.extend({ version: versionSchema });
export type CallUpdate = z.infer<typeof callUpdateSchema>;

export const criterionSchema = z.object({ id: z.string(), name: bilingual, weight: z.number() });

export const callSchema = z.object({
  id: z.string(),
  kind: z.enum(grantKinds),
  year: z.number(),
  title: bilingual,
  description: bilingual,
  currency: z.string(),
  budget: z.number(),
  maxAmount: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  requiresRegistration: z.boolean(),
  eligibleTypes: z.array(z.enum(organisationTypes)),
  published: z.boolean(),
  /** Today (in the city's time zone) is within the call's dates and the call is published. */
  isOpen: z.boolean(),
  criteria: z.array(criterionSchema),
  awardedTotal: z.number(),
  version: z.number(),
});
export type Call = z.infer<typeof callSchema>;
export const callListSchema = z.object({ calls: z.array(callSchema) });

export const organisationSchema = z.object({
  name: z.string(),
  registrationNumber: z.string().nullable(),
  type: z.enum(organisationTypes),
  version: z.number(),
});
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationAnswerSchema = z.object({ organisation: organisationSchema.nullable() });
export const organisationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  registrationNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{1,40}$/, 'digits, letters and hyphens')
    .nullable(),
  type: z.enum(organisationTypes),
  /** The version read; 0 when the profile is filled in for the first time. */
  version: z.number().int().min(0),
});
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const budgetLineSchema = z.strictObject({
  item: z.string().trim().min(1).max(200),
  amount: amountSchema,
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

const applicationContent = {
  // Drafts may be incomplete; submitting checks that the title and summary are there.
  title: z.string().trim().max(200),
  summary: z.string().trim().max(8000),
  publicTitle: z.string().trim().max(200).nullable(),
  district: z.string().trim().min(1).max(64).nullable(),
  amountRequested: amountSchema,
  budgetLines: z.array(budgetLineSchema).max(50),
};
export const applicationCreateSchema = z.strictObject({ callId: z.uuid(), ...applicationContent });
export type ApplicationCreate = z.infer<typeof applicationCreateSchema>;
export const applicationUpdateSchema = z.strictObject({ ...applicationContent, version: versionSchema });
export type ApplicationUpdate = z.infer<typeof applicationUpdateSchema>;
export const versionInputSchema = z.strictObject({ version: versionSchema });

export const attachmentSchema = z.object({ id: z.string(), contentType: z.string(), sizeBytes: z.number() });
export const trancheSchema = z.object({
  id: z.string(),
  amount: z.number(),
  dueOn: z.string(),
  paidOn: z.string().nullable(),
});
export const reportSchema = z.object({
  id: z.string(),
  kind: z.enum(reportKinds),
  activity: z.enum(activityKinds).nullable(),
  heldOn: z.string(),
  participants: z.number().nullable(),
  summary: z.string(),
  createdAt: z.string(),
});
export type Report = z.infer<typeof reportSchema>;

export const reviewSchema = z.object({
  /** The reader's declaration: null until made. */
  declaration: z.object({ hasConflict: z.boolean() }).nullable(),
  myScores: z.array(z.object({ criterionId: z.string(), score: z.number() })),
  /** Weighted score out of 100, averaged over the reviewers who scored every criterion. */
  averageScore: z.number().nullable(),
  reviewers: z.number(),
});

export const applicationSchema = z.object({
  id: z.string(),
  call: z.object({
    id: z.string(),
    kind: z.enum(grantKinds),
    title: bilingual,
    currency: z.string(),
    maxAmount: z.number(),
    criteria: z.array(criterionSchema),
  }),
  organisation: z.object({ name: z.string(), type: z.enum(organisationTypes) }),
  status: z.enum(applicationStatuses),
  title: z.string(),
  summary: z.string(),
  publicTitle: z.string().nullable(),
  district: z.string().nullable(),
  amountRequested: z.number(),
  budgetLines: z.array(z.object({ item: z.string(), amount: z.number() })),
  amountAwarded: z.number().nullable(),
  submittedAt: z.string().nullable(),
  awardedAt: z.string().nullable(),
  version: z.number(),
  attachments: z.array(attachmentSchema),
  tranches: z.array(trancheSchema),
  reports: z.array(reportSchema),
  /** For reviewers only. */
  review: reviewSchema.nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationSummarySchema = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: bilingual,
  kind: z.enum(grantKinds),
  organisation: z.string(),
  status: z.enum(applicationStatuses),
  title: z.string(),
  currency: z.string(),
  amountRequested: z.number(),
  amountAwarded: z.number().nullable(),
  updatedAt: z.string(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;
export const applicationListSchema = z.object({ applications: z.array(applicationSummarySchema) });
export const applicationListQuerySchema = z.strictObject({
  callId: z.uuid().optional(),
  lang: z.enum(['ko', 'en']).optional(),
});

export const declarationInputSchema = z.strictObject({ hasConflict: z.boolean() });
export const scoresInputSchema = z.strictObject({
  scores: z
    .array(z.strictObject({ criterionId: z.uuid(), score: z.number().int().min(0).max(5) }))
    .min(1)
    .max(20),
});
export const decisionInputSchema = z.strictObject({
  decision: z.enum(['select', 'reject']),
  version: versionSchema,
});
export const awardInputSchema = z.strictObject({ amount: amountSchema.min(1), version: versionSchema });
export const trancheInputSchema = z.strictObject({ amount: amountSchema.min(1), dueOn: dateSchema });
export const tranchePaidSchema = z.strictObject({ paidOn: dateSchema });
export const reportInputSchema = z.strictObject({
  kind: z.enum(reportKinds),
  activity: z.enum(activityKinds).nullable(),
  heldOn: dateSchema,
  participants: z.number().int().min(0).max(10_000_000).nullable(),
  summary: z.string().trim().min(1).max(8000),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const settingsSchema = z.object({ identifierPrefix: z.string(), version: z.number() });
export const settingsInputSchema = z.strictObject({
  /** 360Giving identifiers start with `360G-` and the publisher's prefix. */
  identifierPrefix: z.string().regex(/^360G-[A-Za-z0-9-]{1,60}$/, 'a 360Giving prefix such as 360G-gwangju'),
  version: z.number().int().min(0),
});

export const participationRowSchema = z.object({
  year: z.number(),
  neighbourhoods: z.number(),
  supportUsd: z.number(),
  textNeighbourhoods: z.number().nullable(),
  note: z.string().nullable(),
});
export const programmeSchema = z.object({
  kind: z.enum(grantKinds),
  name: bilingual,
  since: z.number(),
  sourceSection: z.string(),
  annualBudgetUsd: z.number().nullable(),
  programmesPerYear: z.number().nullable(),
  budgetUnchangedYears: z.number().nullable(),
  note: z.string().nullable(),
});
export const awardSchema = z.object({
  id: z.string(),
  identifier: z.string(),
  title: z.string(),
  organisation: z.string(),
  kind: z.enum(grantKinds),
  callTitle: bilingual,
  year: z.number(),
  currency: z.string(),
  amount: z.number(),
  awardedAt: z.string(),
});
export type Award = z.infer<typeof awardSchema>;
export const overviewSchema = z.object({
  programmes: z.array(programmeSchema),
  participation: z.array(participationRowSchema),
  calls: z.array(callSchema),
  awards: z.array(awardSchema),
});
export type Overview = z.infer<typeof overviewSchema>;
