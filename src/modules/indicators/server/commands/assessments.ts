/**
 * Step (3): the office's self-assessment per indicator group (area): a score from 1 to 5 and a
 * narrative, written while the cycle is at `assessment`, each save with the version read.
 */
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, notFound } from '../../../../kernel/server/errors.ts';
import type { Assessment, AssessmentUpdate } from '../../contract.ts';
import { type IndicatorsDb, indicatorsDb, indicatorsTrx, savedByName } from '../tables.ts';
import { cycleStepOf, requireStep } from './observations.ts';

export async function areaAssessments(reader: IndicatorsDb, year: number): Promise<Assessment[]> {
  const areas = await reader.selectFrom('indicators_areas').selectAll().orderBy('number').execute();
  const saved = await reader
    .selectFrom('indicators_assessments as a')
    .selectAll('a')
    .select(savedByName('a.updated_by').as('saved_by_name'))
    .where('a.year', '=', year)
    .execute();
  return areas.map((area) => {
    const assessment = saved.find((row) => row.area_code === area.code);
    return {
      areaCode: area.code,
      name: { ko: area.name_ko, en: area.name_en },
      score: assessment?.score ?? null,
      narrative: assessment?.narrative ?? null,
      version: assessment?.version ?? 0,
      savedBy: assessment ? (assessment.saved_by_name ?? '') : null,
      savedAt: assessment ? new Date(assessment.updated_at).toISOString() : null,
    };
  });
}

export async function listAssessments(db: Db, year: number) {
  const reader = indicatorsDb(db);
  const step = await cycleStepOf(reader, year);
  return { year, step, areas: await areaAssessments(reader, year) };
}

export async function saveAssessment(
  db: Db,
  user: SessionUser,
  ip: string | null,
  year: number,
  areaCode: string,
  input: AssessmentUpdate,
): Promise<void> {
  await runCommand(db, { userId: user.id, ip }, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    requireStep(await cycleStepOf(trx, year, { lock: true }), year, ['assessment']);
    const area = await trx
      .selectFrom('indicators_areas')
      .select('code')
      .where('code', '=', areaCode)
      .executeTakeFirst();
    if (!area) throw notFound();
    const current = await trx
      .selectFrom('indicators_assessments')
      .selectAll()
      .where('year', '=', year)
      .where('area_code', '=', areaCode)
      .forUpdate()
      .executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) throw conflict();
    const values = {
      score: input.score,
      narrative: input.narrative,
      updated_by: user.id,
      updated_at: new Date(),
    };
    if (current) {
      await trx
        .updateTable('indicators_assessments')
        .set({ ...values, version: current.version + 1 })
        .where('year', '=', year)
        .where('area_code', '=', areaCode)
        .execute();
    } else {
      await trx
        .insertInto('indicators_assessments')
        .values({ year, area_code: areaCode, ...values })
        .execute();
    }
    await audit({
      action: 'indicators.save-assessment',
      entityType: 'indicators_assessments',
      entityId: `${year}:${areaCode}`,
      before: current ? { score: current.score, narrative: current.narrative } : null,
      after: { score: input.score, narrative: input.narrative },
    });
  });
}
