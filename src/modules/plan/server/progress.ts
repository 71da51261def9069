/**
 * The arithmetic of the action plan, kept pure so that it can be tested on its own: a parent task's
 * progress rolled up from its children by weight, the reporting periods of a year, and which periods
 * of a task are overdue.
 */

import { clock } from '../../../kernel/server/city/clock.ts';

export interface ProgressNode {
  id: number;
  parentId: number | null;
  /** The share of the parent's progress this task carries, relative to its siblings. */
  weight: number;
  /** The leaf's own progress (its latest accepted report), or null when nothing is accepted yet. */
  ownProgress: number | null;
}

/**
 * Every task's progress (0–100, to one decimal): a leaf's own (0 until a report is accepted); a parent's, the
 * weighted mean of its children's, however deep the tree. A parent's own reports do not count: its
 * progress is what its children achieved. A parent outside `nodes` makes a child a root.
 */
export function rollUpProgress(nodes: readonly ProgressNode[]): Map<number, number> {
  const children = new Map<number, ProgressNode[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const siblings = children.get(node.parentId) ?? [];
    siblings.push(node);
    children.set(node.parentId, siblings);
  }
  const exact = new Map<number, number>();
  const visiting = new Set<number>();
  const progressOf = (node: ProgressNode): number => {
    const known = exact.get(node.id);
    if (known !== undefined) return known;
    // A cycle cannot be stored (the commands refuse one); this only keeps a bad row from looping.
    if (visiting.has(node.id)) return 0;
    visiting.add(node.id);
    const own = children.get(node.id) ?? [];
    let value: number;
    if (own.length === 0) {
      value = node.ownProgress ?? 0;
    } else {
      const totalWeight = own.reduce((sum, child) => sum + child.weight, 0);
      value = own.reduce((sum, child) => sum + progressOf(child) * child.weight, 0) / totalWeight;
    }
    exact.set(node.id, value);
    visiting.delete(node.id);
    return value;
  };
  // Rounded only at the end, so that rounding at each level does not add up.
  return new Map(nodes.map((node) => [node.id, Math.round(progressOf(node) * 10) / 10]));
}

export const periodsPerYearChoices = [1, 2, 4, 12] as const;
export type PeriodsPerYear = (typeof periodsPerYearChoices)[number];
export const defaultPeriodsPerYear: PeriodsPerYear = 4;

export interface ReportingPeriod {
  /** `2024-Q1`, `2024-H2`, `2024-Y1`, `2024-M07`. */
  code: string;
  /** First day, ISO date (the city's calendar). */
  startsOn: string;
  /** Last day, ISO date (the city's calendar). */
  endsOn: string;
  /** The instant the period is over: the city's midnight after its last day. */
  endsAt: Date;
}

const letter: Record<PeriodsPerYear, string> = { 1: 'Y', 2: 'H', 4: 'Q', 12: 'M' };

const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The reporting periods of `year`, in order; a period ends at the city's midnight after its last day. */
export function reportingPeriods(year: number, perYear: PeriodsPerYear): ReportingPeriod[] {
  const months = 12 / perYear;
  return Array.from({ length: perYear }, (_, index) => {
    const firstMonth = index * months + 1;
    const nextMonth = firstMonth + months;
    // Day 0 of the next month is the last day of this one.
    const lastDay = new Date(Date.UTC(year, nextMonth - 1, 0)).getUTCDate();
    const number = perYear === 12 ? String(index + 1).padStart(2, '0') : String(index + 1);
    return {
      code: `${year}-${letter[perYear]}${number}`,
      startsOn: isoDate(year, firstMonth, 1),
      endsOn: isoDate(year, nextMonth - 1, lastDay),
      endsAt: clock().endOfDay(isoDate(year, nextMonth - 1, lastDay)),
    };
  });
}

export interface PeriodReport {
  period: string;
  revision: number;
  state: 'submitted' | 'accepted' | 'returned';
}

/**
 * The periods of a task that are overdue at `now`: ended, and whose latest report is neither
 * submitted nor accepted (none at all, or returned and not yet resubmitted).
 */
export function overduePeriods(
  periods: readonly ReportingPeriod[],
  reports: readonly PeriodReport[],
  now: Date,
): ReportingPeriod[] {
  const latest = new Map<string, PeriodReport>();
  for (const report of reports) {
    const current = latest.get(report.period);
    if (!current || report.revision > current.revision) latest.set(report.period, report);
  }
  return periods.filter((period) => {
    if (period.endsAt.getTime() > now.getTime()) return false;
    const state = latest.get(period.code)?.state;
    return state !== 'submitted' && state !== 'accepted';
  });
}
