/**
 * Who may see and do what with grants. The office (officers and administrators) runs calls and
 * reviews; an organisation sees and edits only its own applications, and another's is "not found"
 * rather than "forbidden" so that its existence is not revealed. Drafts are the organisation's own
 * until submitted: the office does not see them.
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import { forbidden, notFound } from '../../../kernel/server/errors.ts';
import type { ApplicationStatus } from '../contract.ts';

export function isOffice(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'officer';
}

export function isApplicant(user: SessionUser, application: { organisation_id: string }): boolean {
  return user.role === 'organisation' && application.organisation_id === user.id;
}

/** Throws 404 unless the user may read the application. */
export function requireReadable(
  user: SessionUser,
  application: { organisation_id: string; status: ApplicationStatus },
): void {
  if (isApplicant(user, application)) return;
  if (isOffice(user) && application.status !== 'draft') return;
  throw notFound();
}

/** The applicant's own application, or 404 (the office gets 403: it knows the record exists). */
export function requireApplicant(
  user: SessionUser,
  application: { organisation_id: string; status: ApplicationStatus },
): void {
  requireReadable(user, application);
  if (!isApplicant(user, application)) throw forbidden();
}

/** Reviewing (declarations, scores, decisions, awards, tranches) is the office's. */
export function requireReviewer(
  user: SessionUser,
  application: { organisation_id: string; status: ApplicationStatus },
): void {
  requireReadable(user, application);
  if (!isOffice(user)) throw forbidden();
}
