/**
 * Importing one indicator's data from an Open SDG CSV file: `Year`, one column per disaggregation (a
 * blank cell is the total over it), optional `Units`, `Series`, `GeoCode`, then `Value`. UTF-8 (with
 * or without a byte-order mark) or CP949, told apart by whether the start of the file is valid UTF-8.
 *
 * Built for millions of rows: the file is streamed through a CSV reader made for it (`csv-records.ts`),
 * each row checked, and rows written a batch at a time with COPY (`copyRows`), the next batch being
 * read and checked while the database takes the last one. Memory holds two batches, the breakdowns
 * met (a tree of the raw cells down to each breakdown, so a row costs no key string) and a bitmap of
 * the (breakdown, year) pairs seen, which finds duplicate rows. Everything happens in one transaction.
 *
 * Replace semantics: the years the file holds replace the indicator's current observations of those
 * years; other years are left as they were. A year whose cycle is closed refuses the whole import
 * (409 `indicators_year_locked`). Without `skipInvalid`, any bad row imports nothing and the answer
 * names every bad line and column (the first 100); with it, good rows are imported and bad ones listed.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import { copyRows, type Db } from '../../../../kernel/server/db.ts';
import { AppError, type FieldError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Bilingual } from '../../../../kernel/shared/language.ts';
import { requireDataEntry } from '../policy.ts';
import { loadIndicator } from '../queries.ts';
import { indicatorsTrx } from '../tables.ts';
import { CsvRecords, CsvSyntaxError } from './csv-records.ts';
import { breakdownKey, checkYearWritable, cycleSteps, mergeDisaggregations } from './observations.ts';

export const openSdgSpecial = {
  year: 'Year',
  value: 'Value',
  units: 'Units',
  series: 'Series',
  geoCode: 'GeoCode',
  /** Open SDG's observation footnote: the export writes a correction's note there; an import ignores it. */
  comment: 'COMMENT_OBS',
};
const specialColumns = new Set(Object.values(openSdgSpecial));
const batchSize = 20000;
const maxReported = 100;
const minYear = 1900;
const maxYear = 2100;
const decimal = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const yearPattern = /^\d{4}$/;

export interface ImportIssueDetail {
  line: number;
  column: string | null;
  code: string;
  message: Bilingual;
}

export interface ImportOutcome {
  imported: number;
  /** The years the file held, whose previous observations were replaced. */
  replacedYears: number[];
  /** The rows skipped (with `skipInvalid`). */
  issues: ImportIssueDetail[];
}

export interface ImportOptions {
  skipInvalid?: boolean;
  actor?: Actor;
  /** The signed-in user, when an API call imports: a department imports only its own indicators. */
  user?: SessionUser;
  /** Called after each batch with the rows read and the bytes of the file consumed so far. */
  onProgress?: (progress: { rows: number; bytes: number }) => void;
}

/** Thrown when the file itself cannot be read (the header, the encoding, the CSV syntax). */
export class ImportRejected extends AppError {
  constructor(readonly issues: ImportIssueDetail[]) {
    super('validation_failed', 400, { errors: issues.map(toFieldError) });
  }
}

export function toFieldError(issue: ImportIssueDetail): FieldError {
  return {
    field: issue.column === null ? `csv.${issue.line}` : `csv.${issue.line}.${issue.column}`,
    code: issue.code,
    message: issue.message,
  };
}

/** Tells UTF-8 from CP949 on the first 64 KiB, then decodes the whole stream as that. */
class TextSniffer {
  #head: Buffer[] = [];
  #headBytes = 0;
  #decoder: { write(buffer: Buffer): string; end(): string | undefined } | null = null;
  bytes = 0;

