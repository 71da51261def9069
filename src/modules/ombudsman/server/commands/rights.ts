/** Rights concerned are charter articles from the shared `rights` vocabulary. */
import { sql } from 'kysely';
import { fieldError } from '../../../../kernel/server/errors.ts';
import type { OmbudsmanTrx } from '../tables.ts';

export async function assertKnownRights(
  trx: OmbudsmanTrx,
  codes: readonly string[],
  field: string,
): Promise<void> {
  if (codes.length === 0) return;
  const found = await sql<{ code: string }>`
    select code from vocab_terms where vocabulary = 'rights' and code = any(${[...codes]}::text[])`.execute(
    trx,
  );
  const known = new Set(found.rows.map((row) => row.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw fieldError(field, 'unknown_term', {
      ko: `없는 인권 조항입니다: ${unknown.join(', ')}`,
      en: `No such right: ${unknown.join(', ')}`,
    });
  }
}
