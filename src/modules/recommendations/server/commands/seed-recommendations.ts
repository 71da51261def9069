/**
 * The register's part of the city's dataset: the historical recommendations the seed document names
 * (section 1.6: six matters on which the ombudsman recommended measures). Each is public, quotes the
 * seed as its source, and has no date, department or answer, because the seed states none: they stay
 * null and the tracker shows "not recorded". Records are matched by `code` and updated in place, so a
 * reload keeps their ids (and so their addresses) and leaves every other recommendation alone.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { SeedContext } from '../../../../kernel/server/module.ts';
import { matching, oneOf, readCsv, text } from '../../../../kernel/server/seed/dataset-files.ts';
import { sourceKinds } from '../../contract.ts';
import { recommendationsTrx } from '../tables.ts';

const kebab = matching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id');

export async function seedRecommendations(context: SeedContext): Promise<void> {
  const rows = await readCsv(
    context,
    'recommendations-historical.csv',
    {
      code: kebab,
      source_kind: oneOf(sourceKinds),
      source_reference: text,
      citation: text,
      source_section: text,
      text_en: text,
      text_ko: text,
    },
    { key: 'code' },
  );
  if (rows.length === 0) return;
  await recommendationsTrx(context.trx)
    .insertInto('recommendations_records')
    .values(
      rows.map((row, index) => ({
        id: randomUUID(),
        seed_code: row.code,
        seed_order: index + 1,
        source_kind: row.source_kind,
        source_reference: row.source_reference,
        source_citation: row.citation,
        source_section: row.source_section,
        text_ko: row.text_ko,
        text_en: row.text_en,
        issued_on: null,
        answer_due: null,
        implementation_due: null,
        historical: true,
        is_public: true,
        status: 'issued' as const,
        closed_reason: null,
      })),
    )
    .onConflict((oc) =>
      oc.column('seed_code').doUpdateSet({
        seed_order: sql`excluded.seed_order`,
        source_kind: sql`excluded.source_kind`,
        source_reference: sql`excluded.source_reference`,
        source_citation: sql`excluded.source_citation`,
        source_section: sql`excluded.source_section`,
        text_ko: sql`excluded.text_ko`,
        text_en: sql`excluded.text_en`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
