/** What the three commands on rights share. */
import type { Transaction } from 'kysely';
import { fieldError, notFound } from '../../errors.ts';
import { fieldMessages } from '../messages.ts';
import { type TermRow, termColumns, type VocabTables } from '../tables.ts';

/** The article to change, locked until the transaction ends (a 404 when there is none). */
export async function lockRight(vocab: Transaction<VocabTables>, code: string): Promise<TermRow> {
  const current = await vocab
    .selectFrom('vocab_terms')
    .select(termColumns)
    .where('vocabulary', '=', 'rights')
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw notFound();
  return current;
}

/** Two articles with one number would make the charter ambiguous; sample articles do not count. */
export async function assertNumberFree(
  vocab: Transaction<VocabTables>,
  number: number,
  exceptCode: string | null,
): Promise<void> {
  let query = vocab
    .selectFrom('vocab_terms')
    .select('code')
    .where('vocabulary', '=', 'rights')
    .where('is_sample', '=', false)
    .where('sort_order', '=', number);
  if (exceptCode !== null) query = query.where('code', '!=', exceptCode);
  if (await query.executeTakeFirst()) {
    throw fieldError('body.number', 'right_number_taken', fieldMessages.right_number_taken);
  }
}

/** A right as the audit trail records it. */
export function auditedRight(row: TermRow) {
  return {
    code: row.code,
    number: row.data.number ?? null,
    title: { ko: row.name_ko, en: row.name_en },
    text: row.description_en === null ? null : { ko: row.description_ko, en: row.description_en },
    version: row.version,
  };
}
