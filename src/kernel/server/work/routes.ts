/**
 * My work over HTTP: a signed-in user's work from every module, and (officers and admins) each
 * department's. Reads only; the items come from the manifests (`work`), never from a module by name.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { departmentWorkSchema } from '../../shared/department-work.ts';
import { myWorkSchema } from '../../shared/work.ts';
import { requireUser } from '../access.ts';
import { clock } from '../city/clock.ts';
import type { Kernel } from '../module.ts';
import { workByDepartment, workFor } from './collect.ts';

const tags = ['work'];

export function workRoutes(scope: FastifyInstance, { database, modules }: Kernel): void {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/my-work',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "The signed-in user's work waiting in every module, most urgent first",
        response: { 200: myWorkSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const today = clock().today();
      const items = await workFor(database.db, modules, {
        user: { id: user.id, role: user.role, departmentCode: user.departmentCode },
        today,
      });
      return { today, items };
    },
  );

  app.get(
    '/my-work/departments',
    {
      config: { access: { roles: ['admin', 'officer'] } },
      schema: {
        tags,
        summary: 'Per department, the work waiting and how much of it is overdue (the office’s view)',
        response: { 200: departmentWorkSchema },
      },
    },
    async () => {
      const today = clock().today();
      const rows = await workByDepartment(database.db, modules, today);
      return {
        today,
        departments: rows.map((row) => ({
          code: row.code,
          name: row.name,
          open: row.items.length,
          overdue: row.items.filter((item) => item.dueState === 'overdue').length,
          items: row.items,
        })),
      };
    },
  );
}
