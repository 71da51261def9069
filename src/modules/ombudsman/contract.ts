/**
 * The ombudsman's API shapes, shared by the server and the web pages (the only file of this module
 * that others may import). Field names of the public complaint and status endpoints are fixed by the
 * city's specification; keep them.
 */
import { z } from 'zod';
import { statisticSchema } from '../../kernel/shared/statistic.ts';

const trimmed = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

export const caseStatuses = [
  'received',
  'assessment',
  'investigation',
  'decided',
  'follow_up',
  'closed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseActions = [
  'start_assessment',
  'admit',
  'dismiss',
  'refer',
  'assign',
  'add_note',
  'request_information',
  'answer_information',
  'decide',
  'recommend',
  'issue_recommendations',
  'respond_recommendation',
  'close',
  'reopen',
] as const;
export type CaseAction = (typeof caseActions)[number];

export const inadmissibleReasons = [
  'outside_mandate',
  'private_dispute',
  'court_or_other_procedure',
  'anonymous_unverifiable',
  'withdrawn',
  'over_one_year',
] as const;
export const decisionOutcomes = ['violation_found', 'violation_not_found', 'conciliated'] as const;
export const closedReasons = [
  'not_admissible',
  'referred',
  'no_violation',
  'conciliated',
  'recommendations_followed_up',
  'withdrawn',
] as const;
export const respondentTypes = ['department', 'agency', 'facility', 'district', 'other'] as const;
export const intakeChannels = ['online', 'phone', 'visit', 'letter', 'outreach'] as const;
export const counsellingChannels = ['visit', 'phone', 'online', 'outreach'] as const;
export const counsellingOutcomes = ['advice_given', 'referred', 'complaint_filed'] as const;
export const recommendationResponses = ['accepted', 'partly_accepted', 'rejected'] as const;

const rightCodes = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/)).max(20);

const person = z.strictObject({
  name: trimmed(100).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+() -]{6,20}$/)
    .optional(),
  email: z.email().max(320).optional(),
});
export type Person = z.infer<typeof person>;

/** The public complaint form (`POST /ombudsman/complaints`). */
export const complaintInputSchema = z.strictObject({
  complainant: person.optional(),
  anonymous: z.boolean().default(false),
  /** Filed on behalf of someone else (the victim). */
  onBehalf: z.boolean().default(false),
  victim: person.optional(),
  respondent: trimmed(200),
  respondentType: z.enum(respondentTypes).default('other'),
  summary: trimmed(200),
  description: trimmed(20_000),
  occurredOn: isoDate.optional(),
  occurredPlace: trimmed(200).optional(),
  rights: rightCodes.default([]),
  /** Explicit consent to the processing of personal data; without it nothing is stored. */
  consent: z.boolean(),
});
export type ComplaintInput = z.infer<typeof complaintInputSchema>;

export const complaintReceiptSchema = z.object({
  /** Human-friendly, e.g. `2026-000123`. */
  receiptNumber: z.string(),
  /** Shown once; with the receipt number it opens the status (and attachments for a short time). */
  trackingCode: z.string(),
});

export const statusQuerySchema = z.strictObject({
  receiptNumber: z.string().trim().min(1).max(32),
  trackingCode: z.string().trim().min(1).max(64),
  lang: z.enum(['ko', 'en']).optional(),
});

/**
 * What the complainant learns of the outcome, in kinds only: no name, no department, no text of the
 * case (the one exception is whom a complaint was referred to, an organisation the office names).
 */
export const publicOutcomeSchema = z.object({
  kind: z.enum([
    'not_admissible',
    'referred',
    'violation_found',
    'violation_not_found',
    'conciliated',
    'withdrawn',
  ]),
  /** Why a complaint was not admissible. */
  inadmissibleReason: z.enum(inadmissibleReasons).nullable(),
  referredTo: z.string().nullable(),
  /** How each issued recommendation was answered, without its department or text. */
  recommendations: z.array(
    z.object({ response: z.enum(recommendationResponses).nullable(), implemented: z.boolean() }),
  ),
});
export type PublicOutcome = z.infer<typeof publicOutcomeSchema>;

/** What the complaint form's privacy notice states from this installation's settings. */
export const privacyFactsSchema = z.object({
  /** Years after a case is closed until names and contacts are deleted. */
  retentionYears: z.number().int(),
  /** Minutes a failed status check is counted against the receipt number and the address. */
  lookupWindowMinutes: z.number().int(),
});

export const complaintStatusSchema = z.object({
  status: z.enum(caseStatuses),
  receivedAt: z.string(),
  updatedAt: z.string(),
  /** Null until something was decided (or the complaint closed without a decision). */
  outcome: publicOutcomeSchema.nullable(),
});

