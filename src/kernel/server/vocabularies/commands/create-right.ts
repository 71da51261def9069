/**
 * An admin or officer enters an article of the human rights charter as a term of the `rights`
 * vocabulary. The charter's text is not in the dataset: rights exist only as staff enter them.
 */
import { type Actor, runCommand } from '../../command.ts';
import type { Db } from '../../db.ts';
import { fieldError } from '../../errors.ts';
import { publicDataChanged } from '../../open-data/public-cache.ts';
import type { CreateRightInput } from '../contract.ts';
import { fieldMessages } from '../messages.ts';
import { type TermRow, termColumns, vocabTrx } from '../tables.ts';
import { assertNumberFree, auditedRight } from './rights.ts';

export async function createRight(db: Db, actor: Actor, input: CreateRightInput): Promise<TermRow> {
  const created = await runCommand(db, actor, async ({ trx, audit }) => {
    const vocab = vocabTrx(trx);
    await assertNumberFree(vocab, input.number, null);
    const row = await vocab
      .insertInto('vocab_terms')
      .values({
        vocabulary: 'rights',
        code: input.code,
        name_ko: input.title.ko,
        name_en: input.title.en,
        description_ko: input.text?.ko ?? null,
        description_en: input.text?.en ?? null,
        data: { number: input.number },
        // The article's number orders the charter.
        sort_order: input.number,
        source_section: null,
      })
      .returning(termColumns)
      .executeTakeFirstOrThrow()
      .catch((error: { code?: string }) => {
        if (error.code === '23505') {
          throw fieldError('body.code', 'right_code_taken', fieldMessages.right_code_taken);
        }
        throw error;
      });
    await audit({
      action: 'vocab.create-right',
      entityType: 'vocab_terms',
      entityId: `rights/${row.code}`,
      after: auditedRight(row),
    });
    return row;
  });
  publicDataChanged();
  return created;
}
