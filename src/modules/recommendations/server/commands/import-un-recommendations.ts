/**
 * Importing UN recommendations from a file in the layout of the OHCHR Universal Human Rights Index
 * export (`../un-file.ts`). All or nothing, in one transaction: any problem (a cell, a mechanism, a
 * department that does not exist, a symbol and paragraph given twice) imports nothing, and the answer
 * names the row and column of each. A recommendation already in the register (same document symbol
 * and paragraph) is kept as it is, so importing the same export again adds nothing; what the office
 * changed since (a translation, the departments, the answers) is never overwritten by a file.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type Actor, runCommand } from '../../../../kernel/server/command.ts';
import type { Db } from '../../../../kernel/server/db.ts';
import { publicDataChanged } from '../../../../kernel/server/open-data/public-cache.ts';
import { type FileIssue, fileRejected } from '../../../../kernel/server/spreadsheet.ts';
import { vocabTrx } from '../../../../kernel/server/vocabularies/tables.ts';
import type { UnImportResult } from '../../contract.ts';
import { recommendationsTrx } from '../tables.ts';
import { unDb, unKey, unReference, unValues } from '../un.ts';
import {
  extraColumns,
  headerIssues,
  readUnFile,
  rowToUn,
  type UnFileEntry,
  type UnFileKind,
  uhriColumns,
} from '../un-file.ts';

const chunkSize = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += chunkSize)
    out.push(items.slice(index, index + chunkSize));
  return out;
}

export async function importUnRecommendations(
  db: Db,
  actor: Actor,
  data: Buffer,
  kind: UnFileKind,
): Promise<UnImportResult> {
  const result = await runCommand(db, actor, async ({ trx, audit }) => {
    const { header, rows } = readUnFile(data, kind);
    const issues: FileIssue[] = headerIssues(header);
    if (issues.length > 0) throw fileRejected(issues);
    if (rows.length === 0) {
      throw fileRejected([
        {
          line: 2,
          column: null,
          code: 'empty_file',
          message: { ko: '가져올 행이 없습니다.', en: 'The file has no rows to import.' },
        },
      ]);
    }
    const entries: UnFileEntry[] = [];
    const lineOfKey = new Map<string, number>();
    for (const row of rows) {
      const parsed = rowToUn(row);
      if ('issues' in parsed) {
        issues.push(...parsed.issues);
        continue;
      }
      const key = unKey(parsed.entry.un.symbol, parsed.entry.un.paragraph);
      const first = lineOfKey.get(key);
      if (first !== undefined) {
        issues.push({
          line: row.line,
          column: uhriColumns.symbol,
          code: 'un_repeated',
          message: {
            ko: `${first}행과 같은 문서 기호와 단락입니다.`,
            en: `The same document symbol and paragraph as row ${first}.`,
          },
        });
        continue;
      }
      lineOfKey.set(key, row.line);
      entries.push(parsed.entry);
    }

    const codes = [...new Set(entries.flatMap((entry) => entry.departments))];
    const known = new Set(
      codes.length === 0
        ? []
        : (
            await vocabTrx(trx)
              .selectFrom('vocab_terms')
              .select('code')
              .where('vocabulary', '=', 'departments')
              .where('code', 'in', codes)
              .execute()
          ).map((term) => term.code),
    );
    for (const entry of entries) {
      const unknown = entry.departments.filter((code) => !known.has(code));
      if (unknown.length > 0) {
        issues.push({
          line: entry.line,
          column: extraColumns.departments,
          code: 'recommendations_unknown_department',
          message: {
            ko: `없는 부서입니다: ${unknown.join(', ')}`,
            en: `No such department: ${unknown.join(', ')}`,
          },
        });
      }
    }
    if (issues.length > 0) throw fileRejected(issues.sort((a, b) => a.line - b.line));

    // Two imports at once must not both add the same symbol and paragraph: the second waits.
    await sql`lock table recommendations_un in share row exclusive mode`.execute(trx);
    const symbols = [...new Set(entries.map((entry) => entry.un.symbol))];
    const existingKeys = new Set<string>();
    for (const part of chunks(symbols)) {
      const found = await unDb(trx)
        .selectFrom('recommendations_un')
        .select(['symbol', 'paragraph'])
        .where('symbol', 'in', part)
        .execute();
      for (const row of found) existingKeys.add(unKey(row.symbol, row.paragraph));
    }
    const fresh = entries
      .filter((entry) => !existingKeys.has(unKey(entry.un.symbol, entry.un.paragraph)))
      .map((entry) => ({ entry, id: randomUUID() }));

    const register = recommendationsTrx(trx);
    for (const part of chunks(fresh)) {
      await register
        .insertInto('recommendations_records')
        .values(
          part.map(({ entry, id }) => ({
            id,
            source_kind: 'un' as const,
            source_reference: unReference(entry.un.symbol, entry.un.paragraph),
            source_citation: null,
            source_section: null,
            seed_code: null,
            seed_order: null,
            text_ko: entry.text.ko,
            text_en: entry.text.en,
            issued_on: entry.issuedOn,
            answer_due: null,
            implementation_due: null,
            // UN recommendations are public, always (issue 16, item 5).
            is_public: true,
            status: 'issued' as const,
            closed_reason: null,
          })),
        )
        .execute();
      await unDb(trx)
        .insertInto('recommendations_un')
        .values(part.map(({ entry, id }) => unValues(id, entry.un, entry.annotationId)))
        .execute();
      const parts = part.flatMap(({ entry, id }) =>
        entry.departments.map((code) => ({
          recommendation_id: id,
          department_code: code,
          answer: null,
          reasons: null,
          answered_at: null,
          answered_by: null,
        })),
      );
      if (parts.length > 0) await register.insertInto('recommendations_departments').values(parts).execute();
      await register
        .insertInto('recommendations_events')
        .values(
          part.map(({ id }) => ({
            recommendation_id: id,
            action: 'issue' as const,
            from_status: null,
            to_status: 'issued' as const,
            department_code: null,
            answer: null,
            reason: null,
            note: null,
          })),
        )
        .execute();
    }
    for (const { entry, id } of fresh) {
      await audit({
        action: 'recommendations.import-un',
        entityType: 'recommendations_records',
        entityId: id,
        after: {
          source_kind: 'un',
          source_reference: unReference(entry.un.symbol, entry.un.paragraph),
          text_ko: entry.text.ko,
          text_en: entry.text.en,
          issued_on: entry.issuedOn,
          is_public: true,
          departments: entry.departments,
          un: entry.un,
          annotation_id: entry.annotationId,
          line: entry.line,
        },
      });
    }
    return { created: fresh.length, existing: entries.length - fresh.length };
  });
  if (result.created > 0) publicDataChanged();
  return result;
}