/** Staff intake (phone, visit, letter, outreach, on behalf of someone) and own-motion cases. */
export const staffCaseInputSchema = complaintInputSchema
  .omit({ consent: true })
  .extend({
    origin: z.enum(['complaint', 'own_motion']),
    channel: z.enum(intakeChannels).default('phone'),
    witnesses: z.array(person).max(10).default([]),
    /** Required for a complaint taken by staff: the complainant's consent, recorded by the officer. */
    consent: z.boolean().default(false),
  })
  .strict();
export type StaffCaseInput = z.infer<typeof staffCaseInputSchema>;

export const identitySchema = z.object({
  complainant: z
    .object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
    .nullable(),
  victim: z
    .object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
    .nullable(),
  witnesses: z.array(
    z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() }),
  ),
});
export type Identity = z.infer<typeof identitySchema>;

const infoRequestSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  departmentCode: z.string(),
  question: z.string(),
  dueOn: z.string(),
  requestedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

/** A file in the kernel's store as described to readers (no bytes; the web must not import the server's). */
export const evidenceFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const recommendationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  departmentCode: z.string(),
  body: z.string(),
  issuedAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  response: z.enum(recommendationResponses).nullable(),
  responseReason: z.string().nullable(),
  implementationEvidence: z.string().nullable(),
  implemented: z.boolean(),
  respondedAt: z.string().nullable(),
  /** Set when the ombudsman ends the follow-up; no implementation report is taken afterwards. */
  closedAt: z.string().nullable(),
  closedOutcome: z.enum(['implemented', 'not_implemented']).nullable(),
  /** The department's implementation reports after its first answer, oldest first. */
  reports: z.array(
    z.object({
      id: z.string(),
      authorId: z.string(),
      authorName: z.string(),
      body: z.string(),
      createdAt: z.string(),
      files: z.array(evidenceFileSchema),
    }),
  ),
});

export const implementationReportInputSchema = z.strictObject({ body: trimmed(5000) });
export const recommendationClosureInputSchema = z.strictObject({
  outcome: z.enum(['implemented', 'not_implemented']),
});

const eventSchema = z.object({
  at: z.string(),
  actorId: z.string().nullable(),
  /** The actor's name as their account reads now (null for the public form and the system). */
  actorName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  /** The step's typed detail as JSON (outcome, reason, department, due date…). */
  note: z.string().nullable(),
  /** The text typed with the step (a note, the grounds, a question, a reason), as written. */
  body: z.string().nullable(),
});

