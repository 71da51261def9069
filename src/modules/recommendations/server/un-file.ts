/**
 * Reading a file of UN recommendations in the layout of the OHCHR Universal Human Rights Index
 * (uhri.ohchr.org) export: its columns by their export names (with the export's own spelling
 * "Reccomending Body"), as CSV (UTF-8, with or without a byte-order mark) or as the .xlsx the Index
 * downloads. The export has no paragraph, Korean text or department, so a few columns of ours may be
 * added beside its own; every problem names the row (the file's line, 1 being the header) and column.
 *
 * The export's columns (as a UHRI download names them: Text, Countries Concerned, Reccomending Body,
 * Document Symbol, Themes, Affected Persons, Sdgs, Document Publication Date, UPR Reccomending States,
 * UPR Position, Type, OHCHR Annotation Id, UPR Session, Regions Concerned, Recommending Regions, Date
 * of publication on UHRI); the ones read are in `uhriColumns`, the others are accepted and ignored.
 */
import {
  type FileIssue,
  type FileRow,
  fileRejected,
  readCsvRows,
  readWorkbook,
} from '../../../kernel/server/spreadsheet.ts';

import type { Bilingual } from '../../../kernel/shared/language.ts';
import {
  type UnAddressee,
  type UnDetails,
  type UnMechanism,
  unAddressees,
  unMechanisms,
} from '../contract.ts';

export type UnFileKind = 'csv' | 'xlsx';

/** The export's columns that are read. */
export const uhriColumns = {
  text: 'Text',
  body: 'Reccomending Body',
  symbol: 'Document Symbol',
  published: 'Document Publication Date',
  session: 'UPR Session',
  annotationId: 'OHCHR Annotation Id',
} as const;

/** Columns of ours, all optional, for what the export does not hold. */
export const extraColumns = {
  paragraph: 'Paragraph',
  mechanism: 'Mechanism',
  language: 'Language',
  textKo: 'Text (ko)',
  textEn: 'Text (en)',
  addressedTo: 'Addressed To',
  departments: 'Departments',
  cycle: 'Cycle',
} as const;

/** The export's typo, and the spelling a person fixing the file by hand may use: both are accepted. */
const bodyAliases = ['Reccomending Body', 'Recommending Body'];

const badEncoding: Bilingual = {
  ko: 'UTF-8이 아닌 글자가 있습니다. 파일을 UTF-8 CSV로 저장해 주세요.',
  en: 'Holds characters that are not UTF-8. Save the file as UTF-8 CSV.',
};

/** The rows of the file, each with its line; a CSV that is not UTF-8 names the cells it breaks. */
export function readUnFile(data: Buffer, kind: UnFileKind): { header: string[]; rows: FileRow[] } {
  if (kind === 'xlsx') {
    const sheet = readWorkbook(data);
    return { header: sheet.header, rows: sheet.rows };
  }
  let text: string;
  let utf8 = true;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Decoded again with replacement characters, so that the cells holding them can be named.
    utf8 = false;
    text = new TextDecoder('utf-8').decode(data);
  }
  text = text.replace(/^\uFEFF/, '');
  const { header, rows } = readCsvRows(text);
  if (!utf8) {
    const issues: FileIssue[] = [];
    if (header.some((name) => name.includes('\uFFFD'))) {
      issues.push({ line: 1, column: null, code: 'encoding', message: badEncoding });
    }
    for (const row of rows) {
      for (const [column, value] of Object.entries(row.values)) {
        if (value.includes('\uFFFD'))
          issues.push({ line: row.line, column, code: 'encoding', message: badEncoding });
      }
    }
    if (issues.length === 0) issues.push({ line: 1, column: null, code: 'encoding', message: badEncoding });
    throw fileRejected(issues);
  }
  return { header, rows };
}

/** The columns the file must have (the body's under either spelling). */
export function headerIssues(header: readonly string[]): FileIssue[] {
  const issues: FileIssue[] = [];
  const missing = (column: string): FileIssue => ({
    line: 1,
    column,
    code: 'missing_column',
    message: { ko: '이 열이 있어야 합니다.', en: 'This column is required.' },
  });
  for (const column of [uhriColumns.text, uhriColumns.symbol, uhriColumns.published]) {
    if (!header.includes(column)) issues.push(missing(column));
  }
  if (!bodyAliases.some((name) => header.includes(name))) issues.push(missing(uhriColumns.body));
  return issues;
}

