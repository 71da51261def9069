/**
 * Who does what with committees. The secretariat (admins and officers of the Human Rights Office)
 * manages bodies, members, meetings, minutes and registrations; committee members read internal
 * meetings and comment; a department answers only the recommendations addressed to its own code; the
 * public sees public meetings, published agendas, published minutes, and registers for roundtables.
 */
import type { Access, SessionUser } from '../../../kernel/server/access.ts';

export const secretariat: Access = { roles: ['admin', 'officer'] };
export const insiders: Access = { roles: ['admin', 'officer', 'committee'] };
export const recommendationReaders: Access = { roles: ['admin', 'officer', 'committee', 'department'] };

export function isSecretariat(user: SessionUser | null): boolean {
  return user !== null && ['admin', 'officer'].includes(user.role);
}

/** Reads internal meetings, draft minutes, attendance and comments. */
export function isInsider(user: SessionUser | null): boolean {
  return user !== null && ['admin', 'officer', 'committee'].includes(user.role);
}

/** The departments whose recommendations the user sees: all (null), or one. */
export function departmentScope(user: SessionUser): string | null {
  return user.role === 'department' ? (user.departmentCode ?? '') : null;
}
