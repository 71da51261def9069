/** The office's published annual figures (`ombudsman-annual.csv`), loaded with the city's dataset. */

import type { SeedContext } from '../../../../kernel/server/module.ts';
import { integer, optional, readCsv, text } from '../../../../kernel/server/seed/dataset-files.ts';
import { ombudsmanTrx } from '../tables.ts';

export async function seedAnnualFigures(context: SeedContext): Promise<void> {
  const rows = await readCsv(
    context,
    'ombudsman-annual.csv',
    {
      year: integer,
      counselling_sessions: optional(integer),
      cases_registered: optional(integer),
      source_section: text,
      note: optional(text),
    },
    { key: 'year' },
  );
  if (rows.length === 0) return;
  await ombudsmanTrx(context.trx)
    .insertInto('ombudsman_annual')
    .values(rows.map(({ origin: _origin, ...row }) => row))
    .execute();
}
