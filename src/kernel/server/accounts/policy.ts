/**
 * Who may do what with accounts. Deny by default: each question answers true only for the cases named
 * here, and a route asks before it calls a command. The route's role gate (`config.access`) says the
 * same thing earlier and more coarsely; this is where the per-record rule (a user may read themself)
 * lives, and where a module that adds a role looks to see what it may touch.
 */
import type { SessionUser } from '../access.ts';
import { forbidden } from '../errors.ts';

export const userPolicy = {
  list: (user: SessionUser) => user.role === 'admin',
  read: (user: SessionUser, userId: string) => user.role === 'admin' || user.id === userId,
  create: (user: SessionUser) => user.role === 'admin',
  update: (user: SessionUser) => user.role === 'admin',
};

/** Turns a policy answer into a 403 problem. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