  write(chunk: Buffer): string {
    this.bytes += chunk.length;
    if (this.#decoder) return this.#decoder.write(chunk);
    this.#head.push(chunk);
    this.#headBytes += chunk.length;
    return this.#headBytes >= 65536 ? this.#start() : '';
  }

  end(): string {
    const text = this.#decoder ? '' : this.#start();
    return text + ((this.#decoder as { end(): string | undefined }).end() ?? '');
  }

  #start(): string {
    const head = Buffer.concat(this.#head);
    this.#head = [];
    let encoding = 'utf8';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      encoding = 'cp949';
    }
    // iconv-lite drops a UTF-8 byte-order mark.
    this.#decoder = iconv.getDecoder(encoding);
    return this.#decoder.write(head);
  }
}

const issue = (line: number, column: string | null, code: string, message: Bilingual): ImportIssueDetail => ({
  line,
  column,
  code,
  message,
});

interface Layout {
  names: string[];
  width: number;
  year: number;
  value: number;
  units: number | null;
  series: number | null;
  geoCode: number | null;
  dimensions: { name: string; index: number }[];
  /** The columns that tell breakdowns apart: series, units, geo code, then the disaggregations. */
  breakdownColumns: number[];
}

function readHeader(header: string[]): Layout {
  const problems: ImportIssueDetail[] = [];
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name.trim() === '') {
      problems.push(
        issue(1, String(index + 1), 'empty_column_name', {
          ko: `1행 ${index + 1}열: 열 이름이 비어 있습니다.`,
          en: `Line 1, column ${index + 1}: the column has no name.`,
        }),
      );
    } else if (seen.has(name)) {
      problems.push(
        issue(1, name, 'duplicate_column', {
          ko: `1행: 열 "${name}"이(가) 두 번 나옵니다.`,
          en: `Line 1: the column "${name}" appears twice.`,
        }),
      );
    }
    seen.add(name);
  });
  for (const required of [openSdgSpecial.year, openSdgSpecial.value]) {
    if (!header.includes(required)) {
      problems.push(
        issue(1, required, 'missing_column', {
          ko: `1행: 필수 열 "${required}"이(가) 없습니다.`,
          en: `Line 1: the required column "${required}" is missing.`,
        }),
      );
    }
  }
  if (problems.length > 0) throw new ImportRejected(problems);
  const at = (name: string) => (header.includes(name) ? header.indexOf(name) : null);
  const dimensions = header
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !specialColumns.has(name));
  const units = at(openSdgSpecial.units);
  const series = at(openSdgSpecial.series);
  const geoCode = at(openSdgSpecial.geoCode);
  return {
    names: header,
    width: header.length,
    year: header.indexOf(openSdgSpecial.year),
    value: header.indexOf(openSdgSpecial.value),
    units,
    series,
    geoCode,
    dimensions,
    breakdownColumns: [series, units, geoCode, ...dimensions.map(({ index }) => index)].filter(
      (index) => index !== null,
    ),
  };
}

/** A breakdown first met in the file, to be written to indicators_breakdowns with the next batch. */
interface NewBreakdown {
  number: number;
  key: string;
  series: string | null;
  unit: string | null;
  geoCode: string | null;
  dimensions: Record<string, string>;
}

type Tree = Map<string, Tree | number>;

/**
 * The file's breakdowns, numbered in the order met, with their ids (0 until written). A row finds its
 * number by walking a tree of its raw breakdown cells; only a path not walked before computes the
 * breakdown's key, so that cells differing in surrounding spaces still meet in one breakdown.
 */
class Breakdowns {
  readonly ids: number[] = [];
  fresh: NewBreakdown[] = [];
  readonly #columns: number[];
  readonly #known: Map<string, number>;
  readonly #numbers = new Map<string, number>();
  readonly #tree: Tree = new Map();
  #only: number | undefined;
  #previous: string[] | null = null;
  #previousNumber = 0;

  readonly #layout: Layout;

  constructor(layout: Layout, known: Map<string, number>) {
    this.#columns = layout.breakdownColumns;
    this.#known = known;
    this.#layout = layout;
  }

  numberOf(record: string[]): number {
    const columns = this.#columns;
    const last = columns.length - 1;
    if (last < 0) {
      this.#only ??= this.#register(record);
      return this.#only;
    }
    // Files often list a breakdown's years one after another: compare with the row before first.
    const previous = this.#previous;
    if (previous !== null) {
      let same = true;
      for (let index = 0; index <= last && same; index++) {
        const column = columns[index] as number;
        same = record[column] === previous[column];
      }
      if (same) return this.#previousNumber;
    }
    const number = this.#walk(record, columns, last);
    this.#previous = record;
    this.#previousNumber = number;
    return number;
  }

