/**
 * Importing one indicator's data from an Open SDG CSV file: `Year`, one column per disaggregation (a
 * blank cell is the total over it), optional `Units`, `Series`, `GeoCode`, then `Value`. UTF-8 (with
 * or without a byte-order mark) or CP949, told apart by whether the start of the file is valid UTF-8.
 *
 * Built for millions of rows: the file is streamed through the parser, each row checked, and rows
 * inserted a batch at a time with one `unnest` statement per batch (a handful of parameters however
 * many rows), so memory holds one batch plus a compact set of the (breakdown, year) keys seen, which
 * finds duplicate rows. Everything happens in one transaction.
 *
 * Replace semantics: the years the file holds replace the indicator's current observations of those
 * years; other years are left as they were. A year whose cycle is closed refuses the whole import
 * (409 `indicators_year_locked`). Without `skipInvalid`, any bad row imports nothing and the answer
 * names every bad line and column (the first 100); with it, good rows are imported and bad ones listed.
 */
import { createReadStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import type { SessionUser } from '../../../../kernel/server/access.ts';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, type FieldError } from '../../../../kernel/server/errors.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import type { Bilingual } from '../../../../kernel/shared/language.ts';
import { requireDataEntry } from '../policy.ts';
import { loadIndicator } from '../queries.ts';
import { indicatorsTrx } from '../tables.ts';
import { breakdownKey, checkYearWritable, cycleSteps, mergeDisaggregations } from './observations.ts';

export const openSdgSpecial = {
  year: 'Year',
  value: 'Value',
  units: 'Units',
  series: 'Series',
  geoCode: 'GeoCode',
};
const specialColumns = new Set(Object.values(openSdgSpecial));
const batchSize = 5000;
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
class DecodeText extends Transform {
  #head: Buffer[] = [];
  #headBytes = 0;
  #decoder: { write(buffer: Buffer): string; end(): string | undefined } | null = null;
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.#decoder) {
      this.push(this.#decoder.write(chunk));
      done();
      return;
    }
    this.#head.push(chunk);
    this.#headBytes += chunk.length;
    if (this.#headBytes >= 65536) this.#start();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.#decoder) this.#start();
    const rest = this.#decoder?.end();
    if (rest) this.push(rest);
    done();
  }