/** The treaty bodies by the short names the Index gives them. */
const treatyBodies = new Set([
  'CAT',
  'CCPR',
  'CED',
  'CEDAW',
  'CERD',
  'CESCR',
  'CMW',
  'CRC',
  'CRC-OP-AC',
  'CRC-OP-SC',
  'CRPD',
  'SPT',
]);

/** The Index writes a list cell as lines each starting `- `; the first entry is the one that counts. */
function firstEntry(cell: string): string {
  const entries = cell
    .split(/\r?\n|;/)
    .map((entry) => entry.replace(/^\s*-\s*/, '').trim())
    .filter(Boolean);
  return entries[0] ?? '';
}

function mechanismOfBody(body: string): UnMechanism | null {
  const name = body.toUpperCase();
  if (name === 'UPR' || name.startsWith('UPR ') || name.includes('UNIVERSAL PERIODIC REVIEW')) return 'upr';
  if (treatyBodies.has(name)) return 'treaty_body';
  if (
    /^(SR|IE|WG)\b/.test(name) ||
    name.includes('SPECIAL PROCEDURE') ||
    name.includes('SPECIAL RAPPORTEUR')
  ) {
    return 'special_procedure';
  }
  return null;
}

const mechanismNames: Record<string, UnMechanism> = {
  upr: 'upr',
  'universal periodic review': 'upr',
  treaty_body: 'treaty_body',
  'treaty body': 'treaty_body',
  'treaty bodies': 'treaty_body',
  special_procedure: 'special_procedure',
  'special procedure': 'special_procedure',
  'special procedures': 'special_procedure',
};

/**
 * A date of the export: `YYYY-MM-DD` (possibly with a time), or the Excel day number a workbook may
 * carry (days since 1899-12-30), or `DD/MM/YYYY` as the Index shows dates.
 */
function isoDateOf(cell: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(cell);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  let date: Date | null = null;
  if (iso) date = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  else if (dmy) date = new Date(Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1])));
  else if (/^\d{4,5}(\.\d+)?$/.test(cell))
    date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(cell)) * 86_400_000);
  if (!date || Number.isNaN(date.getTime())) return null;
  const text = date.toISOString().slice(0, 10);
  // 2026-02-31 rolls over to March: refuse it rather than move it.
  if (iso && text !== `${iso[1]}-${iso[2]}-${iso[3]}`) return null;
  const year = date.getUTCFullYear();
  return year >= 1945 && year <= 2200 ? text : null;
}

/** A paragraph number at the start of the text, as UPR reports print it: `132.45 Continue …`. */
function paragraphOf(text: string): string | null {
  const match = /^\s*(\d{1,4}(?:\.\d{1,4})*)\.?\s/.exec(text);
  return match?.[1] ?? null;
}

export interface UnFileEntry {
  line: number;
  un: UnDetails;
  text: { ko: string; en: string };
  issuedOn: string;
  departments: string[];
  annotationId: string | null;
}

const required: Bilingual = { ko: '값이 있어야 합니다.', en: 'A value is required.' };

