/**
 * Who may change which indicator's data: officers and administrators any indicator's; a department
 * only the indicators whose responsible department is its own (an indicator without one is the
 * office's to assign first).
 */
import type { SessionUser } from '../../../kernel/server/access.ts';
import { forbidden } from '../../../kernel/server/errors.ts';

export function mayEnterData(
  user: SessionUser,
  indicator: { responsible_department: string | null },
): boolean {
  if (user.role === 'admin' || user.role === 'officer') return true;
  return (
    user.role === 'department' &&
    user.departmentCode !== null &&
    indicator.responsible_department === user.departmentCode
  );
}

export function requireDataEntry(
  user: SessionUser,
  indicator: { responsible_department: string | null },
): void {
  if (!mayEnterData(user, indicator)) throw forbidden();
}
