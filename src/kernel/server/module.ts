/**
 * A module's server manifest: how the kernel, the portal, the open-data catalogue and the annual
 * report find it. They loop over manifests and know no module by name. The kernel's own services
 * (accounts, audit, vocabularies) use the same shape. A module's pages and menu items are in its web
 * manifest (`src/kernel/web/module.ts`).
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Bilingual, Language } from '../shared/language.ts';
import type { Role } from '../shared/roles.ts';
import type { WorkItem } from '../shared/work.ts';
import type { CommandContext } from './command.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';
import type { TagInput } from './vocabularies/contract.ts';

/** What the kernel hands a module's routes and loaders. */
export interface Kernel {
  config: Config;
  database: Database;
  /** Every module registered in this process, in order (for services that loop over them). */
  modules: readonly ServerModule[];
  /**
   * The register of recommendations, when a module provides it (`provides.recommendations`): the one
   * way another module issues a recommendation, handed to its routes so that no module imports
   * another's server code.
   */
  recommendations?: RecommendationRegister;
}

/** Who issued a recommendation (the register's `source.kind`). */
export type RecommendationSourceKind =
  | 'ombudsman'
  | 'committee'
  | 'joint_meeting'
  | 'roundtable'
  | 'assessment'
  | 'un';

/** The record a recommendation came from, in the module that issued it: its back-link. */
export interface RecommendationSourceRecord {
  /** The issuing module's name, e.g. `committees`. */
  module: string;
  /** The source record's id in that module (e.g. the committee's decision), as text. */
  id: string;
}

/** A recommendation a module issues through the register, inside the module's own command. */
export interface RecommendationIssue {
  source: RecommendationSourceRecord & {
    kind: RecommendationSourceKind;
    /** Where a person finds it (minutes, an assessment), without personal data: the public read it. */
    reference: string;
    /** The source record's staff page, for the register's back-link. */
    path?: string;
  };
  text: Bilingual;
  departments: readonly string[];
  /** `YYYY-MM-DD`. */
  issuedOn: string;
  answerDue?: string | null;
  implementationDue?: string | null;
  /** Whether the source's publication rule makes it public now (e.g. the minutes are published). */
  isPublic: boolean;
  /** Terms of the kernel's vocabularies (`rights`, `target_groups`, `sdg_targets`, …). */
  tags?: readonly TagInput[];
}

/** One recommendation issued from a source record, as the source's pages link to it. */
export interface IssuedRecommendation {
  id: string;
  status: 'issued' | 'answered' | 'implementing' | 'implemented' | 'closed';
  departments: readonly string[];
  text: Bilingual;
  isPublic: boolean;
  /** The register's staff page, and the public tracker's (null while not public). */
  staffPath: string;
  publicPath: string | null;
}

/**
 * The register's port (provided by the recommendations module): a module issues its recommendations
 * here, inside its own transaction and audit, and tells the register when the source's publication
 * changes (minutes published, an assessment closed). Departments answer, report and close there.
 */
export interface RecommendationRegister {
  /** Issues one recommendation inside the caller's command (its transaction and audit trail); its id. */
  issue(context: Pick<CommandContext, 'trx' | 'audit'>, input: RecommendationIssue): Promise<string>;
  /** The source's publication rule gives a new answer: every recommendation of the record follows it. */
  sourceChanged(
    trx: Transaction<object>,
    source: RecommendationSourceRecord,
    change: { isPublic: boolean },
  ): Promise<void>;
  /** The recommendations issued from source records (a module's page lists them with links). */
  bySource(db: Db, module: string, ids: readonly string[]): Promise<Map<string, IssuedRecommendation[]>>;
}

/** The services the modules provide, as the kernel hands them to every module (`Kernel`). */
export function providedServices(modules: readonly ServerModule[]): Pick<Kernel, 'recommendations'> {
  const recommendations = modules.find((module) => module.provides?.recommendations)?.provides
    ?.recommendations;
  return recommendations ? { recommendations } : {};
}

export interface SeedContext {
  /** The city's dataset folder, e.g. `datasets/gwangju`. */
  datasetDir: string;
  trx: Transaction<object>;
  /** Sample records for trying the UI (`seed --demo`); each must be marked as sample. */
  demo: boolean;
  /**
   * Reads a dataset file (a path relative to `datasetDir`, e.g. `departments.csv` or
   * `../un-sdg/global_goals.en.yml`); the seed run records the sha256 of every file read this way.
   */
  readFile(path: string): Promise<string>;
}

