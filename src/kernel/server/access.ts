/**
 * Deny by default. Every API route must say who may call it (`config.access`); a route that does not
 * stops the server at start. The role gate runs before validation, so a caller without the right
 * role learns nothing about the shape of the input; record-level checks run in the module's policy,
 * inside the command, where the record is at hand.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../shared/roles.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';

/** `public`: anyone, signed in or not. `authenticated`: any signed-in user. Or a list of roles. */
export type Access = 'public' | 'authenticated' | { roles: readonly Role[] };

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** Set by authentication on every request: the signed-in user, or null for the public. */
    user: SessionUser | null;
  }
}

export function isAllowed(access: Access, user: SessionUser | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'authenticated') return true;
  return access.roles.includes(user.role);
}

/** The signed-in user, or a 401 problem; for handlers of non-public routes. */
export function requireUser(request: FastifyRequest) {
  if (!request.user) throw unauthenticated();
  return request.user;
}

export function enforceAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.config?.access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access: add config.access.`);
    }
  });
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || isAllowed(access, request.user)) return;
    throw request.user ? forbidden() : unauthenticated();
  });
}

export { AppError };
