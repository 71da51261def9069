/**
 * Who may do what with a task: the office (officers, administrators) everything but reporting; the
 * committee reads every task and comments; a department reads only the tasks it leads or cooperates
 * on, and reports only on those it leads.
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import { forbidden } from '../../../kernel/server/errors.ts';

interface TaskOwnership {
  lead_department: string;
  cooperating_departments: readonly string[];
}

export function isOffice(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'officer';
}

export function mayRead(user: SessionUser, task: TaskOwnership): boolean {
  if (isOffice(user) || user.role === 'committee') return true;
  if (user.role !== 'department' || user.departmentCode === null) return false;
  return (
    task.lead_department === user.departmentCode || task.cooperating_departments.includes(user.departmentCode)
  );
}

export function mayReport(user: SessionUser, task: TaskOwnership): boolean {
  return (
    user.role === 'department' && user.departmentCode !== null && task.lead_department === user.departmentCode
  );
}

export function mayComment(user: SessionUser): boolean {
  return isOffice(user) || user.role === 'committee';
}

export function requireRead(user: SessionUser, task: TaskOwnership): void {
  if (!mayRead(user, task)) throw forbidden();
}

export function requireReport(user: SessionUser, task: TaskOwnership): void {
  if (!mayReport(user, task)) throw forbidden();
}
