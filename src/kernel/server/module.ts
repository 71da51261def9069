/**
 * A module's server manifest: how the kernel, the portal, the open-data catalogue, the annual report
 * and navigation find it. They loop over manifests and know no module by name. The kernel's own
 * services (accounts, audit, vocabularies) use the same shape.
 */
import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Bilingual } from '../shared/language.ts';
import type { Role } from '../shared/roles.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';

/** What the kernel hands a module's routes and loaders. */
export interface Kernel {
  config: Config;
  database: Database;
  /** Every module registered in this process, in order (for services that loop over them). */
  modules: readonly ServerModule[];
}

export interface NavigationItem {
  /** Path of the web page, e.g. `/staff/users`. */
  path: string;
  label: Bilingual;
  /** Who sees the item; omitted means the public. */
  roles?: readonly Role[];
}

export interface SeedContext {
  /** The city's dataset folder, e.g. `datasets/gwangju`. */
  datasetDir: string;
  trx: Transaction<object>;
  /** Sample records for trying the UI (`seed --demo`); each must be marked as sample. */
  demo: boolean;
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
  navigation?: readonly NavigationItem[];
  /** Loads the module's part of the city's dataset, inside the seed's one transaction. */
  seed?: (context: SeedContext) => Promise<void>;
  /** Runs when the server starts, after migrations (e.g. creating the first admin). */
  onStart?: (kernel: Kernel) => Promise<void>;
  /** Tables to empty, children first, before `seed --reset` reloads the dataset. */
  seedTables?: readonly string[];
}

export type { Db };
