/**
 * The task file, CSV or Excel, in both directions: one row per task, lists in a cell separated by
 * `;`, a milestone written `YYYY-MM-DD|Korean|English`. Reading checks every cell and names the line
 * and column of each problem; writing gives the same columns, so an exported file imports again.
 */
import iconv from 'iconv-lite';
import {
  type FileIssue,
  type FileRow,
  readCsvRows,
  readWorkbook,
} from '../../../../kernel/server/spreadsheet.ts';

import type { TagInput } from '../../../../kernel/server/vocabularies/contract.ts';
import type { Bilingual } from '../../../../kernel/shared/language.ts';
import { type TaskFields, type TaskSummary, taskFieldsSchema, taskFileColumns } from '../../contract.ts';
import type { Milestone } from '../tables.ts';

export type FileKind = 'csv' | 'xlsx';
export type TaskColumn = (typeof taskFileColumns)[number];

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(data, 'cp949');
  }
}

/** The rows of a CSV (UTF-8 with or without a byte-order mark, or CP949) or of an .xlsx's first sheet. */
export function readTaskFile(data: Buffer, kind: FileKind): { header: string[]; rows: FileRow[] } {
  if (kind === 'xlsx') {
    const sheet = readWorkbook(data);
    return { header: sheet.header, rows: sheet.rows };
  }
  const { header, rows } = readCsvRows(decode(data));
  return { header, rows };
}

const required: readonly TaskColumn[] = ['code', 'title_ko', 'title_en', 'lead_department'];
const list = (raw: string) =>
  raw
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
const tagColumns = { rights: 'rights', target_groups: 'target-groups', sdg_targets: 'sdg-targets' } as const;
const truthy = new Set(['true', 'yes', '1', '예', 'y']);
const falsy = new Set(['false', 'no', '0', '아니오', 'n']);

/** Which column holds a field of the task (for a tag problem, its vocabulary's column). */
export function columnOf(field: keyof TaskFields, detail?: string): string {
  switch (field) {
    case 'parentCode':
      return 'parent_code';
    case 'areaCode':
      return 'area';
    case 'title':
    case 'description':
    case 'target':
      return `${field}_${detail === 'en' ? 'en' : 'ko'}`;
    case 'leadDepartment':
      return 'lead_department';
    case 'cooperatingDepartments':
      return 'cooperating_departments';
    case 'budgetPlanned':
      return 'budget_planned';
    case 'indicatorCodes':
      return 'indicators';
    case 'isPublic':
      return 'is_public';
    case 'tags':
      return Object.entries(tagColumns).find(([, vocabulary]) => vocabulary === detail)?.[0] ?? 'rights';
    default:
      return field;
  }
}

function pair(values: Record<string, string>, base: 'description' | 'target'): Bilingual | null | string {
  const ko = values[`${base}_ko`] ?? '';
  const en = values[`${base}_en`] ?? '';
  if (ko === '' && en === '') return null;
  if (ko === '') return `${base}_ko`;
  if (en === '') return `${base}_en`;
  return { ko, en };
}