/** A table a module publishes as open data (CSV and JSON), found by the catalogue through the manifest. */
export interface OpenDataset {
  /** Stable, kebab-case; the download's name (`/open-data/<id>.csv`). */
  id: string;
  title: Bilingual;
  description: Bilingual;
  /** Where the data comes from, e.g. the section of the seed document. */
  source?: string;
  columns: readonly DatasetColumn[];
  /** The rows, each with exactly the columns above; public data only. */
  rows(db: Db): Promise<Record<string, unknown>[]>;
  /** The seed document's table this dataset regenerates (e.g. `Table 3`), if any. */
  seedTable?: string;
  /**
   * Where the annual report prints this dataset as a table; omitted, the report leaves it out. A
   * dataset says what its chart plots, or that it has none: the report never guesses a column.
   */
  report?: { part: ReportPart; order: number; chart: ReportChart | false };
}

/** A column of an open dataset. */
export interface DatasetColumn {
  name: string;
  description: Bilingual;
  /**
   * A column written in one language (a name in Korean beside its English translation): the report
   * in the other language leaves it out. Open data keeps every column.
   */
  language?: Language;
}

/** A column in both languages (`name_ko`, `name_en`), or one column for both. */
export type ReportChartColumn = string | Record<Language, string>;

/**
 * The report's bar chart of a dataset: one bar a row, measured by `value` (a numeric column) and named
 * by the `label` columns joined (a year and a group, where a name alone repeats across years).
 */
export interface ReportChart {
  label: readonly ReportChartColumn[];
  value: string;
}

/** A dataset column, its description in Korean and English; `language` for a column in one language. */
export function datasetColumn(name: string, ko: string, en: string, language?: Language): DatasetColumn {
  return language ? { name, description: { ko, en }, language } : { name, description: { ko, en } };
}

/** The parts of the annual Human Rights City report, in the order of the seed document. */
export const reportParts = ['preamble', 'systems', 'collaboration', 'sdgs', 'un'] as const;
export type ReportPart = (typeof reportParts)[number];

/** A figure the portal's home and the annual report show, read live from the module's data. */
export interface Headline {
  /** Stable, kebab-case, unique across modules. */
  id: string;
  label: Bilingual;
  value: number;
  unit?: Bilingual;
  /** The year or date the figure is for, when it is not "now". */
  asOf?: string;
  /** The public page that explains it. */
  path?: string;
  /** Lower comes first on the home page. */
  order: number;
}

/** One public record that matches a portal search. */
export interface PublicSearchHit {
  /** The kind of record within the module, e.g. `task`, `indicator`. */
  recordType: string;
  title: Bilingual;
  /** A sentence or two to show under the title, when there is one. */
  summary?: Bilingual;
  /** The record's public page in the web app. */
  path: string;
}

/**
 * Records of a module that another module may link to (a recommendation to the action-plan task that
 * implements it, to the indicator that measures it), declared in the manifest under a record type
 * (`linkable: { task: … }`). The linking module finds them by that type among `Kernel.modules` and so
 * never imports the other module's server code; the kernel knows neither.
 */
export interface LinkableRecords {
  /** Those of `ids` that exist (others are left out), with their title and page. */
  find(db: Db, ids: readonly string[]): Promise<LinkedRecord[]>;
  /**
   * The record's dated events on or after `since` (`YYYY-MM-DD`; null: all), oldest first: progress
   * reports accepted, values published. Each says whether the public may read it.
   */
  events(db: Db, id: string, since: string | null): Promise<LinkedEvent[]>;
}

export interface LinkedRecord {
  id: string;
  title: Bilingual;
  /** The public page (or, for a record that is not public, the staff page). */
  path: string;
  isPublic: boolean;
}

export interface LinkedEvent {
  /** `YYYY-MM-DD` in the city's zone (a year's value: the year, `YYYY`). */
  date: string;
  /** The kind of event within the record's module, e.g. `report`, `value`. */
  kind: string;
  label: Bilingual;
  isPublic: boolean;
}

/** Whose work a module is asked for: a staff member (My work, their reminders). */
export interface WorkContext {
  user: { id: string; role: Role; departmentCode: string | null };
  /** The city's today (`YYYY-MM-DD`), against which each item's `dueState` is computed. */
  today: string;
}

