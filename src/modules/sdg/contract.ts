/**
 * The SDG module's requests and answers, shared by server and web: the local agenda (Tables 6 and 7),
 * the page of a UN goal, the Human Rights Cities Agenda 2030 with the city's self-assessment, and the
 * network feed that instances exchange. The feed schema is also what a peer's feed must pass before
 * anything of it is stored.
 */
import { z } from 'zod';
import { ratings } from './ratings.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });

export const goalNumberSchema = z.coerce.number().int().min(1).max(17);

export const unSdgSchema = z.object({
  goal: z.number().int(),
  /** The goal as Table 7 prints it ("11 Sustainable Cities and Communities"). */
  label: z.string(),
  /** The goal's name from the shared vocabulary, in both languages. */
  name: bilingual,
});

export const agendaSchema = z.object({
  phase: z.number().int(),
  number: z.number().int(),
  areaCode: z.string(),
  name: bilingual,
  tasks: z.number().int(),
  indicators: z.number().int(),
  unSdgs: z.array(unSdgSchema),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const areaSchema = z.object({
  code: z.string(),
  name: bilingual,
  /** The count Table 6 gives in brackets; null where the table gives none (the 5th Agenda). */
  statedAgendas: z.number().int().nullable(),
  agendas: z.array(agendaSchema),
});

export const phaseSchema = z.object({
  phase: z.number().int(),
  name: bilingual,
  startYear: z.number().int(),
  endYear: z.number().int(),
  sourceTable: z.string(),
  /** Table 6's "A/A" cell (agendas/areas); null for the 5th Agenda. */
  statedAgendas: z.number().int().nullable(),
  statedAreas: z.number().int().nullable(),
  systems: z.array(bilingual),
  areas: z.array(areaSchema),
  /** Sums over the phase's agendas (Table 7's rows); zero where no agendas are listed. */
  totals: z.object({ agendas: z.number().int(), tasks: z.number().int(), indicators: z.number().int() }),
});
export type Phase = z.infer<typeof phaseSchema>;

export const agendasSchema = z.object({ phases: z.array(phaseSchema) });
export type Agendas = z.infer<typeof agendasSchema>;

const goalTermSchema = z.object({
  goal: z.number().int(),
  name: bilingual,
  description: bilingual.nullable(),
  /** No Korean text exists: the Korean fields repeat the English (mark them `lang="en"`). */
  koMissing: z.boolean(),
});

export const goalsOverviewSchema = z.object({
  goals: z.array(
    goalTermSchema.extend({
      /** Local agendas mapped to the goal. */
      agendaCount: z.number().int(),
      /** Other public records, of any module, tagged with the goal or one of its targets. */
      recordCount: z.number().int(),
    }),
  ),
});
export type GoalsOverview = z.infer<typeof goalsOverviewSchema>;

export const goalRecordSchema = z.object({
  recordType: z.string(),
  recordId: z.string(),
  title: bilingual,
  path: z.string(),
  isSample: z.boolean(),
  /** The goal and target codes the record is tagged with (`11`, `11.2`). */
  terms: z.array(z.string()),
});

export const goalPageSchema = z.object({
  goal: goalTermSchema,
  agendas: z.array(agendaSchema.extend({ phaseName: bilingual })),
  targets: z.array(
    z.object({ code: z.string(), name: bilingual, koMissing: z.boolean(), recordCount: z.number().int() }),
  ),
  modules: z.array(z.object({ module: z.string(), records: z.array(goalRecordSchema) })),
});
export type GoalPage = z.infer<typeof goalPageSchema>;

// --- Agenda 2030 and the self-assessment --------------------------------------------------------

export { type Rating, ratingScale, ratings } from './ratings.ts';

export const frameworkSchema = z.object({
  categories: z.array(z.object({ code: z.string(), name: bilingual })),
  components: z.array(z.object({ code: z.string(), name: bilingual, description: bilingual })),
  /** The published assessments, newest first. */
  assessments: z.array(z.object({ year: z.number().int(), publishedAt: z.string() })),
});
export type Framework = z.infer<typeof frameworkSchema>;

export const evidenceSchema = z.object({
  module: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  title: bilingual,
  /** The record's page in the web app (a path on the instance that publishes it). */
  path: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const cellSchema = z.object({
  category: z.string(),
  component: z.string(),
  rating: z.enum(ratings).nullable(),
  narrative: bilingual,
  evidence: z.array(evidenceSchema),
  version: z.number().int(),
});
export type Cell = z.infer<typeof cellSchema>;

export const assessmentSchema = z.object({
  year: z.number().int(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  cells: z.array(cellSchema),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentListSchema = z.object({
  assessments: z.array(
    z.object({
      year: z.number().int(),
      publishedAt: z.string().nullable(),
      version: z.number().int(),
      /** Cells with a rating, of all 28. */
      ratedCells: z.number().int(),
    }),
  ),
});
export type AssessmentList = z.infer<typeof assessmentListSchema>;

export const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const createAssessmentSchema = z.strictObject({ year: z.number().int().min(2000).max(2100) });

/** An internal path of the web app: starts with one slash, no spaces, no scheme. */
export const pathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, 'a path of this site, starting with / (e.g. /indicators/2-1)');

const codeSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export const evidenceInputSchema = z.strictObject({
  module: codeSchema,
  recordType: codeSchema,
  recordId: z.string().trim().min(1).max(200),
  title: z.strictObject({ ko: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }),
  path: pathSchema,
});

export const updateCellSchema = z.strictObject({
  /** The version the assessor read; a change made meanwhile makes this a 409. */
  version: z.number().int().min(1),
  rating: z.enum(ratings).nullable(),
  narrative: z.strictObject({ ko: z.string().trim().max(5000), en: z.string().trim().max(5000) }),
  evidence: z.array(evidenceInputSchema).max(20),
});
export type UpdateCellInput = z.infer<typeof updateCellSchema>;

export const publishAssessmentSchema = z.strictObject({
  version: z.number().int().min(1),
  published: z.boolean(),
});

export const evidenceSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(2).max(100),
  lang: z.enum(['ko', 'en']).optional(),
});

export const evidenceSearchSchema = z.object({ results: z.array(evidenceSchema) });

// --- The network of cities ----------------------------------------------------------------------

export const feedFormat = 'rightscity-network-feed';
export const feedVersion = 1;

/** Text from another city: bounded, so that a feed within the size limit cannot hold absurd fields. */
const feedText = (max: number) => z.object({ ko: z.string().max(max), en: z.string().max(max) });
const feedCode = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/);

/** One headline figure of any module, as the feed carries it. */
export const feedHeadlineSchema = z.object({
  id: feedCode,
  label: feedText(300),
  value: z.number().finite(),
  unit: feedText(50).optional(),
  asOf: z.string().max(40).optional(),
  path: pathSchema.optional(),
});

/**
 * What an instance publishes at `GET /api/v1/network/feed`, version 1: its latest published
 * self-assessment and its headline figures. Only public data. Unknown keys are dropped when a peer's
 * feed is read, so a newer minor addition does not break an older reader.
 */
export const networkFeedSchema = z.object({
  format: z.literal(feedFormat),
  version: z.literal(feedVersion),
  city: z.object({ code: feedCode }),
  generatedAt: z.iso.datetime(),
  headlines: z.array(feedHeadlineSchema).max(500),
  assessment: z
    .object({
      year: z.number().int().min(2000).max(2100),
      publishedAt: z.iso.datetime(),
      categories: z.array(z.object({ code: feedCode, name: feedText(300) })).max(20),
      components: z.array(z.object({ code: feedCode, name: feedText(300) })).max(20),
      cells: z
        .array(
          z.object({
            category: feedCode,
            component: feedCode,
            rating: z.enum(ratings).nullable(),
            narrative: feedText(5000),
            evidence: z.array(z.object({ title: feedText(300), path: pathSchema })).max(20),
          }),
        )
        .max(400),
    })
    .nullable(),
});
export type NetworkFeed = z.infer<typeof networkFeedSchema>;

export const addPeerSchema = z.strictObject({ baseUrl: z.string().trim().min(1).max(500) });

export const peerSchema = z.object({
  id: z.number().int(),
  baseUrl: z.string(),
  addedAt: z.string(),
  fetchedAt: z.string().nullable(),
  cityCode: z.string().nullable(),
  /** Why the last fetch was refused; only in the administrator's view (others get null). */
  lastFailure: z.object({ at: z.string(), code: z.string(), detail: z.string() }).nullable(),
});
export const peerListSchema = z.object({ peers: z.array(peerSchema) });
export type Peer = z.infer<typeof peerSchema>;

export const comparisonSchema = z.object({
  self: networkFeedSchema,
  peers: z.array(
    z.object({ id: z.number().int(), baseUrl: z.string(), fetchedAt: z.string(), feed: networkFeedSchema }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;
