/**
 * Excel workbooks (`.xlsx`) in and out, for every module that imports or exports tables: one place
 * that knows the library, so that a module deals in rows of strings like it does with CSV.
 */

import { inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { CsvError, parse } from 'csv-parse/sync';
import type { Bilingual } from '../shared/language.ts';
import { AppError, type FieldError } from './errors.ts';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Sheet {
  /** At most 31 characters (Excel's limit); longer names are cut. */
  name: string;
  columns: readonly string[];
  rows: readonly Record<string, unknown>[];
}

/**
 * A workbook with one sheet per entry, the first row the column names. Every value is written as
 * plain data (numbers as numbers, everything else as text), never as a formula, so a value beginning
 * with `=` cannot run in the reader's spreadsheet.
 */
export function writeWorkbook(sheets: readonly Sheet[]): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const data = [
      [...sheet.columns],
      ...sheet.rows.map((row) =>
        sheet.columns.map((column) => {
          const value = row[column];
          if (value === null || value === undefined) return '';
          if (typeof value === 'number' && Number.isFinite(value)) return value;
          return typeof value === 'string' ? value : String(value);
        }),
      ),
    ];
    const worksheet = XLSX.utils.aoa_to_sheet(data, { cellDates: false });
    XLSX.utils.book_append_sheet(workbook, worksheet, sheet.name.slice(0, 31));
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

export interface ReadSheet {
  name: string;
  /** The first row, trimmed. */
  header: string[];
  /** The other rows, each keyed by the header, with its line number in the sheet (1 is the header). */
  rows: { line: number; values: Record<string, string> }[];
}

/**
 * Reads the first sheet of a workbook (or the one named `sheetName`) as text: numbers as Excel shows
 * them, dates as `YYYY-MM-DD`, empty cells as ''. Empty rows are skipped. A file that is not a
 * workbook is a 400 problem (`invalid_workbook`).
 */
export function readWorkbook(data: Uint8Array, sheetName?: string): ReadSheet {
  // SheetJS reads almost anything (CSV, HTML, plain text) as a sheet; an .xlsx is a zip archive.
  const isZip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  if (!isZip) throw new AppError('invalid_workbook', 400);
  checkZipArchive(data);
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(data, { type: 'buffer', cellDates: true, dense: true });
  } catch {
    throw new AppError('invalid_workbook', 400);
  }
  const name = sheetName ?? workbook.SheetNames[0];
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (name === undefined || worksheet === undefined) throw new AppError('invalid_workbook', 400);
  const matrix = XLSX.utils.sheet_to_json<unknown[]>(worksheet, {
    header: 1,
    raw: false,
    defval: '',
    blankrows: true,
    dateNF: 'yyyy-mm-dd',
  });
  const [first = [], ...rest] = matrix;
  const header = first.map((cell) => String(cell).trim());
  const rows: ReadSheet['rows'] = [];
  rest.forEach((cells, index) => {
    if (cells.every((cell) => String(cell).trim() === '')) return;
    const values: Record<string, string> = {};
    header.forEach((column, columnIndex) => {
      values[column] = String(cells[columnIndex] ?? '').trim();
    });
    rows.push({ line: index + 2, values });
  });
  return { name, header, rows };
}

/**
 * Limits on what an archive may expand to. SheetJS inflates every entry in full, with no cap, before
 * it looks at anything: a 415 KB upload of zeros became 400 MB in memory. A real workbook within the
 * request body limit expands about ten times; these leave room for that and refuse a bomb.
 */
export const workbookLimits = { maxEntries: 1_000, maxUncompressedBytes: 50 * 1024 * 1024 };

function workbookTooLarge(): AppError {
  return new AppError('workbook_too_large', 413, {
    params: {
      entries: workbookLimits.maxEntries,
      megabytes: workbookLimits.maxUncompressedBytes / (1024 * 1024),
    },
  });
}

