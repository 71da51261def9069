/**
 * Every business operation is one transaction: the change and its audit rows commit together or not
 * at all. Commands (the domain rules, named verb-noun) receive a `CommandContext` and never open
 * transactions of their own.
 */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { requireUser, type SessionUser } from './access.ts';
import { type AuditEntry, recordAudit } from './audit/record.ts';
import type { Db } from './db.ts';

export interface Actor {
  /** The user acting, or null for the public (an anonymous complainant) and the system (seed). */
  userId: string | null;
  /**
   * Where the request came from, for the audit trail. Kept for signed-in users only: a public actor
   * (an anonymous complainant) is recorded without an address, which would otherwise tie the
   * submission to a person for anyone reading the trail.
   */
  ip?: string | null;
  /**
   * A refused sign-in keeps its address although nobody is signed in: the trail is where an attack on
   * an account is traced (ASVS V16), and only staff sign in, so no complainant is tied to it.
   */
  signInAttempt?: true;
}

/** Who a request acts as: the user, their address, and the actor their changes are audited under. */
export interface Caller<User extends SessionUser | null = SessionUser> {
  user: User;
  ip: string;
  actor: Actor & { userId: User extends SessionUser ? string : string | null; ip: string };
}

/**
 * The one way a route turns its request into an actor. By default the caller must be signed in (a
 * 401 problem otherwise: for handlers of non-public routes); `{ public: true }` takes anyone, an
 * anonymous caller acting as the public (whose address `runCommand` keeps out of the trail).
 */
export function callerOf(request: FastifyRequest): Caller;
export function callerOf(request: FastifyRequest, options: { public: true }): Caller<SessionUser | null>;
export function callerOf(request: FastifyRequest, options?: { public: true }): Caller<SessionUser | null> {
  const user = options?.public ? request.user : requireUser(request);
  return { user, ip: request.ip, actor: { userId: user?.id ?? null, ip: request.ip } };
}

export interface CommandContext {
  trx: Transaction<object>;
  actor: Actor;
  /** Records one change in the audit trail, inside this transaction. */
  audit(entry: Omit<AuditEntry, 'actorId' | 'ip'>): Promise<void>;
}

export async function runCommand<T>(
  db: Db,
  actor: Actor,
  command: (context: CommandContext) => Promise<T>,
): Promise<T> {
  return db.transaction().execute((trx) =>
    command({
      trx,
      actor,
      audit: (entry) =>
        recordAudit(trx, {
          ...entry,
          actorId: actor.userId,
          ip: actor.userId === null && !actor.signInAttempt ? null : (actor.ip ?? null),
        }),
    }),
  );
}
