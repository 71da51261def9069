/**
 * The indicators' part of My work, for every cycle not yet closed:
 * - a department: the values of its own indicators still to enter while the cycle takes data
 *   (`dataEntrySteps`; qualitative indicators are left out, their value comes from the office
 *   aggregating the questionnaire), and the complementation actions it owns that are neither done nor
 *   cancelled, due on the action's due date (actions outlive their year, so a closed year's count too);
 * - the office (officers, admins): what the cycle's current and earlier steps still lack and is the
 *   office's to do, as `read-cycle-gaps.ts` counts it (targets, questionnaires to write, close or
 *   aggregate, areas to self-assess, the committee's comments to answer, actions to create).
 * A cycle has no deadline of its own in the schema, so a cycle's items carry no due date.
 */
import { sql } from 'kysely';
import type { Db } from '../../../kernel/server/db.ts';
import type { WorkContext } from '../../../kernel/server/module.ts';
import { workItem } from '../../../kernel/server/work/due-state.ts';
import type { WorkItem } from '../../../kernel/shared/work.ts';
import type { CycleGaps } from '../contract.ts';
import { actionsPath, cyclesPath, entryPath, questionnairesPath } from '../web/paths.ts';
import { readCycleGaps } from './commands/read-cycle-gaps.ts';
import { indicatorsDb } from './tables.ts';
import { dataEntrySteps } from './workflow.ts';

type GapKind = CycleGaps['gaps'][number]['kind'];

/** The office's gaps, with what to do and where. Values and unfinished actions are departments'. */
const officeGaps: Partial<Record<GapKind, { ko: string; en: string; path: string }>> = {
  targets_missing: { ko: '목표와 계획 확정하기', en: 'Confirm the targets and plans', path: cyclesPath },
  questionnaires_missing: { ko: '설문지 만들기', en: 'Write the questionnaires', path: questionnairesPath },
  questionnaires_open: {
    ko: '설문 응답 받기 마치기',
    en: 'Close the questionnaires (end data collection)',
    path: questionnairesPath,
  },
  questionnaires_not_aggregated: {
    ko: '설문 응답 집계하기',
    en: 'Aggregate the questionnaires’ answers',
    path: questionnairesPath,
  },
  assessments_missing: { ko: '영역별 자체 평가하기', en: 'Self-assess the areas', path: cyclesPath },
  comments_unanswered: {
    ko: '위원회 의견에 답하기',
    en: 'Answer the committee’s comments',
    path: cyclesPath,
  },
  actions_missing: { ko: '보완 조치 만들기', en: 'Create the complementation actions', path: actionsPath },
};

const shortText = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

export async function indicatorsWork(db: Db, { user, today }: WorkContext): Promise<WorkItem[]> {
  const reader = indicatorsDb(db);
  const cycles = await reader
    .selectFrom('indicators_cycles')
    .select(['year', 'step'])
    .where('step', '<>', 'closed')
    .orderBy('year')
    .execute();
  const items: WorkItem[] = [];
  if (user.role === 'officer' || user.role === 'admin') {
    for (const cycle of cycles) {
      const { gaps } = await readCycleGaps(db, cycle.year);
      for (const gap of gaps) {
        const what = officeGaps[gap.kind];
        if (!what || (gap.kind !== 'actions_missing' && gap.missing === 0)) continue;
        const count = gap.kind === 'actions_missing' ? '' : ` (${gap.missing}/${gap.total})`;
        items.push(
          workItem(
            {
              key: `indicators:${cycle.year}:${gap.kind}`,
              kind: `indicators.${gap.kind}`,
              module: 'indicators',
              title: {
                ko: `${cycle.year}년 인권지표 평가${count}`,
                en: `Indicators assessment ${cycle.year}${count}`,
              },
              action: { ko: what.ko, en: what.en },
              departmentCode: null,
              dueOn: null,
              path: what.path,
            },
            today,
          ),
        );
      }
    }
    return items;
  }
  if (user.role !== 'department' || user.departmentCode === null) return [];
  const department = user.departmentCode;
  const entryYears = cycles.filter((cycle) => dataEntrySteps.includes(cycle.step)).map((cycle) => cycle.year);
  if (entryYears.length > 0) {
    const indicators = await reader
      .selectFrom('indicators_indicators')
      .select(['id', 'code', 'name_ko', 'name_en'])
      .where('responsible_department', '=', department)
      // `kind` is unset for an indicator the seed does not classify: it takes values like any other.
      .where((eb) => eb.or([eb('kind', 'is', null), eb('kind', '<>', 'qualitative')]))
      .execute();
    const entered = indicators.length
      ? await reader
          .selectFrom('indicators_observations')
          .select(['indicator_id', 'year'])
          .distinct()
          .where('year', 'in', entryYears)
          .where(
            'indicator_id',
            'in',
            indicators.map((row) => row.id),
          )
          .where('superseded_at', 'is', null)
          .execute()
      : [];
    const has = new Set(entered.map((row) => `${row.indicator_id}:${row.year}`));
    indicators.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    for (const year of entryYears) {
      for (const indicator of indicators) {
        if (has.has(`${indicator.id}:${year}`)) continue;
        items.push(
          workItem(
            {
              key: `indicators:${year}:${indicator.code}:values`,
              kind: 'indicators.enter_values',
              module: 'indicators',
              title: {
                ko: `${indicator.code} ${indicator.name_ko} (${year})`,
                en: `${indicator.code} ${indicator.name_en} (${year})`,
              },
              action: { ko: '지표 값 입력하기', en: 'Enter the indicator’s values' },
              departmentCode: department,
              dueOn: null,
              path: entryPath,
            },
            today,
          ),
        );
      }
    }
  }
  const actions = await reader
    .selectFrom('indicators_actions as action')
    .innerJoin('indicators_indicators as indicator', 'indicator.id', 'action.indicator_id')
    .select(['action.id', 'action.description', 'indicator.code'])
    .select(sql<string>`action.due_date::text`.as('due_date'))
    .where('action.owner_department', '=', department)
    .where('action.status', 'not in', ['done', 'cancelled'])
    .orderBy('action.id')
    .execute();
  for (const action of actions) {
    items.push(
      workItem(
        {
          key: `indicators:action:${action.id}`,
          kind: 'indicators.complementation_action',
          module: 'indicators',
          title: {
            ko: `${action.code} ${shortText(action.description)}`,
            en: `${action.code} ${shortText(action.description)}`,
          },
          action: { ko: '보완 조치 이행하기', en: 'Carry out the complementation action' },
          departmentCode: department,
          dueOn: action.due_date,
          path: actionsPath,
        },
        today,
      ),
    );
  }
  return items;
}