  #walk(record: string[], columns: number[], last: number): number {
    let node = this.#tree;
    for (let index = 0; index < last; index++) {
      const cell = record[columns[index] as number] as string;
      let next = node.get(cell) as Tree | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(cell, next);
      }
      node = next;
    }
    const cell = record[columns[last] as number] as string;
    let number = node.get(cell) as number | undefined;
    if (number === undefined) {
      number = this.#register(record);
      node.set(cell, number);
    }
    return number;
  }

  #register(record: string[]): number {
    const layout = this.#layout;
    const text = (index: number | null) => {
      const cell = index === null ? '' : (record[index] ?? '').trim();
      return cell === '' ? null : cell;
    };
    const dimensions: Record<string, string> = {};
    for (const { name, index } of layout.dimensions) {
      const value = text(index);
      if (value !== null) dimensions[name] = value;
    }
    const series = text(layout.series);
    const unit = text(layout.units);
    const geoCode = text(layout.geoCode);
    const key = breakdownKey(series, unit, geoCode, dimensions);
    let number = this.#numbers.get(key);
    if (number === undefined) {
      number = this.ids.length;
      const id = this.#known.get(key);
      this.ids.push(id ?? 0);
      this.#numbers.set(key, number);
      if (id === undefined) this.fresh.push({ number, key, series, unit, geoCode, dimensions });
    }
    return number;
  }
}

/** The (breakdown, year) pairs seen, one bit each. */
class PairBits {
  #bits = new Uint8Array(8192);

