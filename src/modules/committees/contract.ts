/** Request and response schemas of the committees API, shared by the server and the web app. */
import { z } from 'zod';
import { tagsInputSchema } from '../../kernel/server/vocabularies/contract.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const isoDate = z.iso.date();
/** A record's version as read; capped to the column's range so that a wild number is a 400, not a 500. */
const version = z.number().int().min(1).max(2_147_483_647);
const count = (min: number) => z.number().int().min(min).max(100_000);
const recordId = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);

export const bodyKinds = ['committee', 'subcommittee', 'joint_meeting', 'roundtable'] as const;
export const positions = ['co_chair', 'chair', 'vice_chair', 'member'] as const;
export const genders = ['female', 'male', 'other', 'undisclosed'] as const;
export const sectors = ['civil_society', 'expert', 'activist', 'council', 'city', 'other'] as const;
export const meetingKinds = ['regular', 'extraordinary', 'subcommittee', 'workshop', 'roundtable'] as const;
export const minutesStatuses = ['none', 'draft', 'approved', 'published'] as const;
export const responses = ['accepted', 'partly_accepted', 'rejected'] as const;
export const registrationStatuses = ['confirmed', 'waiting', 'cancelled'] as const;

export const bodyIdParams = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(64),
});
export const idParams = z.strictObject({ id: recordId });

export const bodySchema = z.object({
  id: z.string(),
  kind: z.enum(bodyKinds),
  parentId: z.string().nullable(),
  name: bilingual,
  description: bilingual,
  sinceYear: z.number().nullable(),
  seats: z.number().nullable(),
  termYears: z.number().nullable(),
  meetingsPerYear: z.number().nullable(),
  quorum: z.number().nullable(),
  organisers: z.array(bilingual),
  isPublic: z.boolean(),
  historical: z.object({ meetings: z.number(), years: z.number().nullable(), source: z.string() }).nullable(),
  seated: z.number(),
  vacancies: z.number().nullable(),
  /** Meetings held (not cancelled) per calendar year in the city, against the body's requirement. */
  meetingsByYear: z.array(z.object({ year: z.number(), held: z.number(), required: z.number().nullable() })),
  version: z.number(),
});
export type Body = z.infer<typeof bodySchema>;
export const bodyListSchema = z.object({ bodies: z.array(bodySchema) });

export const bodyRulesSchema = z.strictObject({
  seats: count(1).nullable(),
  termYears: z.number().int().min(1).max(20).nullable(),
  meetingsPerYear: count(0).nullable(),
  quorum: count(1).nullable(),
  version,
});

export const createBodySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(64),
  kind: z.enum(bodyKinds),
  parentId: z.string().max(64).nullable().default(null),
  name: z.strictObject({ ko: text(200), en: text(200) }),
  seats: count(1).nullable().default(null),
  termYears: z.number().int().min(1).max(20).nullable().default(null),
  meetingsPerYear: count(0).nullable().default(null),
  quorum: count(1).nullable().default(null),
  isPublic: z.boolean().default(false),
});

export const memberInputSchema = z.strictObject({
  name: text(100),
  position: z.enum(positions),
  recommendedBy: z.string().trim().max(200).default(''),
  termStart: isoDate,
  termEnd: isoDate,
  gender: z.enum(genders),
  sector: z.enum(sectors),
});
export const memberUpdateSchema = memberInputSchema.extend({ version });

export const memberSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: bilingual,
  name: z.string(),
  position: z.enum(positions),
  recommendedBy: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  gender: z.enum(genders),
  sector: z.enum(sectors),
  version: z.number(),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = z.object({ members: z.array(memberSchema) });
export const termAlertQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(60),
  lang: z.string().optional(),
});

const documentSchema = z.strictObject({ title: text(200), url: z.url({ protocol: /^https?$/ }).max(2000) });
export const agendaItemInputSchema = z.strictObject({
  title: text(300),
  summary: z.string().trim().max(5000).default(''),
  documents: z.array(documentSchema).max(20).default([]),
});
/** A document uploaded to an agenda item, as the kernel's stored files describe it (no bytes). */
export const agendaFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type AgendaFile = z.infer<typeof agendaFileSchema>;

export const agendaItemSchema = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  summary: z.string(),
  /** Links to documents kept elsewhere. */
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  /** Documents uploaded here; downloaded at `/committees/documents/{id}`. */
  files: z.array(agendaFileSchema),
});

/** An instant with its offset; one the calendar cannot hold (an offset of +99:00) is refused. */
const instant = z.iso
  .datetime({ offset: true })
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'Not a valid time' });

