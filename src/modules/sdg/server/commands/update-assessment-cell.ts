/**
 * The assessor fills one cell of a year's matrix: rating, narrative and the platform records that
 * support it. A stale version is a 409 `conflict`; a published assessment is read-only (what the
 * public and the peer cities read must not change under them: unpublish, edit, publish again).
 */
import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, conflict, notFound } from '../../../../kernel/server/errors.ts';
import type { UpdateCellInput } from '../../contract.ts';
import { sdgTrx } from '../tables.ts';

export async function updateAssessmentCell(
  db: Db,
  actor: Actor,
  cell: { year: number; category: string; component: string },
  input: UpdateCellInput,
): Promise<void> {
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = sdgTrx(raw);
    const assessment = await trx
      .selectFrom('sdg_assessments')
      .select(['published_at'])
      .where('year', '=', cell.year)
      .forUpdate()
      .executeTakeFirst();
    if (!assessment) throw notFound();
    if (assessment.published_at !== null) {
      throw new AppError('sdg_assessment_published', 409, { params: { year: cell.year } });
    }
    const before = await trx
      .selectFrom('sdg_assessment_cells')
      .select(['rating', 'narrative_ko', 'narrative_en', 'version'])
      .where('year', '=', cell.year)
      .where('category', '=', cell.category)
      .where('component', '=', cell.component)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    await trx
      .updateTable('sdg_assessment_cells')
      .set({
        rating: input.rating,
        narrative_ko: input.narrative.ko,
        narrative_en: input.narrative.en,
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('year', '=', cell.year)
      .where('category', '=', cell.category)
      .where('component', '=', cell.component)
      .execute();
    await trx
      .deleteFrom('sdg_assessment_evidence')
      .where('year', '=', cell.year)
      .where('category', '=', cell.category)
      .where('component', '=', cell.component)
      .execute();
    if (input.evidence.length > 0) {
      await trx
        .insertInto('sdg_assessment_evidence')
        .values(
          input.evidence.map((item, index) => ({
            ...cell,
            position: index + 1,
            module: item.module,
            record_type: item.recordType,
            record_id: item.recordId,
            title_ko: item.title.ko,
            title_en: item.title.en,
            path: item.path,
          })),
        )
        .execute();
    }
    await audit({
      action: 'sdg.update-assessment-cell',
      entityType: 'sdg_assessment_cells',
      entityId: `${cell.year}/${cell.category}/${cell.component}`,
      before: { rating: before.rating, narrativeKo: before.narrative_ko, narrativeEn: before.narrative_en },
      after: {
        rating: input.rating,
        narrativeKo: input.narrative.ko,
        narrativeEn: input.narrative.en,
        evidence: input.evidence.map((item) => item.path),
      },
    });
  });
}
