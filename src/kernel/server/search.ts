/**
 * Substring search for the portal and the modules' `publicSearch`: one way to turn what a reader typed
 * into a LIKE pattern, so that every module finds the same things for the same query.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

/**
 * The query as the modules receive it: NFC (a phone keyboard may send Hangul decomposed into jamo,
 * which would match no stored syllable), trimmed, inner whitespace collapsed.
 */
export function normaliseQuery(query: string): string {
  return query.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** `%query%` for ILIKE, with the pattern characters `%`, `_` and `\` matched literally. */
export function containsPattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * True where any of `columns` contains `query` (case-insensitive). Use inside a `where`:
 * `.where((eb) => anyContains(eb, ['title_ko', 'title_en'], query))`.
 */
export function anyContains<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: readonly string[],
  query: string,
): Expression<SqlBool> {
  const pattern = containsPattern(query);
  return eb.or(columns.map((column) => sql<SqlBool>`${sql.ref(column)} ilike ${pattern}`));
}