/**
 * A periodic job a module runs inside the server (`kernel/server/jobs/scheduler.ts`): due every
 * `everySeconds` by the kernel clock, run on one server at a time when several share a database.
 */
export interface ScheduledJob {
  /** `<module>.<what>`, unique across modules; the job's row in `jobs_schedule`. */
  name: string;
  everySeconds: number;
  /** How long a run may take before another server may take the job over (default 600). */
  leaseSeconds?: number;
  /**
   * Runs on every server at each look instead of on one: for a job that claims its own work row by
   * row (the mail worker), so that several servers share the work.
   */
  concurrent?: true;
  /** `now` is the kernel clock's; a run that throws is logged and retried at its next due time. */
  run(db: Db, now: Date, kernel: Kernel): Promise<void>;
}

/**
 * A kind of notification the module writes with `notify` (`<module>.<what>`), and what users see it
 * called on their preferences page, where they choose how each kind reaches them.
 */
export interface NotificationKind {
  kind: string;
  label: Bilingual;
}

/** What the command line hands a module's commands. */
export interface CliContext {
  /**
   * Reads the configuration and opens the database it names (the data-dir lock taken, migrations
   * applied), for `purpose` (named to whoever else holds the lock). Call `close` when done.
   */
  openDatabase(purpose: string): Promise<{ config: Config; database: Database; close(): Promise<void> }>;
}

export interface ServerModule {
  /** Lowercase name; also the prefix of the module's tables (`name_…`). */
  name: string;
  /** Folder of the module's plain-SQL migrations (`0001-….sql`, applied in name order). */
  migrations?: URL;
  /** Error codes and other server messages, in both languages. */
  messages?: Record<string, Bilingual>;
  /** Registers the module's routes; called inside the `/api/v1` prefix. */
  routes?: (app: FastifyInstance, kernel: Kernel) => void | Promise<void>;
  /** Loads the module's part of the city's dataset, inside the seed's one transaction. */
  seed?: (context: SeedContext) => Promise<void>;
  /** Runs when the server starts, after migrations (e.g. creating the first admin). */
  onStart?: (kernel: Kernel) => Promise<void>;
  /** Tables to empty, children first, before `seed --reset` reloads the dataset. */
  seedTables?: readonly string[];
  /** The module's open datasets. */
  openData?: readonly OpenDataset[];
  /** Open datasets that depend on the module's data (one per indicator), listed when asked. */
  listOpenData?: (db: Db) => Promise<readonly OpenDataset[]>;
  /**
   * Datasets that belong to one year's annual report only (e.g. the results of that year's indicator
   * cycle), in the report's language; each placed by its `report`. Public data only: a year whose
   * results are not published yet gives none.
   */
  reportDatasets?: (db: Db, options: { year: number; language: Language }) => Promise<readonly OpenDataset[]>;
  /** The module's headline figures for the portal's home and the annual report; public data only. */
  headlines?: (db: Db) => Promise<readonly Headline[]>;
  /**
   * The module's public records whose text contains `query` (already trimmed, at least two
   * characters; a substring match, so a two-syllable Korean word is found), at most `limit` of them.
   * Public records only, never drafts or personal data.
   */
  publicSearch?: (db: Db, query: string, limit: number) => Promise<readonly PublicSearchHit[]>;
  /**
   * The work waiting in this module for the user or their department (answers, reports, values to
   * enter, steps to take), each with its due date: My work lists them and the reminders read them.
   */
  work?: (db: Db, context: WorkContext) => Promise<readonly WorkItem[]>;
  /** Services the module offers other modules through the kernel (see `Kernel`). */
  provides?: { recommendations?: RecommendationRegister };
  /** Periodic work the server runs (reminders, mail delivery), one server at a time. */
  jobs?: readonly ScheduledJob[];
  /**
   * The kinds of notification the module writes: the preferences page lists them, and a preference
   * for a kind nobody declares is refused. A kind `notify` writes must be declared here.
   */
  notificationKinds?: readonly NotificationKind[];
  /** The module's records others may link to, by record type (see `LinkableRecords`). */
  linkable?: Readonly<Record<string, LinkableRecords>>;
  /** Adds the module's commands to the command line (`rightscity <module> …`). */
  cli?: (program: Command, context: CliContext) => void;
}

export type { Db };
