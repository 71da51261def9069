/**
 * Importing a programme's attendance sheet: one row per session held, with its date, place,
 * instructor and number of participants (never the attendees' names). A CSV file (UTF-8, with or
 * without a byte-order mark, or CP949 as Korean Excel saves it) or an Excel workbook (its first
 * sheet). Columns go by their English or Korean names (`attendanceColumns`), in any order.
 *
 * All or nothing: any bad row or cell and nothing is recorded; the 400 problem names every row and
 * column at fault (`sheet.<row>.<column>`, row 1 being the header), up to `maxReported` of them.
 */
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Actor } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { AppError, type FieldError } from '../../../../kernel/server/errors.ts';
import { readWorkbook } from '../../../../kernel/server/spreadsheet.ts';
import type { Bilingual } from '../../../../kernel/shared/language.ts';
import { attendanceColumns, isoDateSchema, maxParticipants, type SessionInput } from '../../contract.ts';
import { recordSessions } from './record-sessions.ts';

type Field = keyof typeof attendanceColumns;
const maxRows = 5000;
const maxReported = 100;
const maxText = 200;

interface SheetRows {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

function decode(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(data, 'cp949');
  }
}

function problem(field: string, code: string, message: Bilingual): FieldError {
  return { field, code, message };
}

function sheetProblem(errors: FieldError[]): AppError {
  return new AppError('education_sheet_invalid', 400, { errors: errors.slice(0, maxReported) });
}

function readCsvSheet(data: Buffer): SheetRows {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decode(data), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    throw sheetProblem([
      problem(`sheet.${line}`, 'csv_syntax', {
        ko: `${line}행: CSV 형식이 올바르지 않습니다(${error.message}).`,
        en: `Row ${line}: the CSV is malformed (${error.message}).`,
      }),
    ]);
  }
  const [header, ...body] = records;
  return {
    header: header?.record ?? [],
    rows: body.map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}

function readXlsxSheet(data: Buffer): SheetRows {
  const sheet = readWorkbook(data);
  return {
    header: sheet.header,
    rows: sheet.rows.map((row) => ({
      line: row.line,
      cells: sheet.header.map((name) => row.values[name] ?? ''),
    })),
  };
}

function locateColumns(header: string[]): Record<Field, number> {
  const normalised = header.map((name) => name.trim().toLowerCase());
  const found: Partial<Record<Field, number>> = {};
  const errors: FieldError[] = [];
  for (const [field, names] of Object.entries(attendanceColumns) as [Field, readonly string[]][]) {
    const index = normalised.findIndex((name) => names.includes(name));
    if (index === -1) {
      errors.push(
        problem(`sheet.1.${names[0]}`, 'missing_column', {
          ko: `1행: "${names[1]}"(${names[0]}) 열이 없습니다.`,
          en: `Row 1: the column "${names[0]}" (${names[1]}) is missing.`,
        }),
      );
    } else {
      found[field] = index;
    }
  }
  if (errors.length > 0) throw sheetProblem(errors);
  return found as Record<Field, number>;
}

/** Reads and checks every row; throws naming each bad row and column, or returns the sessions. */
export function readAttendanceSheet(data: Buffer, format: 'csv' | 'xlsx'): SessionInput[] {
  const sheet = format === 'xlsx' ? readXlsxSheet(data) : readCsvSheet(data);
  const columns = locateColumns(sheet.header);
  if (sheet.rows.length === 0) {
    throw sheetProblem([
      problem('sheet.2', 'empty_sheet', {
        ko: '출석부에 제목 행 말고는 행이 없습니다.',
        en: 'The sheet has no rows below its header.',
      }),
    ]);
  }
  if (sheet.rows.length > maxRows) {
    throw sheetProblem([
      problem(`sheet.${maxRows + 2}`, 'too_many_rows', {
        ko: `한 번에 ${maxRows}행까지 올릴 수 있습니다.`,
        en: `At most ${maxRows} rows can be imported at once.`,
      }),
    ]);
  }
  const errors: FieldError[] = [];
  const sessions: SessionInput[] = [];
  for (const { line, cells } of sheet.rows) {
    const cell = (field: Field) => (cells[columns[field]] ?? '').trim();
    const columnName = (field: Field) => sheet.header[columns[field]]?.trim() ?? attendanceColumns[field][0];
    const fail = (field: Field, code: string, ko: string, en: string) =>
      errors.push(
        problem(`sheet.${line}.${columnName(field)}`, code, {
          ko: `${line}행 "${columnName(field)}" 열: ${ko}`,
          en: `Row ${line}, column "${columnName(field)}": ${en}`,
        }),
      );
    const heldOn = cell('heldOn');
    if (!isoDateSchema.safeParse(heldOn).success) {
      fail(
        'heldOn',
        'invalid_date',
        `"${heldOn}"은(는) YYYY-MM-DD 형식의 날짜가 아닙니다.`,
        `"${heldOn}" is not a date in the form YYYY-MM-DD.`,
      );
    }
    for (const field of ['place', 'instructor'] as const) {
      const value = cell(field);
      if (value === '') fail(field, 'required', '비어 있습니다.', 'is empty.');
      else if (value.length > maxText) {
        fail(field, 'too_long', `${maxText}자를 넘습니다.`, `is longer than ${maxText} characters.`);
      }
    }
    const count = cell('participants').replace(/,(?=\d{3}(\D|$))/g, '');
    const participants = /^\d+$/.test(count) ? Number(count) : Number.NaN;
    if (!(participants >= 0 && participants <= maxParticipants)) {
      fail(
        'participants',
        'invalid_count',
        `"${cell('participants')}"은(는) 0 이상 ${maxParticipants} 이하의 정수가 아닙니다.`,
        `"${cell('participants')}" is not a whole number from 0 to ${maxParticipants}.`,
      );
    }
    sessions.push({ heldOn, place: cell('place'), instructor: cell('instructor'), participants });
  }
  if (errors.length > 0) throw sheetProblem(errors);
  return sessions;
}

export async function importAttendance(
  db: Db,
  actor: Actor,
  programmeId: string,
  data: Buffer,
  format: 'csv' | 'xlsx',
): Promise<{ imported: number; participants: number }> {
  const sessions = readAttendanceSheet(data, format);
  await recordSessions(db, actor, programmeId, sessions, 'sheet');
  return {
    imported: sessions.length,
    participants: sessions.reduce((total, session) => total + session.participants, 0),
  };
}
