/**
 * Reading a city's dataset files strictly. The dataset is reviewed in diffs and loaded into a public
 * institution's database: a value that is not exactly what its column expects ("1,000" in a number
 * column, a missing column, a repeated key) stops the whole load with the file, line and column named,
 * rather than loading something other than what the file says.
 */
import { relative } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { SeedContext } from '../module.ts';

/** A dataset file that cannot be loaded as it is; the message names the file, line and column. */
export class DatasetError extends Error {}

/** Thrown by a column reader; the reader's caller adds the file, line and column. */
class InvalidValue extends Error {}

/** Reads one cell: returns its value or throws saying what the column expects. */
export type Column<T> = (raw: string) => T;

export const text: Column<string> = (raw) => {
  if (raw.trim() === '') throw new InvalidValue('is empty; this column needs a value');
  if (raw !== raw.trim()) throw new InvalidValue(`"${raw}" starts or ends with a space`);
  return raw;
};

const decimalPattern = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const integerPattern = /^-?(?:0|[1-9]\d*)$/;

/** A machine number: digits, an optional minus and decimal point; no thousands separators or spaces. */
export const number: Column<number> = (raw) => {
  if (!decimalPattern.test(raw)) {
    throw new InvalidValue(
      `"${raw}" is not a plain number (digits and an optional decimal point; no thousands separators, units or spaces)`,
    );
  }
  return Number(raw);
};

export const integer: Column<number> = (raw) => {
  if (!integerPattern.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new InvalidValue(`"${raw}" is not a whole number (digits only; no thousands separators)`);
  }
  return Number(raw);
};

/** A value that must match `pattern`; `expected` says in words what it should look like. */
export function matching(pattern: RegExp, expected: string): Column<string> {
  return (raw) => {
    if (!pattern.test(raw)) throw new InvalidValue(`"${raw}" is not ${expected}`);
    return raw;
  };
}

export function oneOf<T extends string>(values: readonly T[]): Column<T> {
  return (raw) => {
    if (!(values as readonly string[]).includes(raw)) {
      throw new InvalidValue(`"${raw}" is not one of ${values.join(', ')}`);
    }
    return raw as T;
  };
}

/** Blank means "not given" (null); anything else must satisfy `column`. */
export function optional<T>(column: Column<T>): Column<T | null> {
  return (raw) => (raw === '' ? null : column(raw));
}

/** Where a row came from, for messages about it. */
export interface RowOrigin {
  file: string;
  line: number;
}

export type Row<C extends Record<string, Column<unknown>>> = { [K in keyof C]: ReturnType<C[K]> } & {
  origin: RowOrigin;
};

/** A path for messages: relative to the working directory when it lies inside it. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') ? path : shown;
}

export function rowError(origin: RowOrigin, message: string): DatasetError {
  return new DatasetError(`${origin.file}, line ${origin.line}: ${message}`);
}

/**
 * Reads a CSV file of the dataset (UTF-8, a header row, RFC 4180 quoting) whose header names exactly
 * `columns`, in any order. `key` names a column whose values must be unique.
 */
export async function readCsv<C extends Record<string, Column<unknown>>>(
  context: Pick<SeedContext, 'datasetDir' | 'readFile'>,
  path: string,
  columns: C,
  options: { key?: keyof C & string } = {},
): Promise<Row<C>[]> {
  const file = displayPath(`${context.datasetDir}/${path}`);
  const content = await context.readFile(path);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, { bom: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new DatasetError(`${file}: ${error.message}`);
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new DatasetError(`${file}: the file is empty; it needs a header row`);
  const expected = Object.keys(columns);
  const missing = expected.filter((name) => !header.record.includes(name));
  const unexpected = header.record.filter((name) => !expected.includes(name));
  if (missing.length > 0 || unexpected.length > 0) {
    throw new DatasetError(
      `${file}, line 1: the header must name the columns ${expected.join(', ')}` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') +
        (unexpected.length ? `; unexpected: ${unexpected.join(', ')}` : ''),
    );
  }
  const firstLineOfKey = new Map<unknown, number>();
  let previousEnd = header.info.lines;
  return body.map(({ record, info }) => {
    // csv-parse reports the line a record ends on; a quoted line break makes it start earlier.
    const origin = { file, line: previousEnd + 1 };
    previousEnd = info.lines;
    const row: Record<string, unknown> = { origin };
    for (const [name, read] of Object.entries(columns)) {
      const index = header.record.indexOf(name);
      try {
        row[name] = read(record[index] ?? '');
      } catch (error) {
        if (!(error instanceof InvalidValue)) throw error;
        throw rowError(origin, `column "${name}" (${index + 1}): ${error.message}`);
      }
    }
    if (options.key !== undefined) {
      const value = row[options.key];
      const first = firstLineOfKey.get(value);
      if (first !== undefined) {
        throw rowError(origin, `column "${options.key}": "${String(value)}" repeats line ${first}`);
      }
      firstLineOfKey.set(value, origin.line);
    }
    return row as Row<C>;
  });
}
