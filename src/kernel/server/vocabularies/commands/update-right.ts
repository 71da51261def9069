/**
 * Editing a charter article. Optimistic concurrency: the editor sends the version it read, and a
 * change made meanwhile by someone else is a 409, never silently overwritten.
 */
import { sql } from 'kysely';
import { type Actor, runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { conflict } from '../../errors.ts';
import { publicDataChanged } from '../../open-data/public-cache.ts';
import type { UpdateRightInput } from '../contract.ts';
import { type TermRow, termColumns, vocabTrx } from '../tables.ts';
import { assertNumberFree, auditedRight, lockRight } from './rights.ts';

export async function updateRight(
  db: Db,
  actor: Actor,
  code: string,
  input: UpdateRightInput,
): Promise<TermRow> {
  const updated = await runCommand(db, actor, async ({ trx, audit }) => {
    const vocab = vocabTrx(trx);
    const current = await lockRight(vocab, code);
    if (current.version !== input.version) throw conflict();
    const number = input.number ?? Number(current.data.number);
    if (number !== current.sort_order) await assertNumberFree(vocab, number, code);
    const text =
      input.text === undefined
        ? { ko: current.description_ko, en: current.description_en }
        : { ko: input.text?.ko ?? null, en: input.text?.en ?? null };
    const row = await vocab
      .updateTable('vocab_terms')
      .set({
        name_ko: input.title?.ko ?? current.name_ko,
        name_en: input.title?.en ?? current.name_en,
        description_ko: text.ko,
        description_en: text.en,
        data: { ...current.data, number },
        sort_order: number,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('vocabulary', '=', 'rights')
      .where('code', '=', code)
      .returning(termColumns)
      .executeTakeFirstOrThrow();
    await audit({
      action: 'vocab.update-right',
      entityType: 'vocab_terms',
      entityId: `rights/${code}`,
      before: auditedRight(current),
      after: auditedRight(row),
    });
    return row;
  });
  publicDataChanged();
  return updated;
}
