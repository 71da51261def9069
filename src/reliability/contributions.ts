/**
 * What a module gives the reliability suite, kept in the module (`src/modules/<name>/reliability/`):
 * `authorization.csv`, its rows of the authorization matrix (same columns as the kernel's
 * `authorization-matrix.csv` beside this file), and `index.ts`, exporting `reliability`: how to make
 * the records its routes act on, and which of its records people edit with a version. The suite finds
 * them through the registered modules, so a module brings its expectations with it.
 */
import { existsSync } from 'node:fs';
import type { TestApp } from '../kernel/server/testing.ts';
import type { Role } from '../kernel/shared/roles.ts';

/** Path values for one route: the caller's own record (where ownership matters) and another's. */
export interface Variants {
  own?: Record<string, unknown>;
  another: Record<string, unknown>;
  /**
   * The values name records that exist, so a 404 is a refusal that hides the record (as a case file
   * does from someone who may not see it). False when a part is made up.
   */
  exists: boolean;
}

export interface AuthorizationContext {
  test: TestApp;
  /** One user per role; the department user belongs to the department `TEST-DEPT`. */
  users: Record<Role, { id: string }>;
  /** Session headers (cookie and CSRF token) for a user. */
  headers(userId: string): Promise<Record<string, string>>;
}

/** For each route path (as in the OpenAPI document), the values to call it with as `caller`. */
export type RecordsOf = (caller: { id: string } | undefined) => Record<string, Variants>;

export interface Edit {
  method: 'PATCH' | 'POST' | 'PUT';
  /** Where an editor sends the change. */
  url: string;
  /** Where the record is read back. */
  readUrl: string;
  /** The version every editor read. */
  version: number;
  /** Who edits (one fresh session each). */
  editorId: string;
}

export interface EditableRecord {
  name: string;
  create(test: TestApp, adminId: string): Promise<Edit>;
  /** Editor `index`'s change, made from `version`. */
  change(index: number, version: number): object;
  /** The record as read back: whether it holds editor `index`'s change and nobody else's, and its version. */
  read(index: number, body: unknown): { madeBy: boolean; version: number };
}

/** A personal value planted through the API, which must never appear in a public place. */
export interface Planted {
  field: string;
  value: string;
  /** Sensitive personal data: must not be readable in a backup either (it is stored encrypted). */
  encryptedAtRest: boolean;
}

export interface PlantingContext {
  /** A running server process (logging at debug). */
  url: string;
  /** An administrator's session headers on it. */
  adminHeaders: Record<string, string>;
  /** A unique, random token to build planted values from. */
  token(): string;
}

export interface ModuleReliability {
  /**
   * Plants unique values in every personal field the module has (complainants, registrants,
   * applicants), through the real API; returns them, and the public records the planting answered
   * (a receipt) so that the search for leaks reaches the public pages about them.
   */
  plantPersonalData?(
    context: PlantingContext,
  ): Promise<{ planted: Planted[]; answers?: Record<string, string>[] }>;
  /** Makes the records the module's routes act on (once, before the matrix runs). */
  authorizationRecords?(context: AuthorizationContext): Promise<RecordsOf>;
  /** Bodies for operations whose body the OpenAPI document does not describe as JSON (CSV uploads). */
  rawBodies?: Record<string, { contentType: string; payload: string }>;
  /** Called before each call of the matrix: restores what an allowed call may have deleted. */
  beforeCall?(operationId: string, context: AuthorizationContext): Promise<void>;
  editableRecords?: readonly EditableRecord[];
}

export interface Contribution {
  module: string;
  reliability: ModuleReliability;
  /** The module's rows of the authorization matrix, when it has any. */
  matrix?: URL;
}

/** The contributions of the registered modules that have a `reliability/` folder. */
export async function loadContributions(moduleNames: readonly string[]): Promise<Contribution[]> {
  const found: Contribution[] = [];
  for (const module of moduleNames) {
    const folder = new URL(`../modules/${module}/reliability/`, import.meta.url);
    const index = new URL('index.ts', folder);
    const matrix = new URL('authorization.csv', folder);
    const hasIndex = existsSync(index);
    const hasMatrix = existsSync(matrix);
    if (!hasIndex && !hasMatrix) continue;
    const reliability: ModuleReliability = hasIndex
      ? ((await import(index.href)) as { reliability: ModuleReliability }).reliability
      : {};
    found.push({ module, reliability, ...(hasMatrix ? { matrix } : {}) });
  }
  return found;
}
