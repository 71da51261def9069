/**
 * What a year's cycle still lacks, for the confirmation the office gives before moving it on or
 * closing it: the gaps of the current step and of the steps before it (targets not saved, indicators
 * without a value, questionnaires missing, still taking answers or not turned into data, areas not
 * self-assessed, the committee's comments not answered, no action or actions still under way).
 * Served by the API so that the page shows the server's count, not its own guess.
 */
import type { Db } from '../../../../kernel/server/db.ts';
import { type CycleGaps, type CycleStep, cycleSteps as stepOrder } from '../../contract.ts';
import { indicatorsDb } from '../tables.ts';
import { cycleStepOf } from './observations.ts';

const reached = (step: CycleStep, from: CycleStep) => stepOrder.indexOf(step) >= stepOrder.indexOf(from);

export async function readCycleGaps(db: Db, year: number): Promise<CycleGaps> {
  const reader = indicatorsDb(db);
  const step = await cycleStepOf(reader, year);
  const gaps: CycleGaps['gaps'] = [];
  const add = (kind: CycleGaps['gaps'][number]['kind'], items: string[], total: number) => {
    if (items.length > 0 || (kind === 'actions_missing' && total === 0)) {
      gaps.push({ kind, missing: items.length, total, items });
    }
  };
  const indicators = (
    await reader.selectFrom('indicators_indicators').select(['id', 'code', 'kind']).execute()
  ).sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const missing = (have: Set<number>, among = indicators) =>
    among.filter((row) => !have.has(row.id)).map((row) => row.code);

  const targets = new Set(
    (
      await reader.selectFrom('indicators_targets').select('indicator_id').where('year', '=', year).execute()
    ).map((row) => row.indicator_id),
  );
  add('targets_missing', missing(targets), indicators.length);

  if (reached(step, 'collection')) {
    const valued = new Set(
      (
        await reader
          .selectFrom('indicators_observations')
          .select('indicator_id')
          .distinct()
          .where('year', '=', year)
          .where('superseded_at', 'is', null)
          .execute()
      ).map((row) => row.indicator_id),
    );
    add('values_missing', missing(valued), indicators.length);
    const qualitative = indicators.filter((row) => row.kind === 'qualitative');
    const questionnaires = await reader
      .selectFrom('indicators_questionnaires')
      .select('indicator_id')
      .where('year', '=', year)
      .execute();
    const withQuestionnaire = new Set(questionnaires.map((row) => row.indicator_id));
    add('questionnaires_missing', missing(withQuestionnaire, qualitative), qualitative.length);
    const written = indicators.filter((row) => withQuestionnaire.has(row.id));
    // Answers are taken only during data collection: moving on closes every questionnaire.
    if (step === 'collection') {
      add(
        'questionnaires_open',
        written.map((row) => row.code),
        written.length,
      );
    }
    add('questionnaires_not_aggregated', missing(valued, written), written.length);
  }

  if (reached(step, 'assessment')) {
    const areas = await reader.selectFrom('indicators_areas').select('code').orderBy('number').execute();
    const assessed = new Set(
      (
        await reader
          .selectFrom('indicators_assessments')
          .select('area_code')
          .where('year', '=', year)
          .execute()
      ).map((row) => row.area_code),
    );
    add(
      'assessments_missing',
      areas.filter((area) => !assessed.has(area.code)).map((area) => area.code),
      areas.length,
    );
  }

  if (reached(step, 'report')) {
    const comments = await reader
      .selectFrom('indicators_report_comments as c')
      .select([
        'c.id',
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom('indicators_comment_answers as a')
                .select('a.id')
                .whereRef('a.comment_id', '=', 'c.id'),
            )
            .as('answered'),
      ])
      .where('c.year', '=', year)
      .orderBy('c.id')
      .execute();
    add(
      'comments_unanswered',
      comments.filter((comment) => !comment.answered).map((comment) => String(comment.id)),
      comments.length,
    );
  }

  if (reached(step, 'complementation')) {
    const actions = await reader
      .selectFrom('indicators_actions')
      .select(['id', 'status'])
      .where('year', '=', year)
      .orderBy('id')
      .execute();
    add('actions_missing', [], actions.length);
    add(
      'actions_unfinished',
      actions
        .filter((action) => action.status === 'planned' || action.status === 'in_progress')
        .map((action) => String(action.id)),
      actions.length,
    );
  }
  return { year, step, gaps };
}
