/**
 * The population a year's coverage is computed against. Staff record it for the years the seed does
 * not give; editing a year the dataset gives is allowed (the figure reference is then dropped, so
 * the page no longer presents the number as the seed's), and a reload restores the seed's value.
 */
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { educationTrx } from '../tables.ts';

export async function setPopulation(
  db: Db,
  actor: Actor,
  year: number,
  input: { population: number; version: number },
): Promise<void> {
  await runCommand(db, actor, async ({ trx, audit }) => {
    const edu = educationTrx(trx);
    const current = await edu
      .selectFrom('education_population')
      .select(['population', 'figure_id', 'version'])
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw conflict();
    if (current) {
      await edu
        .updateTable('education_population')
        .set({
          population: input.population,
          figure_id: null,
          version: current.version + 1,
          updated_at: new Date(),
        })
        .where('year', '=', year)
        .execute();
    } else {
      // Two first entries of one year at once: the second finds the row and is a conflict, not a 500.
      const inserted = await edu
        .insertInto('education_population')
        .values({ year, population: input.population, figure_id: null })
        .onConflict((oc) => oc.column('year').doNothing())
        .returning('year')
        .executeTakeFirst();
      if (!inserted) throw conflict();
    }
    await audit({
      action: 'education.set-population',
      entityType: 'education_population',
      entityId: String(year),
      before: current ? { population: current.population, figureId: current.figure_id } : null,
      after: { population: input.population, version: input.version + 1 },
    });
  });
  publicDataChanged();
}