/** One row as the recommendation it describes, or the problems of its cells. */
export function rowToUn(row: FileRow): { entry: UnFileEntry } | { issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  const values = row.values;
  const fail = (column: string, code: string, message: Bilingual) =>
    issues.push({ line: row.line, column, code, message });
  const cell = (column: string) => values[column] ?? '';
  const bodyColumn = bodyAliases.find((name) => name in values) ?? uhriColumns.body;

  const text = cell(uhriColumns.text);
  if (!text) fail(uhriColumns.text, 'required', required);
  else if (text.length > 20000) {
    fail(uhriColumns.text, 'too_long', { ko: '20,000자를 넘습니다.', en: 'Longer than 20,000 characters.' });
  }
  const symbol = firstEntry(cell(uhriColumns.symbol));
  if (!symbol) fail(uhriColumns.symbol, 'required', required);
  else if (symbol.length > 100) {
    fail(uhriColumns.symbol, 'too_long', { ko: '100자를 넘습니다.', en: 'Longer than 100 characters.' });
  }
  const body = firstEntry(cell(bodyColumn));
  if (!body) fail(bodyColumn, 'required', required);
  else if (body.length > 300) {
    fail(bodyColumn, 'too_long', { ko: '300자를 넘습니다.', en: 'Longer than 300 characters.' });
  }

  let mechanism: UnMechanism | null = null;
  const named = cell(extraColumns.mechanism);
  if (named) {
    mechanism = mechanismNames[named.toLowerCase().replace(/^-\s*/, '')] ?? null;
    if (!mechanism) {
      fail(extraColumns.mechanism, 'un_mechanism', {
        ko: `알 수 없는 기구 유형입니다. 다음 중 하나여야 합니다: ${unMechanisms.join(', ')}`,
        en: `Unknown mechanism. It must be one of: ${unMechanisms.join(', ')}`,
      });
    }
  } else if (body) {
    mechanism = mechanismOfBody(body);
    if (!mechanism) {
      fail(bodyColumn, 'un_mechanism', {
        ko: "기구 유형을 알 수 없는 기구입니다. 'Mechanism' 열에 upr, treaty_body, special_procedure 중 하나를 적어 주세요.",
        en: "The mechanism of this body is not known: give it in a 'Mechanism' column (upr, treaty_body or special_procedure).",
      });
    }
  }

  const paragraph = cell(extraColumns.paragraph) || (text ? paragraphOf(text) : null);
  if (!paragraph) {
    fail(extraColumns.paragraph, 'required', {
      ko: "단락 번호가 없습니다. 'Paragraph' 열에 적거나 본문을 단락 번호로 시작해 주세요.",
      en: "No paragraph number: give it in a 'Paragraph' column or start the text with it.",
    });
  } else if (!/^[0-9A-Za-z][0-9A-Za-z.()-]{0,29}$/.test(paragraph)) {
    fail(extraColumns.paragraph, 'un_paragraph', {
      ko: '단락 번호는 132.45 같은 형식이어야 합니다.',
      en: 'A paragraph is written like 132.45.',
    });
  }

  const issuedOn = isoDateOf(cell(uhriColumns.published));
  if (!cell(uhriColumns.published)) fail(uhriColumns.published, 'required', required);
  else if (!issuedOn) {
    fail(uhriColumns.published, 'un_date', {
      ko: '날짜는 YYYY-MM-DD 형식이어야 합니다.',
      en: 'A date is written YYYY-MM-DD.',
    });
  }

  const language = cell(extraColumns.language) || 'en';
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) {
    fail(extraColumns.language, 'un_language', {
      ko: '언어는 en, fr 같은 언어 태그여야 합니다.',
      en: 'A language is a tag such as en or fr.',
    });
  }
  const textEn = cell(extraColumns.textEn) || (language === 'en' ? text : '');
  if (!textEn && text) {
    fail(extraColumns.textEn, 'required', {
      ko: '원문이 영어가 아니면 영어 본문이 있어야 합니다.',
      en: 'An English text is required when the original is not in English.',
    });
  }
  // Until the office translates it, the Korean text is the UN's own words (shown as the original).
  const textKo = cell(extraColumns.textKo) || text;
  for (const [column, value] of [
    [extraColumns.textKo, textKo],
    [extraColumns.textEn, textEn],
  ] as const) {
    if (value.length > 5000) {
      fail(column === extraColumns.textKo && !cell(column) ? uhriColumns.text : column, 'too_long', {
        ko: '등록부 본문은 5,000자를 넘을 수 없습니다.',
        en: "The register's text is at most 5,000 characters.",
      });
    }
  }

  const addressedTo = (cell(extraColumns.addressedTo).toLowerCase() || 'korea') as UnAddressee;
  if (!unAddressees.includes(addressedTo)) {
    fail(extraColumns.addressedTo, 'un_addressee', {
      ko: '받는 곳은 city(시) 또는 korea(대한민국)여야 합니다.',
      en: 'Addressed to is city or korea.',
    });
  }
  const cycle = cell(extraColumns.cycle) || firstEntry(cell(uhriColumns.session)) || null;
  if (cycle && cycle.length > 100) {
    fail(extraColumns.cycle, 'too_long', { ko: '100자를 넘습니다.', en: 'Longer than 100 characters.' });
  }
  const departments = [
    ...new Set(
      cell(extraColumns.departments)
        .split(/[;\n]/)
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
  if (issues.length > 0 || !mechanism || !paragraph || !issuedOn) return { issues };
  return {
    entry: {
      line: row.line,
      un: {
        mechanism,
        body,
        symbol,
        paragraph,
        originalLanguage: language,
        originalText: text,
        addressedTo,
        cycle,
        year: Number(issuedOn.slice(0, 4)),
      },
      text: { ko: textKo, en: textEn },
      issuedOn,
      departments,
      annotationId: cell(uhriColumns.annotationId) || null,
    },
  };
}
