/**
 * An admin changes someone's name, role, department or whether they may log in. Optimistic
 * concurrency: the caller sends the version it read, and a change made meanwhile by someone else is
 * a 409, never silently overwritten. The platform never loses its last active admin.
 */
import { sql } from 'kysely';
import type { Role } from '../../../shared/roles.ts';
import { type Actor, runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { accountsTrx, type PublicUserRow, publicUserColumns } from '../tables.ts';
import { checkDepartment } from './create-user.ts';

export interface UpdateUserInput {
  displayName?: string | undefined;
  role?: Role | undefined;
  departmentCode?: string | null | undefined;
  disabled?: boolean | undefined;
  version: number;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
): Promise<PublicUserRow> {
  return runCommand(db, actor, async ({ trx, audit }) => {
    const accounts = accountsTrx(trx);
    const current = await accounts
      .selectFrom('accounts_users')
      .select(publicUserColumns)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound();
    if (current.version !== input.version) throw conflict();

    const before = {
      displayName: current.display_name,
      role: current.role,
      departmentCode: current.department_code,
      disabled: current.disabled_at !== null,
    };
    const after = {
      displayName: input.displayName?.trim() ?? before.displayName,
      role: input.role ?? before.role,
      departmentCode: input.departmentCode === undefined ? before.departmentCode : input.departmentCode,
      disabled: input.disabled ?? before.disabled,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
      (key) => after[key] !== before[key],
    );
    if (changed.length === 0) return current;
    checkDepartment(after.role, after.departmentCode);

    const losesAdmin =
      before.role === 'admin' && !before.disabled && (after.role !== 'admin' || after.disabled);
    if (losesAdmin) {
      // Locking every active admin row makes two admins demoting each other at once take turns, so the
      // second sees the first's change and is refused.
      const admins = await accounts
        .selectFrom('accounts_users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .forUpdate()
        .execute();
      if (admins.every((admin) => admin.id === id)) throw new AppError('last_admin', 409);
    }

    const user = await accounts
      .updateTable('accounts_users')
      .set({
        display_name: after.displayName,
        role: after.role,
        department_code: after.departmentCode,
        disabled_at: after.disabled ? (current.disabled_at ?? sql<Date>`now()`) : null,
        updated_at: sql<Date>`now()`,
        version: current.version + 1,
      })
      .where('id', '=', id)
      .returning(publicUserColumns)
      .executeTakeFirstOrThrow();
    // A disabled account is out at once, on every app server: its sessions go with it.
    if (after.disabled && !before.disabled) {
      await accounts.deleteFrom('accounts_sessions').where('user_id', '=', id).execute();
    }
    await audit({
      action: 'accounts.update-user',
      entityType: 'accounts_users',
      entityId: id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
    return user;
  });
}
