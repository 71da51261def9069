/**
 * My work, gathered: every module's `work` for one user, or for each department. The kernel knows no
 * module; it asks each manifest and sorts what comes back, most urgent first.
 */
import type { WorkItem } from '../../shared/work.ts';
import type { Db } from '../db.ts';
import type { ServerModule, WorkContext } from '../module.ts';
import { byUrgency } from './due-state.ts';

export async function workFor(
  db: Db,
  modules: readonly ServerModule[],
  context: WorkContext,
): Promise<WorkItem[]> {
  const items: WorkItem[] = [];
  for (const module of modules) {
    if (module.work) items.push(...(await module.work(db, context)));
  }
  return items.sort(byUrgency);
}

export interface DepartmentWorkRow {
  code: string;
  name: { ko: string; en: string } | null;
  items: WorkItem[];
}

/**
 * Each department's work, as a user of that department would see it in My work: the departments of
 * the vocabulary and any other code a user or record carries. Departments with nothing waiting are
 * left out.
 */
export async function workByDepartment(
  db: Db,
  modules: readonly ServerModule[],
  today: string,
): Promise<DepartmentWorkRow[]> {
  const k = db.withTables<{
    vocab_terms: {
      vocabulary: string;
      code: string;
      name_ko: string | null;
      name_en: string;
      sort_order: number;
    };
    accounts_users: { department_code: string | null; disabled_at: Date | null };
  }>();
  const terms = await k
    .selectFrom('vocab_terms')
    .select(['code', 'name_ko', 'name_en'])
    .where('vocabulary', '=', 'departments')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  const users = await k
    .selectFrom('accounts_users')
    .select('department_code')
    .distinct()
    .where('department_code', 'is not', null)
    .where('disabled_at', 'is', null)
    .orderBy('department_code')
    .execute();
  const departments = new Map<string, DepartmentWorkRow['name']>();
  for (const term of terms)
    departments.set(term.code, { ko: term.name_ko ?? term.name_en, en: term.name_en });
  for (const user of users) {
    if (user.department_code && !departments.has(user.department_code))
      departments.set(user.department_code, null);
  }
  const rows: DepartmentWorkRow[] = [];
  for (const [code, name] of departments) {
    // A department's own view: the same contributions, asked as one of its users would be.
    const items = await workFor(db, modules, {
      user: { id: '', role: 'department', departmentCode: code },
      today,
    });
    if (items.length > 0) rows.push({ code, name, items });
  }
  return rows;
}
