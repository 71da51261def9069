/**
 * The office's view of My work: per department, the work waiting for it and how much of it is overdue
 * (shared by server and web). A department's items are exactly what its own users see in My work.
 */
import { z } from 'zod';
import { workItemSchema } from './work.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });

export const departmentWorkSchema = z.object({
  today: z.iso.date(),
  departments: z.array(
    z.object({
      code: z.string(),
      /** The department's name from the departments vocabulary; null for a code it does not hold. */
      name: bilingual.nullable(),
      /** Everything waiting for the department (answers not given, reports not submitted …). */
      open: z.number().int().min(0),
      overdue: z.number().int().min(0),
      /** Most urgent first. */
      items: z.array(workItemSchema),
    }),
  ),
});
export type DepartmentWork = z.infer<typeof departmentWorkSchema>;
