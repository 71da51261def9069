/**
 * Opening a year's self-assessment: a draft with every cell of the framework (7 categories × 4
 * components) created empty, so that each cell has a version from the start.
 */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError } from '../../../../kernel/server/errors.ts';
import { sdgTrx } from '../tables.ts';

export async function createAssessment(db: Db, actor: Actor, year: number): Promise<void> {
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = sdgTrx(raw);
    const created = await trx
      .insertInto('sdg_assessments')
      .values({ year, published_at: null })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst();
    if (!created) {
      throw new AppError('sdg_assessment_exists', 409, {
        params: { year },
        errors: [
          {
            field: 'body.year',
            code: 'assessment_exists',
            message: {
              ko: `${year}년 자체 평가가 이미 있습니다.`,
              en: `A self-assessment for ${year} already exists.`,
            },
          },
        ],
      });
    }
    const [categories, components] = await Promise.all([
      trx.selectFrom('sdg_a2030_categories').select('code').execute(),
      trx.selectFrom('sdg_a2030_components').select('code').execute(),
    ]);
    const cells = categories.flatMap((category) =>
      components.map((component) => ({
        year,
        category: category.code,
        component: component.code,
        rating: null,
      })),
    );
    if (cells.length > 0) await trx.insertInto('sdg_assessment_cells').values(cells).execute();
    await audit({
      action: 'sdg.create-assessment',
      entityType: 'sdg_assessments',
      entityId: String(year),
      after: { year, cells: cells.length },
    });
  });
}
