/**
 * Excel workbooks (`.xlsx`) in and out, for every module that imports or exports tables: one place
 * that knows the library, so that a module deals in rows of strings like it does with CSV.
 */
import * as XLSX from '@e965/xlsx';
import { AppError } from './errors.ts';

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