/** A case as staff see it. `identity` is present only for the standing and assigned ombudsmen. */
export const caseSchema = z.object({
  id: z.string(),
  receiptNumber: z.string().nullable(),
  origin: z.enum(['complaint', 'own_motion']),
  channel: z.string(),
  status: z.enum(caseStatuses),
  anonymous: z.boolean(),
  onBehalf: z.boolean(),
  respondent: z.string(),
  respondentType: z.enum(respondentTypes),
  summary: z.string(),
  /**
   * The complainant's own words, which often name the victim: only for readers who may see identity
   * (the standing and assigned ombudsmen); others read the ombudsman's `summary`.
   */
  description: z.string().optional(),
  occurredOn: z.string().nullable(),
  occurredPlace: z.string().nullable(),
  rights: z.array(z.string()),
  assessmentReason: z.string().nullable(),
  referredTo: z.string().nullable(),
  decision: z.enum(decisionOutcomes).nullable(),
  /** The decision as written: the facts in the ombudsman's words and the grounds. */
  decisionFacts: z.string().nullable(),
  decisionGrounds: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Who signed the decision, with the appointment they held on the day. */
  signatory: z.object({ userId: z.string(), name: z.string(), standing: z.boolean() }).nullable(),
  closedReason: z.enum(closedReasons).nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  pseudonymised: z.boolean(),
  version: z.number().int(),
  assignedTo: z.array(z.string()),
  identity: identitySchema.optional(),
  events: z.array(eventSchema),
  notes: z.array(
    z.object({
      authorId: z.string(),
      authorName: z.string().nullable(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  informationRequests: z.array(infoRequestSchema),
  recommendations: z.array(recommendationSchema),
  /** The complaint's files, listed only for readers who may see identity (they name people). */
  attachments: z.array(
    z.object({
      id: z.string(),
      /** The name the complainant gave the file; null for files sent before names were kept. */
      name: z.string().nullable(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
    }),
  ),
  /** True when the description and the attachments are withheld from this reader. */
  needToKnow: z.boolean(),
  /** Names and roles of the people the file mentions (note authors, actors), by user id. */
  people: z.record(z.string(), z.object({ name: z.string(), role: z.string() })),
  /** This opening of the file (logged once): later reads of the same opening name it instead of a purpose. */
  openingId: z.string(),
  /** What the reader may do next (from the transition table). */
  allowedActions: z.array(z.enum(caseActions)),
});
export type CaseView = z.infer<typeof caseSchema>;

export const caseSummarySchema = z.object({
  id: z.string(),
  receiptNumber: z.string().nullable(),
  status: z.enum(caseStatuses),
  summary: z.string(),
  respondent: z.string(),
  rights: z.array(z.string()),
  receivedAt: z.string(),
  updatedAt: z.string(),
  assignedTo: z.array(z.string()),
});
export const caseListSchema = z.object({
  cases: z.array(caseSummarySchema),
  total: z.number().int(),
  /** True when more cases match than `total` counts (the count stops a page of cases past the cap). */
  more: z.boolean(),
});

/**
 * Opening a case file says why (written to the access log, once per opening); reloading the same
 * opening (after a step taken on the page) also names the opening and is not logged again.
 */
export const caseReadQuerySchema = z.strictObject({
  purpose: z.string().trim().min(3).max(200),
  opening: z.uuid().optional(),
  lang: z.enum(['ko', 'en']).optional(),
});

/** Every read of a case file says why (written to the access log). */
export const purposeQuerySchema = z.strictObject({
  purpose: z.string().trim().min(3).max(200),
  lang: z.enum(['ko', 'en']).optional(),
});

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(caseStatuses).optional(),
  right: z.string().max(64).optional(),
  respondent: z.string().trim().max(200).optional(),
  ombudsman: z.string().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  lang: z.enum(['ko', 'en']).optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const version = z.number().int().min(1);

/** One step of the workflow; the server's transition table decides whether it is allowed. */
export const transitionInputSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start_assessment'), version }),
  z.strictObject({ action: z.literal('admit'), version, note: trimmed(2000).optional() }),
  z.strictObject({ action: z.literal('dismiss'), version, reason: z.enum(inadmissibleReasons) }),
  z.strictObject({ action: z.literal('refer'), version, referredTo: trimmed(200) }),
  z.strictObject({ action: z.literal('assign'), version, userIds: z.array(z.string().min(1)).min(1).max(7) }),
  z.strictObject({ action: z.literal('add_note'), version, body: trimmed(20_000) }),
  z.strictObject({
    action: z.literal('request_information'),
    version,
    departmentCode: trimmed(64),
    question: trimmed(5000),
    /** Not before today (in the city); the office's default when omitted. */
    dueOn: isoDate.optional(),
  }),
  z.strictObject({
    action: z.literal('answer_information'),
    version,
    requestId: z.string(),
    answer: trimmed(20_000),
  }),
  z.strictObject({
    action: z.literal('decide'),
    version,
    outcome: z.enum(decisionOutcomes),
    /** The facts as the ombudsman finds them (not the complainant's words; names only as written). */
    facts: trimmed(20_000),
    grounds: trimmed(20_000),
  }),
  z.strictObject({
    action: z.literal('recommend'),
    version,
    departmentCode: trimmed(64),
    body: trimmed(20_000),
    /** This recommendation's own answer date, not before today; the office's default when omitted. */
    dueOn: isoDate.optional(),
  }),
  z.strictObject({ action: z.literal('issue_recommendations'), version }),
  z.strictObject({
    action: z.literal('respond_recommendation'),
    version,
    recommendationId: z.string(),
    response: z.enum(recommendationResponses),
    reason: trimmed(5000).optional(),
    implementationEvidence: trimmed(5000).optional(),
    implemented: z.boolean().default(false),
  }),
  z.strictObject({ action: z.literal('close'), version, reason: z.enum(closedReasons) }),
  z.strictObject({ action: z.literal('reopen'), version, reason: trimmed(5000) }),
]);
export type TransitionInput = z.infer<typeof transitionInputSchema>;

/**
 * The case's particulars and classification, editable after intake by its caseworkers. Only the
 * fields sent change; `null` clears an optional one. The complainant's own words (`description`)
 * are not edited: the ombudsman writes theirs in the decision.
 */
export const caseEditSchema = z.strictObject({
  version,
  summary: trimmed(200).optional(),
  respondent: trimmed(200).optional(),
  respondentType: z.enum(respondentTypes).optional(),
  rights: rightCodes.optional(),
  occurredOn: isoDate.nullable().optional(),
  occurredPlace: trimmed(200).nullable().optional(),
});
export type CaseEdit = z.infer<typeof caseEditSchema>;

export const memberInputSchema = z.strictObject({
  standing: z.boolean(),
  appointedOn: isoDate,
  termEndsOn: isoDate.nullable().default(null),
  expertise: z.string().trim().max(500).default(''),
  /** The version read, when changing an existing member. */
  version: version.optional(),
});
/**
 * Where an appointment stands today: `pending` (proposed, waiting for a second person's confirmation:
 * grants nothing), `upcoming` (confirmed, its first day not yet come), `in_force`, `ended` (the day
 * after its term's last day), `withdrawn`.
 */
export const appointmentStates = ['pending', 'upcoming', 'in_force', 'ended', 'withdrawn'] as const;
export type AppointmentState = (typeof appointmentStates)[number];

export const memberSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  standing: z.boolean(),
  appointedOn: z.string(),
  termEndsOn: z.string().nullable(),
  expertise: z.string(),
  version: z.number().int(),
  state: z.enum(appointmentStates),
  proposedBy: z.string().nullable(),
  proposedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  /** Whether the caller may confirm this pending appointment (never their own or one they proposed). */
  confirmable: z.boolean(),
});

export const confirmAppointmentSchema = z.strictObject({ version });
export const endAppointmentSchema = z.strictObject({
  version,
  /** The term's last day: access ends the day after (the city's calendar day). */
  endsOn: isoDate,
  reason: trimmed(1000),
});
export const withdrawAppointmentSchema = z.strictObject({ version, reason: trimmed(1000) });

export const grantActions = ['proposed', 'confirmed', 'ended', 'withdrawn'] as const;
export const grantSchema = z.object({
  id: z.number().int(),
  userId: z.string(),
  displayName: z.string(),
  action: z.enum(grantActions),
  actorName: z.string().nullable(),
  at: z.string(),
  standing: z.boolean(),
  appointedOn: z.string(),
  termEndsOn: z.string().nullable(),
  reason: z.string().nullable(),
});
export const grantsSchema = z.object({ grants: z.array(grantSchema) });

export const counsellingInputSchema = z.strictObject({
  heldOn: isoDate,
  channel: z.enum(counsellingChannels),
  topic: trimmed(500),
  rights: rightCodes.default([]),
  outcome: z.enum(counsellingOutcomes),
});
export const counsellingSchema = counsellingInputSchema.extend({
  id: z.string(),
  rights: z.array(z.string()),
});

export const deadlineSettingsSchema = z.object({
  daysToAssessment: z.number().int().min(1).max(3650),
  daysToDecision: z.number().int().min(1).max(3650),
  daysForDepartmentAnswer: z.number().int().min(1).max(3650),
});
export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>;

export const overdueItemSchema = z.object({
  caseId: z.string(),
  receiptNumber: z.string().nullable(),
  kind: z.enum(['assessment', 'decision', 'information_request', 'recommendation']),
  /** The department that owes an answer, for the last two kinds. */
  departmentCode: z.string().nullable(),
  /**
   * Working days on the city's calendar: counted so far (minus pauses) and allowed. For a department's
   * answer, allowed is the working days from the request to its due date.
   */
  elapsedDays: z.number(),
  limitDays: z.number().int(),
  /** The due date, for a department's answer. */
  dueOn: z.string().nullable(),
  assignedTo: z.array(z.string()),
});
export const workloadSchema = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      standing: z.boolean(),
      openCases: z.number().int(),
      overdueCases: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
    }),
  ),
});