  /** Marks the pair; false when it was marked already. */
  add(breakdown: number, year: number): boolean {
    const bit = breakdown * 256 + (year - minYear);
    const byte = bit >>> 3;
    if (byte >= this.#bits.length) {
      const grown = new Uint8Array(Math.max(this.#bits.length * 2, byte + 1));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    const mask = 1 << (bit & 7);
    if ((this.#bits[byte] as number) & mask) return false;
    this.#bits[byte] = (this.#bits[byte] as number) | mask;
    return true;
  }
}

interface Batch {
  breakdowns: number[];
  years: number[];
  values: string[];
}

const newBatch = (): Batch => ({ breakdowns: [], years: [], values: [] });

/** Opens a file path, or passes a stream through; a buffer is read in slices, as a file would be. */
function source(input: Readable | string | Buffer): Readable {
  if (typeof input === 'string') return createReadStream(input);
  if (Buffer.isBuffer(input)) {
    const slices: Buffer[] = [];
    for (let at = 0; at < input.length; at += 65536) slices.push(input.subarray(at, at + 65536));
    return Readable.from(slices);
  }
  return input;
}

function malformed(line: number, message: string): ImportRejected {
  return new ImportRejected([
    issue(line, null, 'malformed_csv', {
      ko: `${line}행: CSV 형식이 올바르지 않습니다(${message}).`,
      en: `Line ${line}: the file is not valid CSV (${message}).`,
    }),
  ]);
}

export async function importOpenSdgCsv(
  db: Db,
  indicatorCode: string,
  input: Readable | string | Buffer,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const actor = options.actor ?? { userId: options.user?.id ?? null };
  const result = await runCommand(db, actor, async ({ trx: raw, audit }) => {
    const trx = indicatorsTrx(raw);
    const indicator = await loadIndicator(trx, indicatorCode, { forUpdate: true });
    if (options.user) requireDataEntry(options.user, indicator);
    const steps = await cycleSteps(trx);
    const checked = new Set<number>();
    const known = new Map(
      (
        await trx
          .selectFrom('indicators_breakdowns')
          .select(['id', 'key'])
          .where('indicator_id', '=', indicator.id)
          .execute()
      ).map((row) => [row.key, row.id]),
    );
    const copyTail = `\t${actor.userId ?? '\\N'}\n`;
    const copyHead = `${indicator.id}\t`;

    let breakdowns: Breakdowns | null = null;
    const pairs = new PairBits();
    const firstLine = new Map<number, number>();
    const replaced = new Set<number>();
    const issues: ImportIssueDetail[] = [];
    let batch = newBatch();
    let imported = 0;
    let rowsRead = 0;
    let layout: Layout | null = null;
    const sniffer = new TextSniffer();

    const write = async (rows: Batch, fresh: NewBreakdown[]) => {
      if (fresh.length > 0 && breakdowns) {
        const inserted = await sql<{ id: number; key: string }>`
          insert into indicators_breakdowns (indicator_id, series, unit, geo_code, dimensions, key)
          select ${indicator.id}, t.s, t.u, t.g, t.d::jsonb, t.k
          from unnest(${fresh.map((cell) => cell.series)}::text[], ${fresh.map((cell) => cell.unit)}::text[],
                      ${fresh.map((cell) => cell.geoCode)}::text[],
                      ${fresh.map((cell) => JSON.stringify(cell.dimensions))}::text[],
                      ${fresh.map((cell) => cell.key)}::text[]) as t(s, u, g, d, k)
          returning id, key`.execute(trx);
        const ids = new Map(inserted.rows.map((row) => [row.key, row.id]));
        for (const cell of fresh) breakdowns.ids[cell.number] = ids.get(cell.key) ?? 0;
      }
      const newYears = [...new Set(rows.years)].filter((year) => !replaced.has(year));
      if (newYears.length > 0) {
        await trx
          .deleteFrom('indicators_observations')
          .where('indicator_id', '=', indicator.id)
          .where('year', 'in', newYears)
          .where('superseded_at', 'is', null)
          .execute();
        for (const year of newYears) replaced.add(year);
      }
      const ids = breakdowns?.ids ?? [];
      let text = '';
      for (let index = 0; index < rows.years.length; index++) {
        text += `${copyHead}${ids[rows.breakdowns[index] as number]}\t${rows.years[index]}\t${rows.values[index]}${copyTail}`;
      }
      await copyRows(
        raw,
        'indicators_observations (indicator_id, breakdown_id, year, value, recorded_by)',
        text,
      );
      imported += rows.years.length;
      options.onProgress?.({ rows: rowsRead, bytes: sniffer.bytes });
    };

    // The database takes one batch while the next is read: `writing` is the batch under way.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      await writing;
      if (batch.years.length === 0) return;
      const rows = batch;
      batch = newBatch();
      const fresh = breakdowns?.fresh ?? [];
      if (breakdowns) breakdowns.fresh = [];
      writing = write(rows, fresh);
      // Seen when awaited; a rejection must not count as unhandled while the next batch is read.
      writing.catch(() => {});
    };

    const report = (found: ImportIssueDetail): boolean => {
      issues.push(found);
      return options.skipInvalid === true || issues.length < maxReported;
    };

    const onRecord = (record: string[], line: number): boolean => {
      if (!layout) {
        layout = readHeader(record);
        breakdowns = new Breakdowns(layout, known);
        return true;
      }
      rowsRead++;
      // PostgreSQL cannot store U+0000 in text; refuse it here rather than fail the statement.
      if (reader.mayHoldNul) {
        const nul = record.findIndex((cell) => cell.includes('\u0000'));
        if (nul >= 0) {
          return report(
            issue(line, layout.names[nul] ?? null, 'nul_character', {
              ko: `${line}행: 허용되지 않는 제어 문자(NUL)가 들어 있습니다.`,
              en: `Line ${line}: contains a NUL control character.`,
            }),
          );
        }
      }
      if (record.length !== layout.width) {
        return report(
          issue(line, null, 'column_count', {
            ko: `${line}행: 칸이 ${record.length}개입니다. 머리글처럼 ${layout.width}개여야 합니다(값의 쉼표는 큰따옴표로 감싸십시오).`,
            en: `Line ${line}: ${record.length} cells where the header has ${layout.width} (quote a value that holds a comma).`,
          }),
        );
      }
      const rowIssues: ImportIssueDetail[] = [];
      const yearText = record[layout.year] as string;
      const valueText = (record[layout.value] as string).trim();
      let year = Number(yearText);
      if (!yearPattern.test(yearText) || year < minYear || year > maxYear) {
        rowIssues.push(
          issue(line, openSdgSpecial.year, yearText === '' ? 'required' : 'invalid_year', {
            ko: `${line}행 "Year" 열: "${yearText}"은(는) ${minYear}~${maxYear} 사이의 연도가 아닙니다.`,
            en: `Line ${line}, column "Year": "${yearText}" is not a year from ${minYear} to ${maxYear}.`,
          }),
        );
        year = Number.NaN;
      }
      const number = Number(valueText);
      if (valueText === '') {
        rowIssues.push(
          issue(line, openSdgSpecial.value, 'required', {
            ko: `${line}행 "Value" 열: 값이 비어 있습니다.`,
            en: `Line ${line}, column "Value": the value is empty.`,
          }),
        );
      } else if (!decimal.test(valueText) || !Number.isFinite(number)) {
        rowIssues.push(
          issue(line, openSdgSpecial.value, 'not_a_number', {
            ko: `${line}행 "Value" 열: "${valueText}"은(는) 숫자가 아닙니다(천 단위 쉼표나 단위 없이).`,
            en: `Line ${line}, column "Value": "${valueText}" is not a number (no thousands separators or units).`,
          }),
        );
      } else {
        const below = indicator.min_value !== null && number < indicator.min_value;
        const above = indicator.max_value !== null && number > indicator.max_value;
        if (below || above) {
          rowIssues.push(
            issue(line, openSdgSpecial.value, 'out_of_range', {
              ko: `${line}행 "Value" 열: ${valueText}은(는) 허용 범위(${indicator.min_value ?? '-∞'}~${indicator.max_value ?? '∞'})를 벗어납니다.`,
              en: `Line ${line}, column "Value": ${valueText} is outside the allowed range (${indicator.min_value ?? '-∞'} to ${indicator.max_value ?? '∞'}).`,
            }),
          );
        }
      }
      if (rowIssues.length === 0) {
        if (!checked.has(year)) {
          checkYearWritable(steps, year, options.user);
          checked.add(year);
        }
        const cell = (breakdowns as Breakdowns).numberOf(record);
        const rowKey = cell * 256 + (year - minYear);
        if (pairs.add(cell, year)) {
          // Line numbers of first occurrences are kept only while the file is small enough to name them.
          if (firstLine.size < 100000) firstLine.set(rowKey, line);
          if (issues.length === 0 || options.skipInvalid) {
            batch.breakdowns.push(cell);
            batch.years.push(year);
            batch.values.push(valueText);
          }
          return true;
        }
        const first = firstLine.get(rowKey);
        rowIssues.push(
          issue(line, null, 'duplicate_row', {
            ko: `${line}행: ${first ?? '앞'}행과 연도와 분류가 같습니다.`,
            en: `Line ${line}: the same year and breakdown as line ${first ?? 'an earlier line'}.`,
          }),
        );
      }
      issues.push(...rowIssues);
      return options.skipInvalid === true || issues.length < maxReported;
    };
    const reader = new CsvRecords(onRecord);

    try {
      // Leaving the loop early (the reading stopped, or a row threw) destroys the stream.
      for await (const chunk of source(input) as AsyncIterable<Buffer>) {
        reader.write(sniffer.write(chunk));
        if (reader.stopped) break;
        if (batch.years.length >= batchSize) await flush();
      }
      if (!reader.stopped) {
        reader.write(sniffer.end());
        reader.end();
      }
    } catch (error) {
      await writing.catch(() => {});
      if (error instanceof AppError) throw error;
      if (error instanceof CsvSyntaxError) throw malformed(error.line, error.message);
      const message = error instanceof Error ? error.message : String(error);
      throw malformed((error as { lines?: number }).lines ?? 0, message);
    }
    if (!layout) {
      throw new ImportRejected([
        issue(1, null, 'empty_file', {
          ko: '파일이 비어 있습니다. 머리글 행이 필요합니다.',
          en: 'The file is empty; it needs a header row.',
        }),
      ]);
    }
    if (issues.length > 0 && !options.skipInvalid) {
      await writing.catch(() => {});
      throw new ImportRejected(issues.slice(0, maxReported));
    }
    await flush();
    await writing;
    const columns: Layout = layout;
    const disaggregations = mergeDisaggregations(
      indicator.disaggregations,
      columns.dimensions.map(({ name }) => name),
    );
    await trx
      .updateTable('indicators_indicators')
      .set({ disaggregations, updated_at: new Date() })
      .where('id', '=', indicator.id)
      .execute();
    const replacedYears = [...replaced].sort((a, b) => a - b);
    await audit({
      action: 'indicators.import-observations',
      entityType: 'indicators_indicators',
      entityId: indicator.code,
      after: { imported, replacedYears, skipped: issues.length },
    });
    return { imported, replacedYears, issues };
  });
  publicDataChanged();
  return result;
}