export const meetingInputSchema = z.strictObject({
  bodyId: z.string().max(64),
  kind: z.enum(meetingKinds),
  title: text(300),
  /** ISO 8601 with an offset (`2026-12-10T19:00:00+09:00`); stored in UTC. */
  startsAt: instant,
  endsAt: instant,
  place: z.string().trim().max(300).nullable().default(null),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .default(null),
  organiser: z.string().max(200).nullable().default(null),
  isPublic: z.boolean().default(false),
  agendaPublished: z.boolean().default(false),
  capacity: z.number().int().min(0).max(100000).nullable().default(null),
  cancelled: z.boolean().default(false),
  /** Rights, target groups, SDG targets, departments; term pages list the public meetings tagged. */
  tags: tagsInputSchema.default([]),
});
export const meetingUpdateSchema = meetingInputSchema
  .omit({ bodyId: true })
  /** Left out: the tags stay as they are. */
  .extend({ version, tags: tagsInputSchema.optional() });

export const quorumSchema = z.object({
  present: z.number(),
  required: z.number(),
  seated: z.number(),
  reached: z.boolean(),
});

export const meetingSummarySchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: bilingual,
  kind: z.enum(meetingKinds),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  organiser: bilingual.nullable(),
  isPublic: z.boolean(),
  cancelled: z.boolean(),
  capacity: z.number().nullable(),
  seatsTaken: z.number(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export const meetingListSchema = z.object({ meetings: z.array(meetingSummarySchema) });
export const meetingListQuerySchema = z.strictObject({
  bodyId: z.string().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  lang: z.string().optional(),
});

/**
 * A recommendation of a meeting's decision, as the register of recommendations holds it: the
 * department answers it there (`staffPath`), and the public follow it there once it is public.
 */
export const recommendationSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  departmentCode: z.string(),
  /** The department's name from the shared vocabulary; null for a code no longer in it. */
  departmentName: bilingual.nullable(),
  body: z.string(),
  status: z.enum(['issued', 'answered', 'implementing', 'implemented', 'closed']),
  staffPath: z.string(),
  /** The public tracker's page; null while it is not public. */
  publicPath: z.string().nullable(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  agendaPublished: z.boolean(),
  /** Empty for the public until the agenda is published. */
  agenda: z.array(agendaItemSchema),
  minutesStatus: z.enum(minutesStatuses),
  /** The public sees published minutes only; the secretariat and members see drafts too. */
  minutes: z.string().nullable(),
  decisions: z.array(z.object({ id: z.string(), text: z.string() })),
  /** Staff only (secretariat and members): who attended, and the quorum. */
  attendance: z
    .array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        position: z.enum(positions),
        present: z.boolean().nullable(),
      }),
    )
    .nullable(),
  quorum: quorumSchema.nullable(),
  comments: z
    .array(z.object({ id: z.string(), author: z.string(), body: z.string(), createdAt: z.string() }))
    .nullable(),
  /** With the decisions: to the public once the minutes are published, to staff from the start. */
  recommendations: z.array(recommendationSchema).nullable(),
  waiting: z.number(),
  tags: tagsInputSchema,
  version: z.number(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const attendanceInputSchema = z.strictObject({
  present: z.array(recordId).max(500),
  absent: z.array(recordId).max(500).default([]),
});
export const minutesInputSchema = z.strictObject({ minutes: text(100_000), version });
export const minutesTransitionSchema = z.strictObject({
  action: z.enum(['approve', 'publish']),
  version,
});
export const commentInputSchema = z.strictObject({ body: text(5000) });
export const decisionInputSchema = z.strictObject({
  text: text(5000),
  recommendations: z
    .array(
      z.strictObject({
        departmentCode: text(64),
        body: text(5000),
        /** Public on the terms' pages once the decision is: in the published minutes of a public meeting. */
        tags: tagsInputSchema.default([]),
      }),
    )
    .max(50)
    .default([]),
});
export const registrationInputSchema = z.strictObject({
  name: text(100),
  contact: text(200),
});
export const registrationResultSchema = z.object({
  status: z.enum(registrationStatuses),
  /** Place on the waiting list (1 = next), when waiting. */
  waitingPosition: z.number().nullable(),
  /** Shown once: the only way to cancel. */
  cancellationToken: z.string(),
});
export const cancellationInputSchema = z.strictObject({ token: z.string().min(20).max(100) });
export const cancellationResultSchema = z.object({ status: z.literal('cancelled'), meetingId: z.string() });
export const registrantListSchema = z.object({
  registrants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      contact: z.string(),
      status: z.enum(registrationStatuses),
      createdAt: z.string(),
    }),
  ),
});
export const documentIdParams = z.strictObject({ id: z.uuid() });
export const createdSchema = z.object({ id: z.string() });
export const versionSchema = z.object({ id: z.string(), version: z.number() });
