/**
 * Editing an indicator's metadata (the office): what the seed does not give (type, kind, unit,
 * definitions, direction, source, periodicity, department, status, baseline and target, validation
 * rules, tags). Names and area stay as the dataset has them. A stale `version` is a 409 `conflict`.
 */

import type { Actor } from '../../../../kernel/server/command.ts';
import { runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { conflict, fieldError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { setTags } from '../../../../kernel/server/vocabularies/tags.ts';
import type { IndicatorUpdate } from '../../contract.ts';
import { indicatorRecord, loadIndicator } from '../queries.ts';
import { indicatorsTrx } from '../tables.ts';

export async function updateIndicator(
  db: Db,
  actor: Actor,
  code: string,
  input: IndicatorUpdate,
): Promise<void> {
  if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue) {
    throw fieldError('body.maxValue', 'range_inverted', {
      ko: '최댓값이 최솟값보다 작습니다.',
      en: 'The maximum is below the minimum.',
    });
  }
  await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const before = await loadIndicator(trx, code, { forUpdate: true });
    if (before.version !== input.version) throw conflict();
    const after = {
      ohchr_type: input.ohchrType,
      kind: input.kind,
      status: input.status,
      task: input.task,
      unit: input.unit,
      numerator: input.numerator,
      denominator: input.denominator,
      direction: input.direction,
      data_source: input.dataSource,
      periodicity: input.periodicity,
      responsible_department: input.responsibleDepartment,
      baseline_year: input.baseline?.year ?? null,
      baseline_value: input.baseline?.value ?? null,
      target_year: input.target?.year ?? null,
      target_value: input.target?.value ?? null,
      min_value: input.minValue,
      max_value: input.maxValue,
      change_threshold_percent: input.changeThresholdPercent,
    };
    await trx
      .updateTable('indicators_indicators')
      .set({
        ...after,
        version: before.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', before.id)
      .execute();
    await setTags(
      raw,
      {
        ...indicatorRecord(code),
        isPublic: true,
        title: { ko: before.name_ko, en: before.name_en },
        path: `/indicators/${code}`,
      },
      input.tags,
    );
    const { id: _id, updated_at: _updated, ...previous } = before;
    await audit({
      action: 'indicators.update-indicator',
      entityType: 'indicators_indicators',
      entityId: code,
      before: previous,
      after,
    });
  });
  publicDataChanged();
}
