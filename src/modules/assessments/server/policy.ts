/**
 * Who may do what to which assessment. The office (officers, administrators) runs every assessment.
 * A department reads the assessments of its own subjects and answers their recommendations, and may
 * take part as an assessor in the assessment step of another department's subject; it never rates
 * its own subject (an assessment of oneself is no assessment).
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import { forbidden } from '../../../kernel/server/errors.ts';
import type { Step } from '../contract.ts';

const isOffice = (user: SessionUser) => user.role === 'officer' || user.role === 'admin';
const isOwn = (user: SessionUser, subject: { department_code: string }) =>
  user.role === 'department' &&
  user.departmentCode !== null &&
  user.departmentCode === subject.department_code;

export function mayRead(user: SessionUser, subject: { department_code: string }, step: Step): boolean {
  if (isOffice(user)) return true;
  if (user.role !== 'department' || user.departmentCode === null) return false;
  return isOwn(user, subject) || step === 'assessment';
}

export function mayRate(user: SessionUser, subject: { department_code: string }): boolean {
  if (isOffice(user)) return true;
  return user.role === 'department' && user.departmentCode !== null && !isOwn(user, subject);
}

export function mayRespond(user: SessionUser, subject: { department_code: string }): boolean {
  return isOffice(user) || isOwn(user, subject);
}

/** Evidence files: the team and the assessed department, never a peer assessor nor the public. */
export const mayDownload = mayRespond;

export function requireRead(user: SessionUser, subject: { department_code: string }, step: Step): void {
  if (!mayRead(user, subject, step)) throw forbidden();
}
export function requireRate(user: SessionUser, subject: { department_code: string }): void {
  if (!mayRate(user, subject)) throw forbidden();
}
export function requireRespond(user: SessionUser, subject: { department_code: string }): void {
  if (!mayRespond(user, subject)) throw forbidden();
}
export function requireDownload(user: SessionUser, subject: { department_code: string }): void {
  if (!mayDownload(user, subject)) throw forbidden();
}
export function requireOffice(user: SessionUser): void {
  if (!isOffice(user)) throw forbidden();
}