  #start(): void {
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
    this.push(this.#decoder.write(head));
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
  return {
    names: header,
    width: header.length,
    year: header.indexOf(openSdgSpecial.year),
    value: header.indexOf(openSdgSpecial.value),
    units: at(openSdgSpecial.units),
    series: at(openSdgSpecial.series),
    geoCode: at(openSdgSpecial.geoCode),
    dimensions: header
      .map((name, index) => ({ name, index }))
      .filter(({ name }) => !specialColumns.has(name)),
  };
}

interface PendingRow {
  cell: number;
  year: number;
  value: string;
}

interface Cell {
  key: string;
  series: string | null;
  unit: string | null;
  geoCode: string | null;
  dimensions: Record<string, string>;
  id: number | null;
}

/** Opens a file path, or passes a stream or buffer through. */
function source(input: Readable | string | Buffer): Readable {
  if (typeof input === 'string') return createReadStream(input);
  if (Buffer.isBuffer(input)) return Readable.from([input]);
  return input;
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

    const cells: Cell[] = [];
    const cellIndex = new Map<string, number>();
    const seen = new Set<number>();
    const firstLine = new Map<number, number>();
    const replaced = new Set<number>();
    const issues: ImportIssueDetail[] = [];
    let pending: PendingRow[] = [];
    let imported = 0;
    let rowsRead = 0;
    let layout: Layout | null = null;

    const decoder = new DecodeText();
    const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
    const reading = pipeline(source(input), decoder, parser).catch((error: unknown) => {
      parser.destroy(error as Error);
    });

    const flush = async () => {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      const fresh = [...new Set(rows.map((row) => row.cell))]
        .map((index) => cells[index] as Cell)
        .filter((cell) => cell.id === null);
      if (fresh.length > 0) {
        const inserted = await trx
          .insertInto('indicators_breakdowns')
          .values(
            fresh.map((cell) => ({
              indicator_id: indicator.id,
              series: cell.series,
              unit: cell.unit,
              geo_code: cell.geoCode,
              dimensions: cell.dimensions,
              key: cell.key,
            })),
          )
          .returning(['id', 'key'])
          .execute();
        const ids = new Map(inserted.map((row) => [row.key, row.id]));
        for (const cell of fresh) cell.id = ids.get(cell.key) ?? null;
      }
      const newYears = [...new Set(rows.map((row) => row.year))].filter((year) => !replaced.has(year));
      if (newYears.length > 0) {
        await trx
          .deleteFrom('indicators_observations')
          .where('indicator_id', '=', indicator.id)
          .where('year', 'in', newYears)
          .where('superseded_at', 'is', null)
          .execute();
        for (const year of newYears) replaced.add(year);
      }
      await sql`
        insert into indicators_observations (indicator_id, breakdown_id, year, value, recorded_by)
        select ${indicator.id}, t.b, t.y, t.v::numeric, ${actor.userId}::uuid
        from unnest(${rows.map((row) => (cells[row.cell] as Cell).id)}::int[],
                    ${rows.map((row) => row.year)}::int[],
                    ${rows.map((row) => row.value)}::text[]) as t(b, y, v)`.execute(trx);
      imported += rows.length;
      options.onProgress?.({ rows: rowsRead, bytes: decoder.bytes });
    };

    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
      }>) {
        if (!layout) {
          layout = readHeader(record);
          continue;
        }
        rowsRead++;
        const line = info.lines;
        const rowIssues: ImportIssueDetail[] = [];
        // PostgreSQL cannot store U+0000 in text; refuse it here rather than fail the statement.
        const nul = record.findIndex((cell) => cell.includes('\u0000'));
        if (nul >= 0) {
          issues.push(
            issue(line, layout.names[nul] ?? null, 'nul_character', {
              ko: `${line}행: 허용되지 않는 제어 문자(NUL)가 들어 있습니다.`,
              en: `Line ${line}: contains a NUL control character.`,
            }),
          );
          if (!options.skipInvalid && issues.length >= maxReported) break;
          continue;
        }
        if (record.length !== layout.width) {
          issues.push(
            issue(line, null, 'column_count', {
              ko: `${line}행: 칸이 ${record.length}개입니다. 머리글처럼 ${layout.width}개여야 합니다(값의 쉼표는 큰따옴표로 감싸십시오).`,
              en: `Line ${line}: ${record.length} cells where the header has ${layout.width} (quote a value that holds a comma).`,
            }),
          );
          if (!options.skipInvalid && issues.length >= maxReported) break;
          continue;
        }
        const yearText = record[layout.year] ?? '';
        const valueText = (record[layout.value] ?? '').trim();
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
        if (valueText === '') {
          rowIssues.push(
            issue(line, openSdgSpecial.value, 'required', {
              ko: `${line}행 "Value" 열: 값이 비어 있습니다.`,
              en: `Line ${line}, column "Value": the value is empty.`,
            }),
          );
        } else if (!decimal.test(valueText)) {
          rowIssues.push(
            issue(line, openSdgSpecial.value, 'not_a_number', {
              ko: `${line}행 "Value" 열: "${valueText}"은(는) 숫자가 아닙니다(천 단위 쉼표나 단위 없이).`,
              en: `Line ${line}, column "Value": "${valueText}" is not a number (no thousands separators or units).`,
            }),
          );
        } else {
          const number = Number(valueText);
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
        if (rowIssues.length === 0 && !checked.has(year)) {
          checkYearWritable(steps, year, options.user);
          checked.add(year);
        }
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
        let cellNumber = cellIndex.get(key);
        if (cellNumber === undefined && rowIssues.length === 0) {
          cellNumber = cells.push({ key, series, unit, geoCode, dimensions, id: known.get(key) ?? null }) - 1;
          cellIndex.set(key, cellNumber);
        }
        if (rowIssues.length === 0 && cellNumber !== undefined) {
          const rowKey = cellNumber * 256 + (year - minYear);
          const first = firstLine.get(rowKey);
          if (seen.has(rowKey)) {
            rowIssues.push(
              issue(line, null, 'duplicate_row', {
                ko: `${line}행: ${first ?? '앞'}행과 연도와 분류가 같습니다.`,
                en: `Line ${line}: the same year and breakdown as line ${first ?? 'an earlier line'}.`,
              }),
            );
          } else {
            seen.add(rowKey);
            // Line numbers of first occurrences are kept only while the file is small enough to name them.
            if (firstLine.size < 100000) firstLine.set(rowKey, line);
          }
        }
        if (rowIssues.length > 0) {
          issues.push(...rowIssues);
          if (!options.skipInvalid && issues.length >= maxReported) break;
          continue;
        }
        if (issues.length > 0 && !options.skipInvalid) continue;
        pending.push({ cell: cellNumber as number, year, value: valueText });
        if (pending.length >= batchSize) await flush();
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const line = (error as { lines?: number }).lines ?? 0;
      throw new ImportRejected([
        issue(line, null, 'malformed_csv', {
          ko: `${line}행: CSV 형식이 올바르지 않습니다(${message}).`,
          en: `Line ${line}: the file is not valid CSV (${message}).`,
        }),
      ]);
    } finally {
      parser.destroy();
      await reading;
    }
    if (!layout) {
      throw new ImportRejected([
        issue(1, null, 'empty_file', {
          ko: '파일이 비어 있습니다. 머리글 행이 필요합니다.',
          en: 'The file is empty; it needs a header row.',
        }),
      ]);
    }
    if (issues.length > 0 && !options.skipInvalid) throw new ImportRejected(issues.slice(0, maxReported));
    await flush();
    const disaggregations = mergeDisaggregations(
      indicator.disaggregations,
      layout.dimensions.map(({ name }) => name),
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