export const annualStatisticsSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      /** Published totals (the dataset) or counted from records. */
      source: z.enum(['published', 'records']),
      /** Each count: the number, suppressed (1–4 from records) or not recorded (`kernel/shared/statistic.ts`). */
      counsellingSessions: statisticSchema,
      casesRegistered: statisticSchema,
      byRight: z.record(z.string(), statisticSchema),
      byRespondentType: z.record(z.string(), statisticSchema),
      byOutcome: z.record(z.string(), statisticSchema),
      recommendationsIssued: statisticSchema,
      recommendationsAccepted: statisticSchema,
      recommendationsImplemented: statisticSchema,
      /** Null when fewer than five cases closed that year. */
      medianDaysToClose: z.number().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type AnnualStatistics = z.infer<typeof annualStatisticsSchema>;

export const accessLogSchema = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      actorId: z.string(),
      /** Who read, by name and role (an account since removed shows its id). */
      actorName: z.string(),
      actorRole: z.string(),
      /** The case file itself, or one of its attachments. */
      what: z.enum(['case', 'attachment']),
      ip: z.string().nullable(),
      entityType: z.string(),
      entityId: z.string(),
      reason: z.string(),
    }),
  ),
});

export const attachmentReceiptSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});

export const departmentInboxSchema = z.object({
  informationRequests: z.array(
    infoRequestSchema.extend({
      caseVersion: z.number().int(),
      receiptNumber: z.string().nullable(),
      /** Unanswered past its due date (a whole day in the city). */
      overdue: z.boolean(),
    }),
  ),
  recommendations: z.array(
    recommendationSchema.extend({
      caseVersion: z.number().int(),
      receiptNumber: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export const documentQuerySchema = z.strictObject({ lang: z.enum(['ko', 'en']).default('ko') });