/** One row as the task it describes, or the problems of its cells. */
export function rowToTask(row: FileRow): { fields: TaskFields } | { issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  const values: Record<string, string> = {};
  // An exported cell that began with a formula character carries a guarding apostrophe: drop it.
  for (const [name, value] of Object.entries(row.values)) values[name] = value.replace(/^'(?=[=+\-@])/, '');
  const fail = (column: string, code: string, message: Bilingual) =>
    issues.push({ line: row.line, column, code, message });
  for (const column of required) {
    if (!values[column]) fail(column, 'required', { ko: '값이 있어야 합니다.', en: 'A value is required.' });
  }
  const bilingualPair = (base: 'description' | 'target') => {
    const value = pair(values, base);
    if (typeof value !== 'string') return value;
    fail(value, 'both_languages', {
      ko: '한국어와 영어를 함께 적어야 합니다.',
      en: 'Give both the Korean and the English text.',
    });
    return null;
  };
  const description = bilingualPair('description');
  const target = bilingualPair('target');
  const budget = values.budget_planned ?? '';
  if (budget !== '' && !/^\d+$/.test(budget)) {
    fail('budget_planned', 'not_integer', {
      ko: `"${budget}"는 원 단위의 정수가 아닙니다(숫자만, 천 단위 구분 기호 없이).`,
      en: `"${budget}" is not a whole number of won (digits only, no separators).`,
    });
  }
  const weightText = values.weight ?? '';
  if (weightText !== '' && !/^\d+(\.\d+)?$/.test(weightText)) {
    fail('weight', 'not_number', {
      ko: `"${weightText}"는 수가 아닙니다.`,
      en: `"${weightText}" is not a number.`,
    });
  }
  const milestones: Milestone[] = [];
  for (const item of list(values.milestones ?? '')) {
    const [date = '', ko = '', en = ''] = item.split('|').map((part) => part.trim());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !ko || !en) {
      fail('milestones', 'bad_milestone', {
        ko: `"${item}"는 "YYYY-MM-DD|한국어|English" 형식이 아닙니다.`,
        en: `"${item}" is not in the form "YYYY-MM-DD|Korean|English".`,
      });
    } else milestones.push({ date, ko, en });
  }
  const publicText = (values.is_public ?? '').toLowerCase();
  if (publicText !== '' && !truthy.has(publicText) && !falsy.has(publicText)) {
    fail('is_public', 'not_boolean', {
      ko: `"${values.is_public}"는 true 또는 false가 아닙니다.`,
      en: `"${values.is_public}" is neither true nor false.`,
    });
  }
  const tags: TagInput[] = Object.entries(tagColumns).flatMap(([column, vocabulary]) =>
    list(values[column] ?? '').map((code) => ({ vocabulary, code })),
  );
  if (issues.length > 0) return { issues };
  const candidate = {
    code: values.code,
    parentCode: values.parent_code || null,
    areaCode: values.area || null,
    title: { ko: values.title_ko, en: values.title_en },
    description,
    leadDepartment: values.lead_department,
    cooperatingDepartments: list(values.cooperating_departments ?? ''),
    budgetPlanned: budget === '' ? null : Number(budget),
    target,
    weight: weightText === '' ? 1 : Number(weightText),
    milestones,
    indicatorCodes: list(values.indicators ?? ''),
    isPublic: publicText === '' || truthy.has(publicText),
    tags,
  };
  const parsed = taskFieldsSchema.safeParse(candidate);
  if (parsed.success) return { fields: parsed.data };
  return {
    issues: parsed.error.issues.map((issue) => {
      const [field, detail] = issue.path.map(String);
      const tag = field === 'tags' && detail !== undefined ? tags[Number(detail)]?.vocabulary : detail;
      return {
        line: row.line,
        column: columnOf(field as keyof TaskFields, tag),
        code: issue.code,
        message: { ko: `올바르지 않은 값입니다: ${issue.message}`, en: `Invalid value: ${issue.message}` },
      };
    }),
  };
}

/** Problems with the header itself: a required column missing, or a column the file format has not. */
export function headerIssues(header: readonly string[]): FileIssue[] {
  const issues: FileIssue[] = [];
  for (const column of required) {
    if (!header.includes(column)) {
      issues.push({
        line: 1,
        column,
        code: 'missing_column',
        message: { ko: '이 열이 있어야 합니다.', en: 'This column is required.' },
      });
    }
  }
  for (const column of header) {
    if (!(taskFileColumns as readonly string[]).includes(column)) {
      issues.push({
        line: 1,
        column,
        code: 'unknown_column',
        message: {
          ko: `알 수 없는 열입니다. 쓸 수 있는 열: ${taskFileColumns.join(', ')}`,
          en: `Unknown column; the columns are ${taskFileColumns.join(', ')}.`,
        },
      });
    }
  }
  return issues;
}

/** A task as a row of the file. */
export function taskToRow(
  task: TaskSummary & {
    parentCode: string | null;
    description: Bilingual | null;
    target: Bilingual | null;
    milestones: Milestone[];
    indicatorCodes: string[];
    tags: TagInput[];
  },
): Record<TaskColumn, string | number> {
  const tagsOf = (vocabulary: string) =>
    task.tags
      .filter((tag) => tag.vocabulary === vocabulary)
      .map((tag) => tag.code)
      .join(';');
  return {
    code: task.code,
    parent_code: task.parentCode ?? '',
    area: task.areaCode ?? '',
    title_ko: task.title.ko,
    title_en: task.title.en,
    description_ko: task.description?.ko ?? '',
    description_en: task.description?.en ?? '',
    lead_department: task.leadDepartment,
    cooperating_departments: task.cooperatingDepartments.join(';'),
    budget_planned: task.budgetPlanned ?? '',
    target_ko: task.target?.ko ?? '',
    target_en: task.target?.en ?? '',
    weight: task.weight,
    milestones: task.milestones
      .map((milestone) => `${milestone.date}|${milestone.ko}|${milestone.en}`)
      .join(';'),
    indicators: task.indicatorCodes.join(';'),
    rights: tagsOf('rights'),
    target_groups: tagsOf('target-groups'),
    sdg_targets: tagsOf('sdg-targets'),
    is_public: task.isPublic ? 'true' : 'false',
    status: task.statusCode ?? '',
    progress: task.progress,
    budget_executed: task.budgetExecuted ?? '',
  };
}
