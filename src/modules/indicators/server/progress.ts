/**
 * Progress status of an indicator, by Open SDG's method (the progress calculation of sdg-build, after
 * the ESCAP "SDG Progress Report" method). Growth is the compound annual growth rate,
 * CR = (x_later / x_earlier)^(1 / (t_later - t_earlier)) - 1.
 *
 * - With a target: first, a latest value at or beyond the target (in the desired direction) is
 *   "target achieved". Otherwise the measure is the ratio of the actual growth since the baseline to
 *   the growth needed from the baseline to reach the target by the target year:
 *   ratio >= 0.95 substantial progress, >= 0.5 moderate, >= 0 limited, < 0 deterioration.
 * - Without a target: the measure is the actual growth itself, its sign turned when the desired
 *   direction is a decrease: > 1% a year substantial progress, > 0.5% moderate, >= 0 limited, < 0
 *   deterioration.
 * - Not enough data: no baseline or no latest value, the latest not after the baseline, no desired
 *   direction, or values where growth is undefined (a baseline of zero or values of opposite sign).
 *
 * A pure function so that every outcome is unit-tested; the text of the method is served with every
 * indicator so that the page can show how its status was reached.
 */
import type { ProgressStatus } from '../contract.ts';

export interface YearValue {
  year: number;
  value: number;
}

export interface ProgressInput {
  baseline: YearValue | null;
  target: YearValue | null;
  latest: YearValue | null;
  direction: 'increase' | 'decrease' | null;
}

export interface ProgressResult {
  status: ProgressStatus;
  measure: number | null;
}

const withTarget = { substantial: 0.95, moderate: 0.5, limited: 0 };
const withoutTarget = { substantial: 0.01, moderate: 0.005, limited: 0 };

function growth(from: YearValue, to: YearValue): number | null {
  const ratio = to.value / from.value;
  if (!Number.isFinite(ratio) || ratio < 0 || to.year <= from.year) return null;
  return ratio ** (1 / (to.year - from.year)) - 1;
}

function grade(measure: number, thresholds: typeof withTarget, strict: boolean): ProgressStatus {
  const above = (value: number, threshold: number) => (strict ? value > threshold : value >= threshold);
  if (above(measure, thresholds.substantial)) return 'substantial_progress';
  if (above(measure, thresholds.moderate)) return 'moderate_progress';
  if (measure >= thresholds.limited) return 'limited_progress';
  return 'deterioration';
}

export function progressStatus({ baseline, target, latest, direction }: ProgressInput): ProgressResult {
  const none: ProgressResult = { status: 'not_enough_data', measure: null };
  if (!baseline || !latest || !direction || latest.year <= baseline.year) return none;
  const sign = direction === 'increase' ? 1 : -1;
  if (target) {
    if (sign * (latest.value - target.value) >= 0) return { status: 'target_achieved', measure: null };
    const actual = growth(baseline, latest);
    const required = growth(baseline, target);
    if (actual === null || required === null || required === 0) return none;
    const ratio = actual / required;
    return { status: grade(ratio, withTarget, false), measure: ratio };
  }
  const actual = growth(baseline, latest);
  if (actual === null) return none;
  const measure = sign * actual;
  return { status: grade(measure, withoutTarget, true), measure };
}

export const progressMethod = {
  text: {
    ko:
      '진행 상태는 Open SDG의 방법으로 계산합니다. 성장률은 연평균 복리 성장률 CR = (나중 값 / 처음 값)^(1 / 햇수) - 1입니다. ' +
      '목표가 있으면, 최근 값이 원하는 방향으로 목표에 이르렀을 때 "목표 달성"이고, 그렇지 않으면 기준연도 이후 실제 성장률을 목표연도까지 목표에 이르는 데 필요한 성장률로 나눈 비율로 판정합니다. ' +
      '목표가 없으면 실제 성장률(원하는 방향이 감소이면 부호를 바꿈)로 판정합니다. ' +
      '기준값이나 최근 값, 원하는 방향이 없거나 성장률을 계산할 수 없으면 "자료 부족"입니다.',
    en:
      "Progress is computed by Open SDG's method. Growth is the compound annual growth rate CR = (later value / earlier value)^(1 / years) - 1. " +
      'With a target: a latest value at or beyond the target in the desired direction is "target achieved"; otherwise the status follows the ratio of the actual growth since the baseline to the growth needed to reach the target by the target year. ' +
      'Without a target: the status follows the actual growth (its sign turned when the desired direction is a decrease). ' +
      'Without a baseline, a latest value or a desired direction, or when growth cannot be computed, there is "not enough data".',
  },
  statuses: [
    {
      status: 'target_achieved',
      label: { ko: '목표 달성', en: 'Target achieved' },
      rule: {
        ko: '최근 값이 원하는 방향으로 목표값에 이르렀거나 넘었습니다.',
        en: 'The latest value has reached or passed the target in the desired direction.',
      },
    },
    {
      status: 'substantial_progress',
      label: { ko: '상당한 진전', en: 'Substantial progress' },
      rule: {
        ko: '목표가 있으면 비율 0.95 이상, 없으면 성장률 연 1% 초과.',
        en: 'With a target, a ratio of 0.95 or more; without one, growth above 1% a year.',
      },
    },
    {
      status: 'moderate_progress',
      label: { ko: '보통의 진전', en: 'Moderate progress' },
      rule: {
        ko: '목표가 있으면 비율 0.5 이상 0.95 미만, 없으면 성장률 연 0.5% 초과 1% 이하.',
        en: 'With a target, a ratio from 0.5 to under 0.95; without one, growth above 0.5% and up to 1% a year.',
      },
    },
    {
      status: 'limited_progress',
      label: { ko: '제한적 진전', en: 'Limited progress' },
      rule: {
        ko: '목표가 있으면 비율 0 이상 0.5 미만, 없으면 성장률 연 0% 이상 0.5% 이하.',
        en: 'With a target, a ratio from 0 to under 0.5; without one, growth from 0% to 0.5% a year.',
      },
    },
    {
      status: 'deterioration',
      label: { ko: '악화', en: 'Deterioration' },
      rule: {
        ko: '원하는 방향과 반대로 움직였습니다(비율 또는 성장률이 0 미만).',
        en: 'The indicator moved against the desired direction (a ratio or growth below 0).',
      },
    },
    {
      status: 'not_enough_data',
      label: { ko: '자료 부족', en: 'Not enough data' },
      rule: {
        ko: '기준값, 기준연도 이후의 최근 값, 원하는 방향 가운데 하나가 없거나 성장률을 계산할 수 없습니다.',
        en: 'A baseline, a latest value after it or a desired direction is missing, or growth cannot be computed.',
      },
    },
  ],
} as const;