/**
 * Reads the zip archive's central directory the way SheetJS will (the last end-of-directory record,
 * then each entry's local header), refuses too many entries or a declared total too large, and then
 * inflates each entry with the remaining budget as a hard cap: the declared sizes are the attacker's
 * to choose, so only the inflated bytes are trusted. One entry is held at a time, within the budget.
 */
export function checkZipArchive(data: Uint8Array): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const fits = (at: number, length: number) => at >= 0 && at + length <= data.length;
  let end = data.length - 22;
  while (end >= 0 && u32(end) !== 0x06054b50) end--;
  if (end < 0) throw new AppError('invalid_workbook', 400);
  const count = u16(end + 10);
  const directoryStart = u32(end + 16);
  if (count > workbookLimits.maxEntries) throw workbookTooLarge();
  const entries: { local: number; declared: number }[] = [];
  let declaredTotal = 0;
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (!fits(at, 46) || u32(at) !== 0x02014b50) throw new AppError('invalid_workbook', 400);
    const declared = u32(at + 24);
    const local = u32(at + 42);
    // ZIP64 sizes and offsets: a workbook within the body limit never needs them.
    if (declared === 0xffffffff || local === 0xffffffff) throw workbookTooLarge();
    declaredTotal += declared;
    entries.push({ local, declared });
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  if (declaredTotal > workbookLimits.maxUncompressedBytes) throw workbookTooLarge();
  let budget = workbookLimits.maxUncompressedBytes;
  for (const entry of entries) {
    if (!fits(entry.local, 30) || u32(entry.local) !== 0x04034b50)
      throw new AppError('invalid_workbook', 400);
    const method = u16(entry.local + 8);
    const start = entry.local + 30 + u16(entry.local + 26) + u16(entry.local + 28);
    if (method === 0) {
      budget -= u32(entry.local + 18);
    } else if (method === 8) {
      try {
        budget -= inflateRawSync(data.subarray(start), { maxOutputLength: Math.max(budget, 1) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw workbookTooLarge();
        throw new AppError('invalid_workbook', 400);
      }
    } else {
      throw new AppError('invalid_workbook', 400);
    }
    if (budget < 0) throw workbookTooLarge();
  }
}

/** A problem of an imported file, at its line (as a text editor counts them) and column. */
export interface FileIssue {
  line: number;
  column: string | null;
  code: string;
  message: Bilingual;
}

/** A file with problems: nothing is imported, and each problem names its line and column. */
export function fileRejected(issues: readonly FileIssue[]): AppError {
  return new AppError('validation_failed', 400, {
    errors: issues.slice(0, 100).map(
      (issue): FieldError => ({
        field: issue.column === null ? `file.${issue.line}` : `file.${issue.line}.${issue.column}`,
        code: issue.code,
        message: {
          ko: `${issue.line}행${issue.column ? ` '${issue.column}' 열` : ''}: ${issue.message.ko}`,
          en: `Line ${issue.line}${issue.column ? `, column '${issue.column}'` : ''}: ${issue.message.en}`,
        },
      }),
    ),
  });
}

/** A data row of an imported file: its first line in the file, and its values by header name. */
export interface FileRow {
  line: number;
  values: Record<string, string>;
}

/**
 * A CSV text as its header and rows, each row with the file line it starts on (a quoted field may
 * span lines); malformed CSV is a `fileRejected` naming the line.
 */
export function readCsvRows(text: string): { header: string[]; rows: FileRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, relax_column_count: true }) as never;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw fileRejected([
      {
        line: (error as CsvError & { lines?: number }).lines ?? 1,
        column: null,
        code: 'csv_syntax',
        message: { ko: `CSV 형식 오류: ${error.message}`, en: `Not valid CSV: ${error.message}` },
      },
    ]);
  }
  const [first, ...rest] = records;
  const header = (first?.record ?? []).map((name) => name.trim());
  let previousEnd = first?.info.lines ?? 1;
  const rows = rest.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = (record[index] ?? '').trim();
    });
    return { line, values };
  });
  return { header, rows };
}
